#include "connectors/SyncStateStore.h"

#include "core/Timestamps.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

bool run(QSqlQuery& query, QString* error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

QDateTime timeOf(const QVariant& value)
{
    return value.isNull() ? QDateTime() : fromEpochMs(value.toLongLong());
}

SyncStreamState rowOf(const QSqlQuery& q)
{
    SyncStreamState s;
    s.account = q.value(0).toString();
    s.stream = q.value(1).toString();
    s.cursor = q.value(2).toString();
    s.status = q.value(3).toString();
    s.lastError = q.value(4).toString();
    s.lastSyncAt = timeOf(q.value(5));
    s.lastSuccessAt = timeOf(q.value(6));
    s.fullSyncs = q.value(7).toInt();
    s.itemsSeen = q.value(8).toLongLong();
    s.signalsMade = q.value(9).toLongLong();
    s.outcomesMade = q.value(10).toLongLong();
    return s;
}

const QString kSyncStateColumns = u"account, stream, cursor, status, last_error, last_sync_at, last_success_at, "
                         "full_syncs, items_seen, signals_made, outcomes_made"_s;

} // namespace

SyncStateStore::SyncStateStore(Database& db)
    : m_db(db)
{
}

std::optional<SyncStreamState> SyncStateStore::load(
    const QString& account, const QString& stream, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s + kSyncStateColumns + u" FROM sync_state WHERE account = ? AND stream = ?"_s);
    q.addBindValue(account);
    q.addBindValue(stream);
    if (!run(q, error))
        return std::nullopt;
    if (!q.next())
        return SyncStreamState { account, stream };
    return rowOf(q);
}

QList<SyncStreamState> SyncStateStore::all(QString* error) const
{
    QList<SyncStreamState> rows;
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT "_s + kSyncStateColumns + u" FROM sync_state ORDER BY account, stream"_s);
    if (!run(q, error))
        return rows;
    while (q.next())
        rows.append(rowOf(q));
    return rows;
}

bool SyncStateStore::ensureRow(const QString& account, const QString& stream, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT OR IGNORE INTO sync_state (account, stream) VALUES (?, ?)"_s);
    q.addBindValue(account);
    q.addBindValue(stream);
    return run(q, error);
}

bool SyncStateStore::saveCursor(const QString& account, const QString& stream, const QString& cursor,
    const SyncStepCounts& counts, QString* error)
{
    if (!ensureRow(account, stream, error))
        return false;
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"UPDATE sync_state SET cursor = ?, items_seen = items_seen + ?, signals_made = signals_made + ?, "
        "outcomes_made = outcomes_made + ? WHERE account = ? AND stream = ?"_s);
    q.addBindValue(cursor.isNull() ? u""_s : cursor); // a null QString would bind NULL
    q.addBindValue(counts.itemsSeen);
    q.addBindValue(counts.signalsMade);
    q.addBindValue(counts.outcomesMade);
    q.addBindValue(account);
    q.addBindValue(stream);
    return run(q, error);
}

bool SyncStateStore::addCounts(
    const QString& account, const QString& stream, const SyncStepCounts& counts, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE sync_state SET items_seen = items_seen + ?, signals_made = signals_made + ?, "
              "outcomes_made = outcomes_made + ? WHERE account = ? AND stream = ?"_s);
    q.addBindValue(counts.itemsSeen);
    q.addBindValue(counts.signalsMade);
    q.addBindValue(counts.outcomesMade);
    q.addBindValue(account);
    q.addBindValue(stream);
    return run(q, error);
}

bool SyncStateStore::resetCursor(const QString& account, const QString& stream, QString* error)
{
    if (!ensureRow(account, stream, error))
        return false;
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"UPDATE sync_state SET cursor = '', full_syncs = full_syncs + 1 WHERE account = ? AND stream = ?"_s);
    q.addBindValue(account);
    q.addBindValue(stream);
    return run(q, error);
}

bool SyncStateStore::markRunning(
    const QString& account, const QString& stream, const QDateTime& now, QString* error)
{
    if (!ensureRow(account, stream, error))
        return false;
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"UPDATE sync_state SET status = 'running', last_sync_at = ? WHERE account = ? AND stream = ?"_s);
    q.addBindValue(toEpochMs(now));
    q.addBindValue(account);
    q.addBindValue(stream);
    return run(q, error);
}

bool SyncStateStore::markFinished(const QString& account, const QString& stream, const QDateTime& now,
    const QString& errorText, QString* error)
{
    if (!ensureRow(account, stream, error))
        return false;
    QSqlQuery q(m_db.sql());
    if (errorText.isEmpty()) {
        q.prepare(
            u"UPDATE sync_state SET status = 'ok', last_error = '', last_sync_at = ?, last_success_at = ? "
            "WHERE account = ? AND stream = ?"_s);
        q.addBindValue(toEpochMs(now));
    } else {
        q.prepare(u"UPDATE sync_state SET status = 'error', last_error = ?, last_sync_at = ? "
                  "WHERE account = ? AND stream = ?"_s);
        q.addBindValue(errorText);
    }
    q.addBindValue(toEpochMs(now));
    q.addBindValue(account);
    q.addBindValue(stream);
    return run(q, error);
}

} // namespace caseyos
