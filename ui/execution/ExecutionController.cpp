#include "ExecutionController.h"

#include "ExecuteDialog.h"
#include "ExecutionHistoryBox.h"
#include "ExecutionText.h"
#include "MoveActions.h"
#include "MoveDetailPane.h"
#include "MovesModel.h"
#include "MovesView.h"
#include "OutboxCountdown.h"
#include "TriageController.h"
#include "WorkspaceStatusBar.h"
#include "execution/ExecutionAudit.h"
#include "execution/ExecutionClient.h"
#include "workspace/WorkspaceClient.h"

#include <QAction>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {
// High (PRODUCT.md §5): a send about to leave is worth a pop-up, outside quiet hours and pauses.
constexpr int kSendPopupWeight = 75;
} // namespace

ExecutionController::ExecutionController(const Parts& parts, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
    , m_clock(clock)
{
    m_killSwitch = new QAction(QIcon(u":/icons/killswitch.svg"_s), tr("&Kill Switch"), parts.window);
    m_killSwitch->setObjectName(u"killSwitch"_s);
    m_killSwitch->setCheckable(true);
    m_killSwitch->setEnabled(false); // until the executor says how it stands
    m_killSwitch->setShortcut(QKeySequence(u"Ctrl+Shift+K"_s));
    m_killSwitch->setShortcutContext(Qt::WindowShortcut);
    m_killSwitch->setToolTip(tr("On: nothing that reaches people leaves — emails, Slack and X posts and meeting "
                                "invitations are refused and sends waiting in the outbox are stopped. Drafts, "
                                "tasks and CRM updates still run."));
    m_killSwitch->setStatusTip(m_killSwitch->toolTip());
    parts.window->addAction(m_killSwitch);
    connect(m_killSwitch, &QAction::triggered, this, [this](bool on) {
        if (!m_client) {
            m_killSwitch->setChecked(!on);
            return;
        }
        m_client->setKillSwitch(on); // checked again from killSwitchChanged (or put back on an error)
    });

    m_countdown = new OutboxCountdown(clock);
    parts.statusBar->insertPermanentWidget(0, m_countdown);
    connect(m_countdown, &OutboxCountdown::undoRequested, this, &ExecutionController::undo);
    connect(m_countdown, &OutboxCountdown::ticked, this, [this] {
        if (m_dialog && m_countdown->contains(m_dialog->executionId()))
            m_dialog->showCountdown(
                m_countdown->secondsLeft(m_dialog->executionId()), m_countdown->target(m_dialog->executionId()));
    });

    m_history = new ExecutionHistoryBox(clock);
    parts.detail->addSection(m_history);
    connect(parts.detail, &MoveDetailPane::moveShown, this, &ExecutionController::loadHistory);

    connect(parts.actions->execute, &QAction::triggered, this, &ExecutionController::execute);
    parts.triage->setUndoFirst([this] { return canUndo(); }, [this] { undo(); });
}

// The client's thread ends (after the call in hand) before the widgets it reports to go.
ExecutionController::~ExecutionController()
{
    delete m_client;
}

void ExecutionController::attach(WorkspaceClient* workspace, PerformerSetup performers)
{
    delete m_client;
    const QString path = workspace->databasePath();
    // Audited like the CLI's executions: the hash-chained log, actor "user", on the execution thread.
    m_client = new ExecutionClient(
        path, m_clock, std::move(performers), executionAuditSinkFor(path, m_clock, u"user"_s), this);
    connectClient();
    // A change to a move made after the execution is the newer thing to undo.
    connect(workspace, &WorkspaceClient::moveChanged, this, [this] { setLastUndoable(0); });
}

ExecuteDialog* ExecutionController::dialog() const
{
    return m_dialog;
}

void ExecutionController::workspaceOpened()
{
    if (m_client)
        m_client->start();
}

void ExecutionController::connectClient()
{
    ExecutionClient* c = m_client;
    connect(c, &ExecutionClient::ready, this, [this](bool on) {
        m_killSwitch->setEnabled(true);
        onKillSwitch(on, false);
        Q_EMIT ready();
    });
    connect(c, &ExecutionClient::killSwitchChanged, this, [this](bool on) { onKillSwitch(on, true); });
    connect(c, &ExecutionClient::error, this, [this](const QString& message) {
        m_killSwitch->setChecked(m_client && m_client->killSwitch());
        showMessage(tr("Executor: %1").arg(message), 15000);
    });
    connect(c, &ExecutionClient::submitted, this, &ExecutionController::onSubmitted);
    connect(c, &ExecutionClient::queued, this, &ExecutionController::onQueued);
    connect(c, &ExecutionClient::started, this, &ExecutionController::onStarted);
    connect(c, &ExecutionClient::finished, this, &ExecutionController::onFinished);
    connect(c, &ExecutionClient::failed, this, &ExecutionController::onFailed);
    connect(c, &ExecutionClient::undone, this, &ExecutionController::onUndone);
    connect(c, &ExecutionClient::undoRefused, this, &ExecutionController::onUndoRefused);
    connect(c, &ExecutionClient::draftLoaded, this, [this](quint64 id, const ExecutionDraft& draft) {
        if (m_dialog && id == m_draftRequest)
            m_dialog->setDraft(draft);
    });
    connect(c, &ExecutionClient::historyLoaded, this,
        [this](quint64 id, qint64 moveId, const QList<ExecutionRecord>& records) {
            if (id == m_historyRequest)
                m_history->setRecords(moveId, records);
        });
    connect(c, &ExecutionClient::rowsLoaded, m_parts.triage, &TriageController::showChangedRows);
}

// ---- the dialog ---------------------------------------------------------------------------------------------

void ExecutionController::execute()
{
    const qint64 moveId = m_parts.view->currentMoveId();
    if (moveId == 0)
        return;
    if (!m_client) {
        showMessage(tr("The executor is not ready: no workspace is open yet."), 5000);
        return;
    }
    openDialogFor(moveId);
}

void ExecutionController::openDialogFor(qint64 moveId)
{
    if (m_dialog) {
        if (m_dialog->moveId() == moveId) {
            m_dialog->raise();
            m_dialog->activateWindow();
            return;
        }
        m_dialog->close();
    }
    const MoveRow* row = m_parts.model->findMove(moveId);
    auto* dialog = new ExecuteDialog(moveId, row ? row->title : tr("Move #%1").arg(moveId), m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    m_previewRequest = 0;
    m_runRequest = 0;
    connect(dialog, &ExecuteDialog::previewRequested, this, [this, dialog] {
        if (!m_client || !dialog->payloadParses())
            return;
        dialog->showPreviewPending();
        m_previewRequest = m_client->submit(dialog->request(true));
    });
    connect(dialog, &ExecuteDialog::executeRequested, this, [this, dialog] {
        if (!m_client)
            return;
        m_previewRequest = 0; // an answer to an earlier preview must not land over the run's
        dialog->showWorking(tr("Submitting…"));
        m_runRequest = m_client->submit(dialog->request(false));
    });
    connect(dialog, &ExecuteDialog::undoRequested, this, [this](qint64 executionId) {
        if (m_client)
            m_client->undo(executionId);
    });
    m_draftRequest = m_client->loadDraft(moveId);
    dialog->open();
}

void ExecutionController::onSubmitted(quint64 requestId, const SubmitResult& result)
{
    const bool preview = requestId == m_previewRequest;
    const bool run = requestId == m_runRequest;
    if (!preview && !run)
        return; // a preview the user has typed past, or a dialog that is gone
    if (m_dialog)
        m_dialog->showResult(result, preview);
    if (preview)
        return;
    m_runRequest = 0;
    using S = SubmitResult::Status;
    if (result.status == S::Blocked || result.status == S::Invalid) {
        showMessage(tr("Not executed: %1").arg(result.message));
        return;
    }
    if (!result.accepted() || !result.record)
        return;
    const ExecutionRecord& record = *result.record;
    if (result.status == S::Queued) {
        m_countdown->add(record.id, record.dueAt, targetOf(record.action, record.payload));
        if (m_dialog && m_dialog->executionId() == record.id)
            m_dialog->showCountdown(m_countdown->secondsLeft(record.id), m_countdown->target(record.id));
        announceSend(record.id);
    }
    setLastUndoable(record.id);
    refreshMove(record.moveId); // in progress now
}

// ---- the executor's news ------------------------------------------------------------------------------------

// A send queued by something other than this window's Execute: an approved MCP call handed to the executor.
// (This window's own run is answered by submitted(), which knows the recipient; queued() comes first.)
void ExecutionController::onQueued(qint64 executionId, const QDateTime& dueAt)
{
    if (m_runRequest != 0 || m_countdown->contains(executionId))
        return;
    m_countdown->add(executionId, dueAt, QString());
    announceSend(executionId);
    m_parts.triage->refreshActions();
}

void ExecutionController::announceSend(qint64 executionId)
{
    const int seconds = m_countdown->secondsLeft(executionId);
    const QString target = m_countdown->target(executionId);
    const QString title = target.isEmpty() ? tr("Sending in %1 s").arg(seconds)
                                           : tr("Sending to %1 in %2 s").arg(target).arg(seconds);
    Q_EMIT popupRequested(sendPopupId(executionId), title,
        tr("Click here to undo: nothing leaves until then. Or press z in CaseyOS."), kSendPopupWeight, 0);
}

void ExecutionController::popupClicked(qint64 popupId)
{
    const qint64 executionId = -popupId;
    if (popupId >= 0 || !m_client || !m_countdown->contains(executionId))
        return; // not a send's, or it left already (its result is in the status bar)
    showMessage(tr("Undoing…"), 5000);
    m_client->undo(executionId);
}

void ExecutionController::onStarted(qint64 executionId)
{
    const bool waited = m_countdown->contains(executionId);
    const QString target = m_countdown->target(executionId);
    m_countdown->remove(executionId);
    if (waited)
        showMessage(target.isEmpty() ? tr("Sending…") : tr("Sending to %1…").arg(target), 5000);
    if (m_dialog && m_dialog->executionId() == executionId)
        m_dialog->showRunning();
    m_parts.triage->refreshActions();
}

void ExecutionController::onFinished(const ExecutionRecord& record)
{
    m_countdown->remove(record.id);
    QString text = u"✔ "_s + describe(record) + u": "_s + stateLabel(record.state, record.action);
    if (!record.remoteRef.isEmpty())
        text += u" ("_s + record.remoteRef + u')';
    showMessage(text);
    if (m_dialog && m_dialog->executionId() == record.id)
        m_dialog->showFinished(record);
    refreshMove(record.moveId);
}

void ExecutionController::onFailed(const ExecutionRecord& record)
{
    m_countdown->remove(record.id);
    if (m_lastUndoable == record.id)
        setLastUndoable(0);
    showMessage(u"✖ "_s + tr("%1 failed: %2").arg(describe(record), record.error), 15000);
    if (m_dialog && m_dialog->executionId() == record.id)
        m_dialog->showFailed(record);
    refreshMove(record.moveId);
}

void ExecutionController::onUndone(const ExecutionRecord& record)
{
    m_countdown->remove(record.id);
    if (m_lastUndoable == record.id)
        setLastUndoable(0);
    showMessage(record.state == ExecutionState::Cancelled
            ? u"↶ "_s + tr("Cancelled: %1 — nothing was sent").arg(describe(record))
            : u"↶ "_s + tr("Undone: %1").arg(describe(record)));
    if (m_dialog && m_dialog->executionId() == record.id)
        m_dialog->showUndone(record);
    refreshMove(record.moveId); // back to pending
}

void ExecutionController::onUndoRefused(qint64 executionId, const QString& message)
{
    // The executor's own explanation ("Already sent at 10:02; an email cannot be recalled…"), said once: the
    // next `z` goes back to the moves' own changes.
    if (m_lastUndoable == executionId)
        setLastUndoable(0);
    showMessage(tr("Not undone: %1").arg(message), 15000);
    if (m_dialog && m_dialog->executionId() == executionId)
        m_dialog->showUndoRefused(message);
}

void ExecutionController::onKillSwitch(bool on, bool changed)
{
    m_killSwitch->setChecked(on);
    m_killSwitch->setText(on ? tr("&Kill Switch (on)") : tr("&Kill Switch"));
    if (changed)
        showMessage(on ? tr("Kill switch on: nothing that reaches people leaves (emails, Slack, X, invitations). "
                            "Drafts and "
                            "tasks still run.")
                       : tr("Kill switch off: sends run again."),
            15000);
    // An open preview says at once whether it would now be refused.
    if (changed && m_dialog)
        m_dialog->refreshPreview();
}

// ---- undo ---------------------------------------------------------------------------------------------------

bool ExecutionController::canUndo() const
{
    return m_client && (!m_countdown->isEmpty() || m_lastUndoable != 0);
}

void ExecutionController::undo()
{
    if (!m_client)
        return;
    // A send still waiting comes first: its Undo (z) is what the status bar offers.
    const qint64 id = m_countdown->isEmpty() ? m_lastUndoable : m_countdown->newest();
    if (id == 0)
        return;
    showMessage(tr("Undoing…"), 5000);
    m_client->undo(id);
}

void ExecutionController::setLastUndoable(qint64 executionId)
{
    if (m_lastUndoable == executionId)
        return;
    m_lastUndoable = executionId;
    m_parts.triage->refreshActions();
}

// ---- reads --------------------------------------------------------------------------------------------------

void ExecutionController::refreshMove(std::optional<qint64> moveId)
{
    m_parts.triage->refreshActions();
    if (!moveId || !m_client)
        return;
    m_client->loadRows({ *moveId });
    if (m_history->moveId() == *moveId)
        loadHistory(*moveId);
}

void ExecutionController::loadHistory(qint64 moveId)
{
    m_history->showLoading(moveId);
    if (moveId == 0 || !m_client)
        return;
    m_historyRequest = m_client->loadHistory(moveId);
}

void ExecutionController::showMessage(const QString& text, int timeoutMs)
{
    m_parts.statusBar->showMessage(text, timeoutMs);
}

QString ExecutionController::describe(const ExecutionRecord& record) const
{
    const QString target = targetOf(record.action, record.payload);
    return target.isEmpty() ? actionLabel(record.action) : tr("%1 to %2").arg(actionLabel(record.action), target);
}

} // namespace caseyos
