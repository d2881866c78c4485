#pragma once

#include "notifications/Notification.h"

#include <QList>
#include <QString>
#include <optional>

namespace caseyos {

class Database;

// Reads and writes the notifications table. Synchronous; use it on the thread that owns the Database.
// Errors come back as text in `error` (never thrown). Instants are ms since the epoch (UTC).
class NotificationRepository
{
public:
    explicit NotificationRepository(Database& db);

    bool insert(Notification& notification, QString* error); // sets the new id
    std::optional<Notification> find(qint64 id, QString* error = nullptr) const;

    // Unread at nowMs (not read, dismissed, expired or snoozed past nowMs), in the unread order; at most
    // `limit` (< 0: all).
    QList<Notification> unread(qint64 nowMs, int limit, QString* error) const;
    // Everything not yet purged, in the same order (read, dismissed, snoozed and expired ones included).
    QList<Notification> all(QString* error) const;
    NotificationCounts unreadCounts(qint64 nowMs, QString* error) const;

    // Each writes only the columns it names; false on a storage error.
    bool setRead(qint64 id, qint64 readAtMs, QString* error); // also ends a snooze
    bool setDismissed(qint64 id, qint64 atMs, QString* error); // also marks read when unread
    bool setSnoozed(qint64 id, qint64 untilMs, QString* error); // unread again when the snooze ends
    // Marks every notification unread at nowMs as read; returns how many (-1 on error).
    int markAllRead(qint64 nowMs, QString* error);
    // Dismisses the unread (or snoozed) notifications of `kind` other than `keepId`; returns how many.
    int dismissOthersOfKind(const QString& kind, qint64 keepId, qint64 atMs, QString* error);

    // Deletes expired notifications (expires_at <= nowMs) and read ones created before readBeforeMs.
    struct PurgeCounts
    {
        int expired = 0;
        int oldRead = 0;
    };
    std::optional<PurgeCounts> purge(qint64 nowMs, qint64 readBeforeMs, QString* error);

private:
    QList<Notification> select(
        const QString& whereAndOrder, const QVariantList& values, QString* error) const;
    Database& m_db;
};

} // namespace caseyos
