#pragma once

#include "execution/ExecutionReader.h"
#include "execution/Executor.h"

#include <QDialog>
#include <QTimer>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace caseyos {

class PayloadEditor;

// Execute (`e`): the selected move's action before it runs — the action, its payload as editable fields, and
// exactly what will go out (the performer's describe() through a dry run), with Dry run, Execute and Cancel.
// Progress and results stay in the dialog: "Sending to … in 9 s" with Undo, "Failed: …" with Retry, and the
// executor's refusals (kill switch, caps, safety checks, no account) in a banner. It is a view only: the
// ExecutionController submits, tracks the execution and calls the show…() methods.
class ExecuteDialog : public QDialog
{
    Q_OBJECT
public:
    ExecuteDialog(qint64 moveId, const QString& title, QWidget* parent = nullptr);

    qint64 moveId() const { return m_moveId; }
    qint64 executionId() const { return m_executionId; } // the run this dialog started (0: none yet)
    bool hasDraft() const { return m_hasDraft; }

    void setDraft(const ExecutionDraft& draft); // the move's default action; asks for the first preview
    void refreshPreview(); // the executor's limits changed (kill switch): a fresh preview, while editing
    ExecuteRequest request(bool dryRun) const; // what is in the fields now (approved unless a dry run)
    bool payloadParses(QString* error = nullptr) const;

    // Answers, in the order they come.
    void showWorking(const QString& text); // the run was asked for: the fields are locked until it answers
    void showPreviewPending(); // a dry run is on its way; the fields stay editable
    void showResult(const SubmitResult& result, bool dryRun); // preview, refusal, or the run accepted
    void showCountdown(int secondsLeft, const QString& target); // a send waiting in the outbox
    void showRunning();
    void showFinished(const ExecutionRecord& record);
    void showFailed(const ExecutionRecord& record);
    void showUndone(const ExecutionRecord& record);
    void showUndoRefused(const QString& message);

    // For tests and the screenshot.
    PayloadEditor* editor() const { return m_editor; }
    QComboBox* actionBox() const { return m_action; }
    QPlainTextEdit* outgoingView() const { return m_readable; }
    QPlainTextEdit* rawView() const { return m_raw; }
    QLabel* bannerLabel() const { return m_banner; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* dryRunButton() const { return m_dryRun; }
    QPushButton* executeButton() const { return m_execute; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* undoButton() const { return m_undo; }
    QPushButton* retryButton() const { return m_retry; }
    QString bannerText() const; // empty when no banner is shown

Q_SIGNALS:
    void previewRequested(); // Dry run, or the fields settled after an edit
    void executeRequested();
    void undoRequested(qint64 executionId);

private:
    enum class Tone { Info, Warning, Error };
    enum class Phase { Loading, Editing, Working, Waiting, Running, Done };
    void buildUi(const QString& title);
    void setBanner(const QString& html, Tone tone);
    void setStatus(const QString& html, bool busy = false);
    void setPhase(Phase phase);
    void setOutgoing(const QJsonObject& outgoing);
    void onEdited();

    qint64 m_moveId = 0;
    qint64 m_executionId = 0;
    bool m_hasDraft = false;
    bool m_invalid = false; // the last answer said the payload is wrong, and it was not edited since
    Phase m_phase = Phase::Loading;
    QTimer m_previewDelay; // typing settles before the preview is asked for again

    QComboBox* m_action = nullptr;
    QLabel* m_actionNote = nullptr;
    QLabel* m_banner = nullptr;
    PayloadEditor* m_editor = nullptr;
    QLabel* m_request = nullptr;
    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_readable = nullptr;
    QPlainTextEdit* m_raw = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_undo = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_dryRun = nullptr;
    QPushButton* m_execute = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace caseyos
