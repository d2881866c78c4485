#pragma once

#include "core/Clock.h"
#include "execution/ExecutionWorker.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace caseyos {

class ExecuteDialog;
class ExecutionClient;
class ExecutionHistoryBox;
class MoveActions;
class MoveDetailPane;
class MovesModel;
class MovesView;
class OutboxCountdown;
class TriageController;
class WorkspaceClient;
class WorkspaceStatusBar;

// Wires the executor into the window (PRODUCT.md §7, issue 5): Execute (`e`) opens the ExecuteDialog for the
// selected move; a send's countdown sits in the status bar and `z` takes it back while it waits (after it
// left, `z` asks the executor once and shows its answer — a draft is deleted, an email "cannot be recalled");
// the detail pane lists the move's executions; the Kill Switch action (toolbar, Move menu, tray) shows and
// sets the switch. Everything goes through an ExecutionClient on the "execution" thread, with the audit sink,
// so the window's executions, undos and switch changes are audited like the CLI's. Moves the executor changed
// are read again there and updated in the list in place.
class ExecutionController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QWidget* window = nullptr;
        TriageController* triage = nullptr;
        MoveActions* actions = nullptr;
        MovesModel* model = nullptr;
        MovesView* view = nullptr;
        MoveDetailPane* detail = nullptr;
        WorkspaceStatusBar* statusBar = nullptr;
    };
    ExecutionController(const Parts& parts, const Clock& clock, QObject* parent = nullptr);
    ~ExecutionController() override;

    // The workspace's client (for its database and its move changes) and the performers to run with; the
    // executor starts at workspaceOpened(), once the migrations have run.
    void attach(WorkspaceClient* workspace, PerformerSetup performers);
    void workspaceOpened();

    void execute(); // the selected move
    bool canUndo() const; // a send of this window waits, or the execution just run may be undone
    void undo(); // `z` while canUndo()

    QAction* killSwitchAction() const { return m_killSwitch; }
    OutboxCountdown* countdown() const { return m_countdown; }
    ExecutionHistoryBox* historyBox() const { return m_history; }
    ExecuteDialog* dialog() const; // the open one, or null
    ExecutionClient* client() const { return m_client; }

    // The pop-up id of a waiting send: negative, so it never meets a notification's id.
    static qint64 sendPopupId(qint64 executionId) { return -executionId; }

public Q_SLOTS:
    // A desktop pop-up was clicked: when it was a waiting send's, the send is cancelled (its Undo).
    void popupClicked(qint64 popupId);

Q_SIGNALS:
    void ready(); // the executor started (tests wait for it)
    // A send waits in the outbox: the desktop shows it with "click to undo" (the notification's Undo), also
    // when the window is hidden — it may have come from an approved MCP call.
    void popupRequested(qint64 popupId, const QString& title, const QString& message, int priorityWeight,
        qint64 moveId);

private:
    void connectClient();
    void openDialogFor(qint64 moveId);
    void onSubmitted(quint64 requestId, const SubmitResult& result);
    void onQueued(qint64 executionId, const QDateTime& dueAt);
    void announceSend(qint64 executionId);
    void onStarted(qint64 executionId);
    void onFinished(const ExecutionRecord& record);
    void onFailed(const ExecutionRecord& record);
    void onUndone(const ExecutionRecord& record);
    void onUndoRefused(qint64 executionId, const QString& message);
    void onKillSwitch(bool on, bool changed);
    void refreshMove(std::optional<qint64> moveId); // its list row and, when shown, its executions
    void loadHistory(qint64 moveId);
    void setLastUndoable(qint64 executionId);
    void showMessage(const QString& text, int timeoutMs = 10000);
    QString describe(const ExecutionRecord& record) const; // "Send email to dana@acme.com"

    Parts m_parts;
    const Clock& m_clock;
    ExecutionClient* m_client = nullptr;
    QAction* m_killSwitch = nullptr;
    OutboxCountdown* m_countdown = nullptr;
    ExecutionHistoryBox* m_history = nullptr;
    QPointer<ExecuteDialog> m_dialog;
    quint64 m_draftRequest = 0;
    quint64 m_previewRequest = 0;
    quint64 m_runRequest = 0;
    quint64 m_historyRequest = 0;
    qint64 m_lastUndoable = 0; // run from here, no longer waiting, and no move change since
};

} // namespace caseyos
