#pragma once

#include "core/Clock.h"
#include "core/Move.h"
#include "core/Result.h"
#include "moves/MoveEvent.h"
#include "scoring/ApsCalculator.h"

#include <QList>

#include <functional>

namespace caseyos {

class Database;

enum class MoveAction { Accept, Dismiss, Snooze, Complete, Reopen };

// A change to one move: the state before (empty id for a creation) and after (empty id for a deletion).
struct MoveChange
{
    Move before;
    Move after;
};

// Every state change of a move, each in one transaction with its telemetry event (PRODUCT.md §1).
// Synchronous: call it on the thread that owns the Database.
class MoveService
{
public:
    MoveService(Database& db, const Clock& clock, ApsWeights weights = {});

    // Accept = the user takes the move on; until execution exists it completes the move (move_accepted).
    Result<MoveChange> apply(qint64 moveId, MoveAction action, const QString& reason = {},
        const QDateTime& until = {});

    // Manual moves: missing components take the action type's defaults; the APS and reasoning are computed.
    Result<Move> create(Move draft, const ApsInput& components);
    // A move proposed by part of the app rather than typed (an agent): `source` is stored as the move's
    // source ("agent") and `alsoWrite` runs inside the creating transaction with the new move (returning false
    // rolls everything back), so a proposal and its bookkeeping are written together or not at all.
    Result<Move> create(Move draft, const ApsInput& components, const QString& source,
        const std::function<bool(const Move&, QString*)>& alsoWrite);
    Result<MoveChange> edit(const Move& move, const ApsInput& components);
    Result<Move> remove(qint64 moveId); // returns the deleted move so it can be restored (undo)
    Result<Move> restore(const Move& snapshot); // undo: writes the snapshot back (re-inserts if deleted)

    void recordViewed(qint64 moveId);
    int wakeExpiredSnoozes(); // snoozed moves whose time has come return to pending; returns how many
    // The same, returning the ids of the moves that woke (empty on error; `error` says why).
    QList<qint64> wakeExpiredSnoozes(QString* error);

    std::optional<Move> find(qint64 moveId) const;
    QList<MoveEvent> history(qint64 moveId) const;

private:
    Database& m_db;
    const Clock& m_clock;
    ApsWeights m_weights;
};

} // namespace caseyos
