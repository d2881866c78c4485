#include "storage/MoveEventRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

using namespace Qt::StringLiterals;

namespace caseyos {

MoveEventRepository::MoveEventRepository(Database& db)
    : m_db(db)
{
}

bool MoveEventRepository::insert(
    qint64 moveId, const QString& type, const QDateTime& at, const QJsonObject& details, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO move_events (move_id, type, at, details) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(moveId);
    q.addBindValue(textValue(type));
    q.addBindValue(toEpochMs(at));
    q.addBindValue(jsonText(details));
    return q.exec() || setError(error, q);
}

QList<MoveEvent> MoveEventRepository::history(qint64 moveId, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT id, move_id, type, at, details FROM move_events WHERE move_id = ? ORDER BY id"_s);
    q.addBindValue(moveId);
    QList<MoveEvent> events;
    if (!q.exec()) {
        setError(error, q);
        return events;
    }
    while (q.next()) {
        MoveEvent e;
        e.id = q.value(0).toLongLong();
        e.moveId = q.value(1).toLongLong();
        e.type = q.value(2).toString();
        e.at = fromEpochMs(q.value(3).toLongLong());
        e.details = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        events.append(e);
    }
    return events;
}

qint64 MoveEventRepository::count(const QString& type, QString* error) const
{
    QSqlQuery q(m_db.sql());
    if (type.isEmpty()) {
        q.prepare(u"SELECT COUNT(*) FROM move_events"_s);
    } else {
        q.prepare(u"SELECT COUNT(*) FROM move_events WHERE type = ?"_s);
        q.addBindValue(textValue(type));
    }
    if (!q.exec() || !q.next()) {
        setError(error, q);
        return -1;
    }
    return q.value(0).toLongLong();
}

} // namespace caseyos
