#pragma once

#include "MovesModel.h"
#include "core/Clock.h"
#include "moves/MoveService.h"
#include "workspace/MoveDetail.h"
#include "workspace/WorkspaceClient.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <variant>

class QWidget;

namespace caseyos {

class MoveActions;
class MoveDetailPane;
class MoveUndoStack;
class MovesFilterProxy;
class MovesView;
class SnoozeMenu;
class WorkspaceStatusBar;
struct IngestReport;
struct MoveRow;

// What the commands do: feeds the model from the workspace client, runs accept / dismiss / snooze / complete
// / reopen / create / edit / delete / undo / import on the selected move through the client (never the
// database), and keeps the triage flow going — after an action the selection moves on to the next move.
class TriageController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QWidget* window = nullptr;
        MovesModel* model = nullptr;
        MovesFilterProxy* proxy = nullptr;
        MovesView* view = nullptr;
        MoveDetailPane* detail = nullptr;
        WorkspaceStatusBar* statusBar = nullptr;
        MoveActions* actions = nullptr;
    };
    TriageController(const Parts& parts, const Clock& clock, QObject* parent = nullptr);
    ~TriageController() override;

    // Starts using the client (opening it). Until then every command is disabled.
    void attach(WorkspaceClient* client);
    WorkspaceClient* client() const { return m_client; }
    bool isReady() const { return m_ready; }
    bool isLoading() const { return m_loadGeneration != m_appliedGeneration; }
    MoveUndoStack* undoStack() const { return m_undo; }
    SnoozeMenu* snoozeMenu() const { return m_snoozeMenu; }

    // Commands (also reachable through the actions).
    void accept();
    void dismiss(); // asks for an optional reason
    void snooze(); // pops up the snooze menu
    void snoozeCurrentUntil(const QDateTime& untilUtc);
    void complete();
    void reopen();
    void undo();
    void newMove();
    void editMove();
    void deleteMove(); // asks for confirmation
    void reload();
    void importFiles(); // file dialog
    void importPaths(const QStringList& paths);
    void wakeSnoozes(); // the periodic check

    // An undo that goes before the moves' own while `available` says it has something (the executor's: a send
    // waiting in the outbox, or the execution just run): `z` then calls `undo` instead of taking back the last
    // move change. Call refreshActions() when what `available` answers changes.
    void setUndoFirst(std::function<bool()> available, std::function<void()> undo);
    void refreshActions(); // enables the commands for the selected move and what can be undone

    // Rows another service changed (outcomes re-scoring a contact's moves): updated in place like the
    // workspace's own changes, and the detail pane follows when it shows one of them.
    void showChangedRows(const QList<MoveRow>& rows) { onRowsChanged(rows); }

Q_SIGNALS:
    void opened(bool ok, const QString& error);
    void movesListed(int count); // a full load (open, reload) is shown
    void message(const QString& text); // shown in the status bar

private:
    void onMovesLoaded(const QList<MoveRow>& rows);
    void applyLoaded(MovesModel::PreparedRows prepared);
    void applyRows(const QList<MoveRow>& rows);
    void applyRemoval(qint64 moveId);
    void onRowsChanged(const QList<MoveRow>& rows);
    void onRowRemoved(qint64 moveId);
    void onMoveChanged(const MoveChange& change);
    void onDetailLoaded(const MoveDetail& detail);
    void onCurrentMoveChanged(qint64 moveId);
    void act(qint64 moveId, MoveAction action, const QString& reason = {}, const QDateTime& until = {});
    void advanceFrom(qint64 moveId);
    void trySelectPending();
    void ensureSelection();
    void scheduleRefresh();
    void refreshStatus();
    void openEditor(const Move& move, const ApsInput& given);
    void showMessage(const QString& text, int timeoutMs = 6000);
    const MoveRow* currentRow() const;

    Parts m_parts;
    const Clock& m_clock;
    QPointer<WorkspaceClient> m_client;
    bool m_ready = false;
    MoveUndoStack* m_undo = nullptr;
    std::function<bool()> m_undoFirstAvailable;
    std::function<void()> m_undoFirst;
    SnoozeMenu* m_snoozeMenu = nullptr;
    QTimer m_detailDelay; // selection settles before the detail (and its "viewed" event) is requested
    QTimer m_statusDelay; // counts and action states are refreshed once per burst of updates
    QTimer m_snoozeTimer;
    qint64 m_selectWhenPresent = 0;
    qint64 m_editWhenLoaded = 0;
    qint64 m_snoozeTarget = 0;
    // A full load is prepared on the thread pool. Updates that arrive meanwhile are newer than the snapshot
    // being prepared, so they wait and are applied after it, in order.
    int m_loadGeneration = 0;
    int m_appliedGeneration = 0;
    QList<std::variant<QList<MoveRow>, qint64>> m_heldUpdates;
};

} // namespace caseyos
