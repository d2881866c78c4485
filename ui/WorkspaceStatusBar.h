#pragma once

#include <QStatusBar>

class QLabel;
class QProgressBar;
class QToolButton;

namespace caseyos {

struct IngestReport;

// Counts (pending / shown / total) on the right, import progress with a cancel button while an import runs,
// and short messages ("Undid: …") on the left.
class WorkspaceStatusBar : public QStatusBar
{
    Q_OBJECT
public:
    explicit WorkspaceStatusBar(QWidget* parent = nullptr);

    void setCounts(int pending, int shown, int total);
    QString countsText() const;

    void importStarted(const QStringList& paths);
    void importProgress(qint64 bytesDone, qint64 bytesTotal, const QString& currentFile);
    void importFinished(const IngestReport& report);
    bool isImporting() const { return m_importing; }
    QProgressBar* progressBar() const { return m_progress; }

Q_SIGNALS:
    void cancelImportRequested();

private:
    QLabel* m_counts = nullptr;
    QWidget* m_importBox = nullptr;
    QLabel* m_importLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancel = nullptr;
    bool m_importing = false;
};

} // namespace caseyos
