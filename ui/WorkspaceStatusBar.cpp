#include "WorkspaceStatusBar.h"

#include "signals/IngestReport.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace caseyos {

WorkspaceStatusBar::WorkspaceStatusBar(QWidget* parent)
    : QStatusBar(parent)
{
    setObjectName(u"statusBar"_s);
    m_importBox = new QWidget;
    auto* importLayout = new QHBoxLayout(m_importBox);
    importLayout->setContentsMargins(0, 0, 0, 0);
    importLayout->setSpacing(6);
    m_importLabel = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"importProgress"_s);
    m_progress->setRange(0, 1000);
    m_progress->setFixedWidth(180);
    m_progress->setTextVisible(true);
    m_cancel = new QToolButton;
    m_cancel->setObjectName(u"cancelImport"_s);
    m_cancel->setText(u"Cancel"_s);
    m_cancel->setToolTip(u"Stop the import (what was imported so far is kept)"_s);
    m_cancel->setAutoRaise(true);
    importLayout->addWidget(m_importLabel);
    importLayout->addWidget(m_progress);
    importLayout->addWidget(m_cancel);
    m_importBox->hide();
    addPermanentWidget(m_importBox);

    m_counts = new QLabel;
    m_counts->setObjectName(u"counts"_s);
    m_counts->setContentsMargins(8, 0, 8, 0);
    addPermanentWidget(m_counts);

    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_importLabel->setText(u"Cancelling…"_s);
        Q_EMIT cancelImportRequested();
    });
}

void WorkspaceStatusBar::setCounts(int pending, int shown, int total)
{
    const QLocale locale = QLocale::c();
    auto number = [&](int n) {
        QString text = locale.toString(n);
        return text.replace(u","_s, u"\u202f"_s); // a thin space groups digits without a locale's comma
    };
    m_counts->setText(
        u"%1 pending · %2 shown · %3 total"_s.arg(number(pending), number(shown), number(total)));
}

QString WorkspaceStatusBar::countsText() const
{
    return m_counts->text();
}

void WorkspaceStatusBar::importStarted(const QStringList& paths)
{
    m_importing = true;
    m_progress->setValue(0);
    m_cancel->setEnabled(true);
    m_importLabel->setText(paths.size() == 1 ? u"Importing %1…"_s.arg(QFileInfo(paths.first()).fileName())
                                             : u"Importing %1 files…"_s.arg(paths.size()));
    m_importBox->show();
}

void WorkspaceStatusBar::importProgress(qint64 bytesDone, qint64 bytesTotal, const QString& currentFile)
{
    if (!m_importing)
        importStarted({ currentFile });
    m_progress->setValue(bytesTotal > 0 ? static_cast<int>(1000 * bytesDone / bytesTotal) : 0);
    if (m_cancel->isEnabled() && !currentFile.isEmpty())
        m_importLabel->setText(u"Importing %1…"_s.arg(QFileInfo(currentFile).fileName()));
}

void WorkspaceStatusBar::importFinished(const IngestReport& report)
{
    m_importing = false;
    m_importBox->hide();
    QString text = u"Import: %1 new signals, %2 duplicates, %3 invalid lines, %4 new moves"_s.arg(
        QString::number(report.ingested), QString::number(report.duplicates), QString::number(report.invalid),
        QString::number(report.movesCreated));
    if (!report.fatalError.isEmpty())
        text = u"Import stopped: "_s + report.fatalError + u" — "_s + text;
    showMessage(text, 15000);
}

} // namespace caseyos
