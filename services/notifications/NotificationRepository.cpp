#include "notifications/NotificationRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QString kNotificationColumns = u"id, title, message, priority, kind, move_id, signal_id, created_at, read_at, "
                         "dismissed_at, snoozed_until, expires_at"_s;

// What "unread at :now" means in SQL; the same rule as Notification::isUnread().
const QString kUnreadWhere = u"read_at IS NULL AND dismissed_at IS NULL AND (expires_at IS NULL OR "
                             "expires_at > :now) AND (snoozed_until IS NULL OR snoozed_until <= :now)"_s;

const QString kOrder = u" ORDER BY priority DESC, created_at DESC, id DESC"_s;

QVariant positiveIdOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime timeOf(const QVariant& value)
{
    return value.isNull() ? QDateTime() : fromEpochMs(value.toLongLong());
}

Notification fromQuery(const QSqlQuery& q)
{
    Notification n;
    n.id = q.value(0).toLongLong();
    n.title = q.value(1).toString();
    n.message = q.value(2).toString();
    n.priority = notificationPriorityFromWeight(q.value(3).toInt()).value_or(NotificationPriority::Normal);
    n.kind = q.value(4).toString();
    n.moveId = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
    n.signalId = q.value(6).isNull() ? 0 : q.value(6).toLongLong();
    n.createdAt = timeOf(q.value(7));
    n.readAt = timeOf(q.value(8));
    n.dismissedAt = timeOf(q.value(9));
    n.snoozedUntil = timeOf(q.value(10));
    n.expiresAt = timeOf(q.value(11));
    return n;
}

} // namespace

NotificationRepository::NotificationRepository(Database& db)
    : m_db(db)
{
}

bool NotificationRepository::insert(Notification& n, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO notifications (title, message, priority, kind, move_id, signal_id, created_at, "
              "read_at, dismissed_at, snoozed_until, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(textValue(n.title));
    q.addBindValue(textValue(n.message));
    q.addBindValue(weight(n.priority));
    q.addBindValue(textValue(n.kind));
    q.addBindValue(positiveIdOrNull(n.moveId));
    q.addBindValue(positiveIdOrNull(n.signalId));
    q.addBindValue(toEpochMs(n.createdAt));
    q.addBindValue(msOrNull(n.readAt));
    q.addBindValue(msOrNull(n.dismissedAt));
    q.addBindValue(msOrNull(n.snoozedUntil));
    q.addBindValue(msOrNull(n.expiresAt));
    if (!q.exec())
        return setError(error, q);
    n.id = q.lastInsertId().toLongLong();
    return true;
}

QList<Notification> NotificationRepository::select(
    const QString& whereAndOrder, const QVariantList& values, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kNotificationColumns + u" FROM notifications "_s + whereAndOrder);
    for (const QVariant& value : values)
        q.addBindValue(value);
    QList<Notification> found;
    if (!q.exec()) {
        setError(error, q);
        return found;
    }
    while (q.next())
        found.append(fromQuery(q));
    return found;
}

std::optional<Notification> NotificationRepository::find(qint64 id, QString* error) const
{
    const QList<Notification> found = select(u"WHERE id = ?"_s, { id }, error);
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<Notification> NotificationRepository::unread(qint64 nowMs, int limit, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + kNotificationColumns + u" FROM notifications WHERE "_s + kUnreadWhere + kOrder
        + (limit >= 0 ? u" LIMIT %1"_s.arg(limit) : QString()));
    q.bindValue(u":now"_s, nowMs);
    QList<Notification> found;
    if (!q.exec()) {
        setError(error, q);
        return found;
    }
    while (q.next())
        found.append(fromQuery(q));
    return found;
}

QList<Notification> NotificationRepository::all(QString* error) const
{
    return select(kOrder, {}, error);
}

NotificationCounts NotificationRepository::unreadCounts(qint64 nowMs, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"SELECT priority, COUNT(*) FROM notifications WHERE "_s + kUnreadWhere + u" GROUP BY priority"_s);
    q.bindValue(u":now"_s, nowMs);
    NotificationCounts counts;
    if (!q.exec()) {
        setError(error, q);
        return counts;
    }
    while (q.next()) {
        if (const auto priority = notificationPriorityFromWeight(q.value(0).toInt()))
            counts.add(*priority, q.value(1).toInt());
    }
    return counts;
}

bool NotificationRepository::setRead(qint64 id, qint64 readAtMs, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"UPDATE notifications SET read_at = COALESCE(read_at, ?), snoozed_until = NULL WHERE id = ?"_s);
    q.addBindValue(readAtMs);
    q.addBindValue(id);
    return q.exec() || setError(error, q);
}

bool NotificationRepository::setDismissed(qint64 id, qint64 atMs, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"UPDATE notifications SET dismissed_at = COALESCE(dismissed_at, ?), read_at = COALESCE(read_at, ?), "
        "snoozed_until = NULL WHERE id = ?"_s);
    q.addBindValue(atMs);
    q.addBindValue(atMs);
    q.addBindValue(id);
    return q.exec() || setError(error, q);
}

bool NotificationRepository::setSnoozed(qint64 id, qint64 untilMs, QString* error)
{
    // A snooze is "remind me later": the notification comes back unread, even if it had been read.
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE notifications SET snoozed_until = ?, read_at = NULL WHERE id = ?"_s);
    q.addBindValue(untilMs);
    q.addBindValue(id);
    return q.exec() || setError(error, q);
}

int NotificationRepository::markAllRead(qint64 nowMs, QString* error)
{
    // Only what the user can see: a snoozed notification stays hidden until its time, then comes back unread.
    QSqlQuery q(m_db.sql());
    q.prepare(u"UPDATE notifications SET read_at = :now WHERE "_s + kUnreadWhere);
    q.bindValue(u":now"_s, nowMs);
    if (!q.exec()) {
        setError(error, q);
        return -1;
    }
    return q.numRowsAffected();
}

int NotificationRepository::dismissOthersOfKind(
    const QString& kind, qint64 keepId, qint64 atMs, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"UPDATE notifications SET dismissed_at = ?, read_at = COALESCE(read_at, ?), snoozed_until = NULL "
        "WHERE kind = ? AND id <> ? AND read_at IS NULL AND dismissed_at IS NULL"_s);
    q.addBindValue(atMs);
    q.addBindValue(atMs);
    q.addBindValue(kind);
    q.addBindValue(keepId);
    if (!q.exec()) {
        setError(error, q);
        return -1;
    }
    return q.numRowsAffected();
}

std::optional<NotificationRepository::PurgeCounts> NotificationRepository::purge(
    qint64 nowMs, qint64 readBeforeMs, QString* error)
{
    // Each DELETE runs only when it has something to delete: a DELETE takes the write lock even when it
    // matches nothing, and the purge runs every few minutes next to the storage thread's writes.
    PurgeCounts counts;
    const auto run = [&](const QString& condition, qint64 value, int* deleted) {
        QSqlQuery probe(m_db.sql());
        probe.prepare(u"SELECT EXISTS (SELECT 1 FROM notifications WHERE "_s + condition + u')');
        probe.addBindValue(value);
        if (!probe.exec() || !probe.next())
            return setError(error, probe);
        if (!probe.value(0).toBool())
            return true;
        QSqlQuery remove(m_db.sql());
        remove.prepare(u"DELETE FROM notifications WHERE "_s + condition);
        remove.addBindValue(value);
        if (!remove.exec())
            return setError(error, remove);
        *deleted = remove.numRowsAffected();
        return true;
    };
    if (!run(u"expires_at IS NOT NULL AND expires_at <= ?"_s, nowMs, &counts.expired)
        || !run(u"read_at IS NOT NULL AND created_at < ?"_s, readBeforeMs, &counts.oldRead))
        return std::nullopt;
    return counts;
}

} // namespace caseyos
