#include "moves/MoveRow.h"

#include "core/Timestamps.h"

namespace caseyos {

MoveRow toMoveRow(const Move& move, const QString& source)
{
    MoveRow row;
    row.id = move.id;
    row.title = move.title;
    row.actionType = move.actionType;
    row.domain = move.domain;
    row.source = source;
    row.contactEmail = move.contactEmail;
    row.company = move.company;
    row.status = move.status;
    row.aps = move.aps;
    row.components = move.components;
    row.outcomeAdjustment = move.outcomeAdjustment;
    row.dueByMs = move.dueBy.isValid() ? toEpochMs(move.dueBy) : 0;
    row.snoozedUntilMs = move.snoozedUntil.isValid() ? toEpochMs(move.snoozedUntil) : 0;
    row.createdAtMs = move.createdAt.isValid() ? toEpochMs(move.createdAt) : 0;
    return row;
}

bool ranksBefore(const MoveRow& a, const MoveRow& b)
{
    if (a.aps != b.aps)
        return a.aps > b.aps;
    const bool aDue = a.dueByMs != 0;
    const bool bDue = b.dueByMs != 0;
    if (aDue != bDue)
        return aDue; // a move with a due time ranks before one without
    if (aDue && a.dueByMs != b.dueByMs)
        return a.dueByMs < b.dueByMs;
    if (a.createdAtMs != b.createdAtMs)
        return a.createdAtMs < b.createdAtMs;
    return a.id < b.id;
}

} // namespace caseyos
