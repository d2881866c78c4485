#include "TriageController.h"

#include "MoveActions.h"
#include "MoveDetailPane.h"
#include "MoveEditorDialog.h"
#include "MoveUndoStack.h"
#include "MovesFilterProxy.h"
#include "MovesModel.h"
#include "MovesView.h"
#include "SnoozeMenu.h"
#include "WorkspaceStatusBar.h"
#include "workspace/WorkspaceClient.h"

#include <QElapsedTimer>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace caseyos {

TriageController::TriageController(const Parts& parts, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
    , m_clock(clock)
{
    m_undo = new MoveUndoStack(this);
    m_snoozeMenu = new SnoozeMenu(clock, parts.window);
    connect(m_snoozeMenu, &SnoozeMenu::snoozeChosen, this, &TriageController::snoozeCurrentUntil);

    m_detailDelay.setSingleShot(true);
    m_detailDelay.setInterval(120);
    connect(&m_detailDelay, &QTimer::timeout, this, [this] {
        const qint64 id = m_parts.view->currentMoveId();
        if (m_client && m_ready && id != 0)
            m_client->loadDetail(id);
    });
    m_statusDelay.setSingleShot(true);
    m_statusDelay.setInterval(50);
    connect(&m_statusDelay, &QTimer::timeout, this, &TriageController::refreshStatus);
    m_snoozeTimer.setInterval(60'000);
    connect(&m_snoozeTimer, &QTimer::timeout, this, &TriageController::wakeSnoozes);

    MoveActions* a = parts.actions;
    connect(a->accept, &QAction::triggered, this, &TriageController::accept);
    connect(a->dismiss, &QAction::triggered, this, &TriageController::dismiss);
    connect(a->snooze, &QAction::triggered, this, &TriageController::snooze);
    connect(a->complete, &QAction::triggered, this, &TriageController::complete);
    connect(a->reopen, &QAction::triggered, this, &TriageController::reopen);
    connect(a->undo, &QAction::triggered, this, &TriageController::undo);
    connect(a->newMove, &QAction::triggered, this, &TriageController::newMove);
    connect(a->editMove, &QAction::triggered, this, &TriageController::editMove);
    connect(a->deleteMove, &QAction::triggered, this, &TriageController::deleteMove);
    connect(a->reload, &QAction::triggered, this, &TriageController::reload);
    connect(a->importFiles, &QAction::triggered, this, &TriageController::importFiles);
    connect(a->nextMove, &QAction::triggered, this, [this] { m_parts.view->stepSelection(+1); });
    connect(a->previousMove, &QAction::triggered, this, [this] { m_parts.view->stepSelection(-1); });

    connect(parts.view, &MovesView::currentMoveChanged, this, &TriageController::onCurrentMoveChanged);
    connect(parts.model, &MovesModel::contentChanged, this, &TriageController::scheduleRefresh);
    connect(parts.proxy, &QAbstractItemModel::rowsInserted, this, &TriageController::scheduleRefresh);
    connect(parts.proxy, &QAbstractItemModel::rowsRemoved, this, &TriageController::scheduleRefresh);
    connect(parts.proxy, &QAbstractItemModel::layoutChanged, this, &TriageController::scheduleRefresh);
    connect(parts.proxy, &QAbstractItemModel::modelReset, this, &TriageController::scheduleRefresh);
    connect(parts.proxy, &MovesFilterProxy::filtersChanged, this, [this] {
        ensureSelection();
        scheduleRefresh();
    });
    connect(m_undo, &MoveUndoStack::canUndoChanged, this, &TriageController::refreshActions);
    connect(parts.statusBar, &WorkspaceStatusBar::cancelImportRequested, this, [this] {
        if (m_client)
            m_client->cancelImport();
    });
    refreshStatus();
}

TriageController::~TriageController() = default;

void TriageController::attach(WorkspaceClient* client)
{
    m_client = client;
    connect(client, &WorkspaceClient::opened, this, [this](bool ok, const QString& error) {
        m_ready = ok;
        if (ok)
            m_snoozeTimer.start();
        else
            qWarning("The workspace could not be opened: %s", qPrintable(error));
        refreshActions();
        Q_EMIT opened(ok, error);
    });
    connect(client, &WorkspaceClient::movesLoaded, this, &TriageController::onMovesLoaded);
    connect(client, &WorkspaceClient::rowsChanged, this, &TriageController::onRowsChanged);
    connect(client, &WorkspaceClient::rowRemoved, this, &TriageController::onRowRemoved);
    connect(client, &WorkspaceClient::moveChanged, this, &TriageController::onMoveChanged);
    connect(client, &WorkspaceClient::detailLoaded, this, &TriageController::onDetailLoaded);
    connect(client, &WorkspaceClient::actionFailed, this, [this](const QString& text) {
        m_undo->forgetExpectedEchoes();
        qWarning("Action failed: %s", qPrintable(text));
        showMessage(u"Failed: "_s + text, 10000);
    });
    connect(client, &WorkspaceClient::importProgress, m_parts.statusBar, &WorkspaceStatusBar::importProgress);
    connect(client, &WorkspaceClient::importFinished, m_parts.statusBar, &WorkspaceStatusBar::importFinished);
    client->open();
}

const MoveRow* TriageController::currentRow() const
{
    return m_parts.model->findMove(m_parts.view->currentMoveId());
}

void TriageController::showMessage(const QString& text, int timeoutMs)
{
    m_parts.statusBar->showMessage(text, timeoutMs);
    Q_EMIT message(text);
}

// ---- feed -------------------------------------------------------------------------------------------------

void TriageController::onMovesLoaded(const QList<MoveRow>& rows)
{
    // Ranking checks, the id index and the facet counts for 200 000 rows take ~100 ms: not on this thread.
    const int generation = ++m_loadGeneration;
    m_heldUpdates.clear(); // this snapshot already contains them
    m_parts.view->setPlaceholderText(u"Loading moves…"_s);
    auto* watcher = new QFutureWatcher<MovesModel::PreparedRows>(this);
    connect(watcher, &QFutureWatcher<MovesModel::PreparedRows>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_loadGeneration)
            return; // a newer load is on its way
        applyLoaded(watcher->future().takeResult());
    });
    watcher->setFuture(QtConcurrent::run(&MovesModel::prepareRows, rows));
}

void TriageController::applyLoaded(MovesModel::PreparedRows prepared)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 current = m_parts.view->currentMoveId();
    m_parts.model->setPreparedRows(std::move(prepared));
    m_appliedGeneration = m_loadGeneration;
    const QList<std::variant<QList<MoveRow>, qint64>> held = std::exchange(m_heldUpdates, {});
    for (const auto& update : held) {
        if (const auto* rows = std::get_if<QList<MoveRow>>(&update))
            applyRows(*rows);
        else
            applyRemoval(std::get<qint64>(update));
    }
    if (current == 0 || !m_parts.view->selectMove(current))
        ensureSelection();
    trySelectPending();
    m_parts.view->setPlaceholderText(u"No moves here. Import signals (Ctrl+I) or create a move (N)."_s);
    qDebug("Listed %d moves in %lld ms on the UI thread", m_parts.model->rowCount(), timer.elapsed());
    Q_EMIT movesListed(m_parts.model->rowCount());
}

void TriageController::onRowsChanged(const QList<MoveRow>& rows)
{
    if (isLoading())
        m_heldUpdates.append(rows);
    else
        applyRows(rows);
}

void TriageController::applyRows(const QList<MoveRow>& rows)
{
    QElapsedTimer timer;
    timer.start();
    m_parts.model->upsertRows(rows);
    if (rows.size() >= 1000)
        qDebug("Applied %lld rows to a list of %d in %lld ms", static_cast<long long>(rows.size()),
            m_parts.model->rowCount(), timer.elapsed());
    const qint64 current = m_parts.view->currentMoveId();
    if (current != 0 && current == m_parts.detail->moveId())
        if (const MoveRow* row = m_parts.model->findMove(current))
            m_parts.detail->showRow(*row);
    trySelectPending();
    ensureSelection();
    refreshActions();
}

void TriageController::onRowRemoved(qint64 moveId)
{
    if (isLoading())
        m_heldUpdates.append(moveId);
    else
        applyRemoval(moveId);
}

void TriageController::applyRemoval(qint64 moveId)
{
    m_parts.model->removeMove(moveId);
    ensureSelection();
}

void TriageController::onMoveChanged(const MoveChange& change)
{
    m_undo->record(change);
    if (change.before.id == 0 && change.after.id != 0) {
        // A move just created by hand: show it where it ranks.
        m_selectWhenPresent = change.after.id;
        trySelectPending();
    }
    const qint64 current = m_parts.view->currentMoveId();
    if (current != 0 && current == change.after.id)
        m_detailDelay.start(); // its history has a new entry
}

void TriageController::onDetailLoaded(const MoveDetail& detail)
{
    m_parts.detail->showDetail(detail);
    if (m_editWhenLoaded != 0 && detail.move.id == m_editWhenLoaded) {
        m_editWhenLoaded = 0;
        const ApsComponents& c = detail.move.components;
        openEditor(detail.move, ApsInput { c.revenue, c.urgency, c.effort, c.strategic });
    }
}

void TriageController::onCurrentMoveChanged(qint64 moveId)
{
    if (const MoveRow* row = m_parts.model->findMove(moveId))
        m_parts.detail->showRow(*row);
    else
        m_parts.detail->clear();
    m_detailDelay.start();
    refreshActions();
}

void TriageController::trySelectPending()
{
    if (m_selectWhenPresent != 0 && m_parts.view->selectMove(m_selectWhenPresent))
        m_selectWhenPresent = 0;
}

void TriageController::ensureSelection()
{
    if (m_parts.view->currentMoveId() == 0 && m_parts.proxy->rowCount() > 0)
        m_parts.view->selectRow(0);
}

void TriageController::scheduleRefresh()
{
    if (!m_statusDelay.isActive())
        m_statusDelay.start();
}

void TriageController::refreshStatus()
{
    // Counting pending moves is O(n): once per burst of updates, not per row.
    m_parts.statusBar->setCounts(m_parts.model->countEffective(MoveStatus::Pending),
        m_parts.proxy->rowCount(), m_parts.model->rowCount());
    refreshActions();
}

void TriageController::refreshActions()
{
    // Immediate (not coalesced): a key pressed right after the selection moved must see the new move's state.
    const bool undoFirst = m_undoFirstAvailable && m_undoFirstAvailable();
    m_parts.actions->update(
        currentRow(), m_clock.now().toMSecsSinceEpoch(), m_ready, m_undo->canUndo() || undoFirst);
}

void TriageController::setUndoFirst(std::function<bool()> available, std::function<void()> undo)
{
    m_undoFirstAvailable = std::move(available);
    m_undoFirst = std::move(undo);
    refreshActions();
}

// ---- triage -----------------------------------------------------------------------------------------------

void TriageController::advanceFrom(qint64 moveId)
{
    if (m_parts.view->currentMoveId() != moveId)
        return;
    const qint64 next = m_parts.view->neighbourOfCurrent();
    if (next != 0)
        m_parts.view->selectMove(next);
}

void TriageController::act(qint64 moveId, MoveAction action, const QString& reason, const QDateTime& until)
{
    if (!m_client || !m_ready || moveId == 0)
        return;
    advanceFrom(moveId);
    m_client->applyAction(moveId, action, reason, until);
}

void TriageController::accept()
{
    act(m_parts.view->currentMoveId(), MoveAction::Accept);
}

void TriageController::complete()
{
    act(m_parts.view->currentMoveId(), MoveAction::Complete);
}

void TriageController::reopen()
{
    act(m_parts.view->currentMoveId(), MoveAction::Reopen);
}

void TriageController::dismiss()
{
    const qint64 id = m_parts.view->currentMoveId();
    if (!m_ready || id == 0)
        return;
    auto* dialog = new QInputDialog(m_parts.window);
    dialog->setObjectName(u"dismissDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(u"Dismiss move"_s);
    dialog->setLabelText(u"Why dismiss it? (optional — Enter to dismiss)"_s);
    dialog->setComboBoxItems({ QString(), u"Not relevant"_s, u"Already handled"_s, u"Duplicate"_s,
        u"Wrong contact"_s, u"Bad timing"_s });
    dialog->setComboBoxEditable(true);
    dialog->setTextValue(QString());
    dialog->setOkButtonText(u"Dismiss"_s);
    dialog->setMinimumWidth(380);
    connect(dialog, &QInputDialog::textValueSelected, this,
        [this, id](const QString& reason) { act(id, MoveAction::Dismiss, reason.trimmed()); });
    dialog->open();
}

void TriageController::snooze()
{
    m_snoozeTarget = m_parts.view->currentMoveId();
    if (!m_ready || m_snoozeTarget == 0)
        return;
    MovesView* view = m_parts.view;
    const QModelIndex index = view->currentIndex();
    QRect rect = view->visualRect(index.siblingAtColumn(MovesModel::TitleColumn));
    const QPoint anchor = rect.isValid() ? rect.bottomLeft() : QPoint(20, 20);
    m_snoozeMenu->popupAt(view->viewport()->mapToGlobal(anchor));
}

void TriageController::snoozeCurrentUntil(const QDateTime& untilUtc)
{
    const qint64 id = m_snoozeTarget != 0 ? m_snoozeTarget : m_parts.view->currentMoveId();
    m_snoozeTarget = 0;
    if (!untilUtc.isValid())
        return;
    act(id, MoveAction::Snooze, QString(), untilUtc);
}

void TriageController::undo()
{
    if (m_undoFirstAvailable && m_undoFirstAvailable()) {
        m_undoFirst();
        return;
    }
    if (!m_client || !m_ready)
        return;
    const std::optional<MoveChange> change = m_undo->takeLast();
    if (!change)
        return;
    if (change->before.id == 0) {
        m_client->deleteMove(change->after.id);
    } else {
        m_client->restoreMove(change->before);
        m_selectWhenPresent = change->before.id;
        trySelectPending();
    }
    showMessage(u"Undid: "_s + MoveUndoStack::describe(*change));
}

// ---- manual moves -----------------------------------------------------------------------------------------

void TriageController::openEditor(const Move& move, const ApsInput& given)
{
    auto* dialog = new MoveEditorDialog(m_clock, m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMove(move, given);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (!m_client)
            return;
        const Move edited = dialog->move();
        if (edited.id == 0)
            m_client->createMove(edited, dialog->components());
        else
            m_client->editMove(edited, dialog->components());
    });
    dialog->open();
}

void TriageController::newMove()
{
    if (!m_ready)
        return;
    Move draft;
    draft.actionType = u"manual_task"_s;
    openEditor(draft, {});
}

void TriageController::editMove()
{
    const MoveRow* row = currentRow();
    if (!m_ready || !row || row->source != u"manual")
        return;
    const MoveDetail& detail = m_parts.detail->detail();
    if (m_parts.detail->hasDetail() && detail.move.id == row->id) {
        const ApsComponents& c = detail.move.components;
        openEditor(detail.move, ApsInput { c.revenue, c.urgency, c.effort, c.strategic });
        return;
    }
    // The editor needs the full move (description, contact name…): open it when the detail arrives.
    m_editWhenLoaded = row->id;
    m_client->loadDetail(row->id);
}

void TriageController::deleteMove()
{
    const MoveRow* row = currentRow();
    if (!m_ready || !row || row->source != u"manual")
        return;
    const qint64 id = row->id;
    auto* box = new QMessageBox(QMessageBox::Question, u"Delete move"_s,
        u"Delete “%1”?\nYou can bring it back with Undo (z)."_s.arg(row->title),
        QMessageBox::Yes | QMessageBox::Cancel, m_parts.window);
    box->setObjectName(u"deleteConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(u"Delete"_s);
    box->setDefaultButton(QMessageBox::Yes);
    connect(box, &QMessageBox::finished, this, [this, box, id](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes) || !m_client)
            return;
        advanceFrom(id);
        m_client->deleteMove(id);
    });
    box->open();
}

// ---- workspace --------------------------------------------------------------------------------------------

void TriageController::reload()
{
    if (m_client && m_ready)
        m_client->reloadMoves();
}

void TriageController::importFiles()
{
    if (!m_ready)
        return;
    auto* dialog = new QFileDialog(m_parts.window, u"Import signals"_s,
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        u"Signals (*.jsonl *.ndjson *.csv);;JSON Lines (*.jsonl *.ndjson);;CSV (*.csv);;All files (*)"_s);
    dialog->setObjectName(u"importDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::filesSelected, this, &TriageController::importPaths);
    dialog->open();
}

void TriageController::importPaths(const QStringList& paths)
{
    if (!m_client || !m_ready || paths.isEmpty())
        return;
    m_parts.statusBar->importStarted(paths);
    m_client->importFiles(paths);
}

void TriageController::wakeSnoozes()
{
    if (m_client && m_ready)
        m_client->wakeExpiredSnoozes();
    m_parts.proxy->refreshTime();
}

} // namespace caseyos
