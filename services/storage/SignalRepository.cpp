#include "storage/SignalRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

using namespace Qt::StringLiterals;

namespace caseyos {

SignalRepository::SignalRepository(Database& db)
    : m_db(db)
{
}

std::optional<Signal> SignalRepository::find(qint64 id, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"SELECT id, source, event_type, source_id, occurred_at, payload, dedupe_key, received_at, state, "
        "error, attempts, move_id FROM signals WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        setError(error, q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    Signal s;
    s.id = q.value(0).toLongLong();
    s.source = q.value(1).toString();
    s.eventType = q.value(2).toString();
    s.sourceId = q.value(3).isNull() ? QString() : q.value(3).toString();
    s.occurredAt = fromEpochMs(q.value(4).toLongLong());
    s.payload = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    s.dedupeKey = q.value(6).toString();
    s.receivedAt = fromEpochMs(q.value(7).toLongLong());
    s.state = signalStateFromString(q.value(8).toString()).value_or(SignalState::New);
    s.error = q.value(9).toString();
    s.attempts = q.value(10).toInt();
    if (!q.value(11).isNull())
        s.moveId = q.value(11).toLongLong();
    return s;
}

bool SignalRepository::setMoveId(qint64 signalId, std::optional<qint64> moveId, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE signals SET move_id = ? WHERE id = ?"_s);
    q.addBindValue(moveId ? QVariant(*moveId) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(signalId);
    return q.exec() || setError(error, q);
}

QHash<QString, qint64> SignalRepository::countByState(QString* error) const
{
    return countsByKey(m_db.sql(), u"SELECT state, COUNT(*) FROM signals GROUP BY state"_s, error);
}

} // namespace caseyos
