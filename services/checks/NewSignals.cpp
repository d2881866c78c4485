#include "checks/NewSignals.h"

#include "checks/CheckState.h"
#include "core/Timestamps.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

using namespace Qt::StringLiterals;

namespace caseyos {

std::optional<QList<CheckedSignal>> takeNewSignals(
    const CheckContext& ctx, const QString& check, const QString& condition, QString* error)
{
    CheckState state(ctx.db);
    QString stateError;
    const qint64 cursor = state.cursor(check, &stateError);
    if (!stateError.isEmpty()) {
        if (error)
            *error = stateError;
        return std::nullopt;
    }
    // The newest id of this snapshot: everything up to it is looked at now, whatever it matches.
    QSqlQuery last(ctx.db.sql());
    if (!last.exec(u"SELECT COALESCE(MAX(id), 0) FROM signals"_s) || !last.next()) {
        setError(error, last);
        return std::nullopt;
    }
    const qint64 lastId = last.value(0).toLongLong();

    QList<CheckedSignal> found;
    if (lastId > cursor) {
        QSqlQuery q(ctx.db.sql());
        q.setForwardOnly(true);
        q.prepare(
            u"SELECT id, event_type, occurred_at, payload, move_id FROM signals WHERE id > ? AND id <= ? "
            "AND state <> 'ignored' AND occurred_at >= ? AND ("_s
            + condition + u") ORDER BY occurred_at, id"_s);
        q.addBindValue(cursor);
        q.addBindValue(lastId);
        q.addBindValue(toEpochMs(ctx.now.addSecs(-checkrules::kNewsWindowSeconds)));
        if (!q.exec()) {
            setError(error, q);
            return std::nullopt;
        }
        while (q.next()) {
            CheckedSignal s;
            s.id = q.value(0).toLongLong();
            s.eventType = q.value(1).toString();
            s.occurredAt = fromEpochMs(q.value(2).toLongLong());
            s.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
            s.moveId = q.value(4).isNull() ? 0 : q.value(4).toLongLong();
            found.append(s);
        }
    }
    if (lastId != cursor && !state.setCursor(check, lastId, toEpochMs(ctx.now), error))
        return std::nullopt;
    return found;
}

const CheckedSignal& pointOf(const QList<CheckedSignal>& signalList)
{
    for (auto it = signalList.crbegin(); it != signalList.crend(); ++it)
        if (it->moveId > 0)
            return *it;
    return signalList.last();
}

} // namespace caseyos
