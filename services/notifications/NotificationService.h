#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "notifications/Notification.h"
#include "notifications/WhatsUp.h"

#include <QList>

namespace caseyos {

class Database;

// The notification center's operations (PRODUCT.md §5) over the database at the clock's "now". Synchronous:
// call it on the thread that owns the Database. Each operation is one statement or a few; it opens no
// transaction of its own, so a caller (the background checks) can group several in one.
class NotificationService
{
public:
    static constexpr int kReadRetentionDays = 30;

    NotificationService(Database& db, const Clock& clock);

    enum class Supersede { No, SameKind };
    // Stores a new notification; createdAt defaults to now. A title is required. With Supersede::SameKind
    // the earlier unread ones of the same kind are dismissed: for a check that sums up a whole condition
    // ("7 overdue moves"), the newest one says everything the older ones did.
    Result<Notification> create(Notification draft, Supersede supersede = Supersede::No);

    Result<Notification> markRead(qint64 id);
    Result<Notification> dismiss(qint64 id);
    // Hides the notification until `until` (which must be in the future); it then comes back unread.
    Result<Notification> snooze(qint64 id, const QDateTime& until);
    Result<int> markAllRead(); // how many were marked

    Result<QList<Notification>> unread(int limit = -1) const; // in the unread order
    Result<QList<Notification>> all() const; // every stored one, same order
    Result<NotificationCounts> unreadCounts() const;
    Result<WhatsUp> whatsUp() const;

    // Deletes the expired notifications and the read ones created more than 30 days ago.
    struct PurgeResult
    {
        int expired = 0;
        int oldRead = 0;
    };
    Result<PurgeResult> purge();

private:
    Result<Notification> existing(qint64 id) const;
    Database& m_db;
    const Clock& m_clock;
};

} // namespace caseyos
