#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace caseyos {

// Persisted telemetry: move_created, move_viewed, move_accepted, move_dismissed, move_snoozed,
// move_completed, move_executed, move_deleted, move_reopened, move_edited, move_restored.
struct MoveEvent
{
    qint64 id = 0;
    qint64 moveId = 0;
    QString type;
    QDateTime at;
    QJsonObject details;
};

} // namespace caseyos
