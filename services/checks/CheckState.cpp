#include "checks/CheckState.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

using namespace Qt::StringLiterals;

namespace caseyos {

CheckState::CheckState(Database& db)
    : m_db(db)
{
}

qint64 CheckState::cursor(const QString& check, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT last_signal_id FROM check_cursors WHERE check_name = ?"_s);
    q.addBindValue(check);
    if (!q.exec()) {
        setError(error, q);
        return 0;
    }
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool CheckState::setCursor(const QString& check, qint64 lastSignalId, qint64 nowMs, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO check_cursors (check_name, last_signal_id, updated_at) VALUES (?, ?, ?) "
              "ON CONFLICT (check_name) DO UPDATE SET last_signal_id = excluded.last_signal_id, "
              "updated_at = excluded.updated_at"_s);
    q.addBindValue(check);
    q.addBindValue(lastSignalId);
    q.addBindValue(nowMs);
    return q.exec() || setError(error, q);
}

qint64 CheckState::itemCount(const QString& check, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT COUNT(*) FROM check_items WHERE check_name = ?"_s);
    q.addBindValue(check);
    if (!q.exec() || !q.next()) {
        setError(error, q);
        return -1;
    }
    return q.value(0).toLongLong();
}

bool CheckState::noteItems(
    const QString& check, const QString& idsSql, const QVariantList& values, qint64 nowMs, QString* error)
{
    // "WHERE true": SQLite needs it to tell an upsert's ON CONFLICT from a join's ON.
    QSqlQuery note(m_db.sql());
    note.prepare(u"INSERT INTO check_items (check_name, noted_at, item_id) SELECT ?, ?, * FROM ("_s + idsSql
        + u") WHERE true ON CONFLICT (check_name, item_id) DO NOTHING"_s);
    note.addBindValue(check);
    note.addBindValue(nowMs);
    for (const QVariant& value : values)
        note.addBindValue(value);
    return note.exec() || setError(error, note);
}

bool CheckState::forgetItemsNotIn(
    const QString& check, const QString& currentIdsSql, const QVariantList& values, QString* error)
{
    QSqlQuery forget(m_db.sql());
    forget.prepare(
        u"DELETE FROM check_items WHERE check_name = ? AND item_id NOT IN ("_s + currentIdsSql + u')');
    forget.addBindValue(check);
    for (const QVariant& value : values)
        forget.addBindValue(value);
    return forget.exec() || setError(error, forget);
}

QSet<qint64> CheckState::items(const QString& check, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT item_id FROM check_items WHERE check_name = ?"_s);
    q.addBindValue(check);
    QSet<qint64> found;
    if (!q.exec()) {
        setError(error, q);
        return found;
    }
    while (q.next())
        found.insert(q.value(0).toLongLong());
    return found;
}

bool CheckState::replaceItems(const QString& check, const QSet<qint64>& current, qint64 nowMs, QString* error)
{
    QString itemsError;
    const QSet<qint64> noted = items(check, &itemsError);
    if (!itemsError.isEmpty()) {
        if (error)
            *error = itemsError;
        return false;
    }
    for (qint64 id : noted) {
        if (current.contains(id))
            continue;
        QSqlQuery q(m_db.sql());
        q.prepare(u"DELETE FROM check_items WHERE check_name = ? AND item_id = ?"_s);
        q.addBindValue(check);
        q.addBindValue(id);
        if (!q.exec())
            return setError(error, q);
    }
    for (qint64 id : current) {
        if (noted.contains(id))
            continue;
        QSqlQuery q(m_db.sql());
        q.prepare(u"INSERT INTO check_items (check_name, item_id, noted_at) VALUES (?, ?, ?)"_s);
        q.addBindValue(check);
        q.addBindValue(id);
        q.addBindValue(nowMs);
        if (!q.exec())
            return setError(error, q);
    }
    return true;
}

QString CheckState::notNotedCondition(const QString& idColumn)
{
    return idColumn + u" NOT IN (SELECT item_id FROM check_items WHERE check_name = ?)"_s;
}

} // namespace caseyos
