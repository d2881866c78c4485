#pragma once

#include "core/Move.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace caseyos {

// The compact form of a move that the Today's Moves list keeps in memory (100 000+ rows): no description,
// action context or reasoning (the reasoning is re-derived from the components when shown).
struct MoveRow
{
    qint64 id = 0;
    QString title;
    QString actionType;
    QString domain;
    QString source; // the signal's source, or "manual" for a move made by hand
    QString contactEmail;
    QString company;
    MoveStatus status = MoveStatus::Pending;
    double aps = 0.0;
    ApsComponents components;
    double outcomeAdjustment = 0.0;
    qint64 dueByMs = 0; // 0 = none
    qint64 snoozedUntilMs = 0;
    qint64 createdAtMs = 0;

    MoveStatus effectiveStatus(qint64 nowMs) const
    {
        return status == MoveStatus::Snoozed && snoozedUntilMs != 0 && snoozedUntilMs <= nowMs
            ? MoveStatus::Pending
            : status;
    }
};

MoveRow toMoveRow(const Move& move, const QString& source);
bool ranksBefore(const MoveRow& a, const MoveRow& b); // same order as ranksBefore(Move, Move)

} // namespace caseyos

// Every member is relocatable (QString, numbers), so QList<MoveRow> may move rows with memmove.
Q_DECLARE_TYPEINFO(caseyos::MoveRow, Q_RELOCATABLE_TYPE);
Q_DECLARE_METATYPE(caseyos::MoveRow)
