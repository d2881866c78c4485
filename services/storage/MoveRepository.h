#pragma once

#include "core/Move.h"
#include "moves/MoveJson.h"
#include "moves/MoveRow.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace caseyos {

class Database;

// A move with the signal it came from (nullopt for a move made by hand).
struct MoveWithSignal
{
    Move move;
    QString source; // the signal's source, or "manual"
    std::optional<MoveSignalRef> signal;
};

// Reads and writes the moves table. Synchronous; use it on the thread that owns the Database.
// Errors come back as text in `error` (never thrown).
class MoveRepository
{
public:
    explicit MoveRepository(Database& db);

    std::optional<Move> find(qint64 id, QString* error = nullptr) const;
    std::optional<MoveWithSignal> findWithSignal(qint64 id, QString* error = nullptr) const;

    // Inserts the move; an id of 0 gets a new one (written back into `move`), a non-zero id is kept (undo of
    // a deletion). `source` is the signal's source or "manual".
    bool insert(Move& move, const QString& source, QString* error);
    bool update(const Move& move, QString* error); // every column but id, created_at, signal_id and source
    bool remove(qint64 id, QString* error);

    // Today's Moves: pending moves in rank order (APS desc, due_by asc with none last, created_at, id),
    // at most `limit` (< 0: all). Expired snoozes must have been woken first (MoveService).
    QList<MoveWithSignal> today(int limit, QString* error) const;

    // Compact rows for the UI list. allRows() returns every move in rank order (ranksBefore).
    QList<MoveRow> allRows(QString* error) const;
    QList<MoveRow> rows(const QList<qint64>& ids, QString* error) const; // in rank order
    QList<MoveRow> rowsInRange(qint64 firstId, qint64 lastId, QString* error) const; // in rank order

    // Snoozed moves whose snooze ended at or before nowMs.
    QList<qint64> expiredSnoozes(qint64 nowMs, QString* error) const;
    // Returns those moves to pending and writes a move_reopened event {"reason":"snooze expired"} for each.
    // Call inside a transaction. Returns false on a storage error.
    bool wakeExpiredSnoozes(qint64 nowMs, QString* error);

    QHash<QString, qint64> countByStatus(QString* error) const;

private:
    QList<MoveRow> selectRows(const QString& where, QString* error) const;
    Database& m_db;
};

} // namespace caseyos
