#pragma once

#include "moves/MoveEvent.h"

#include <QList>
#include <QString>

namespace caseyos {

class Database;

// The persisted move telemetry (move_events). Synchronous; use it on the thread that owns the Database.
class MoveEventRepository
{
public:
    explicit MoveEventRepository(Database& db);

    bool insert(
        qint64 moveId, const QString& type, const QDateTime& at, const QJsonObject& details, QString* error);
    // In the order the events were written (by id): robust to a clock that jumps.
    QList<MoveEvent> history(qint64 moveId, QString* error = nullptr) const;
    qint64 count(const QString& type = {}, QString* error = nullptr) const; // all events, or of one type

private:
    Database& m_db;
};

} // namespace caseyos
