#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace caseyos {

// Priorities carry their weight (PRODUCT.md §5): the unread list orders by it.
enum class NotificationPriority : int { Low = 25, Normal = 50, High = 75, Urgent = 100 };

inline int weight(NotificationPriority priority)
{
    return static_cast<int>(priority);
}
QString toString(NotificationPriority priority); // "urgent", "high", "normal", "low"
std::optional<NotificationPriority> notificationPriorityFromString(QStringView text);
std::optional<NotificationPriority> notificationPriorityFromWeight(int weight);
// Highest first: urgent, high, normal, low.
const QList<NotificationPriority>& notificationPriorities();

// Where a notification stands at a given moment; Unread is the only state the unread list shows.
enum class NotificationState { Unread, Read, Dismissed, Snoozed, Expired };
QString toString(NotificationState state); // "unread", "read", "dismissed", "snoozed", "expired"

// One notification (PRODUCT.md §5). Times are UTC; an invalid QDateTime means "not set". moveId / signalId
// point at what the notification is about (0: nothing). kind names its producer ("new_leads",
// "overdue_moves", …) so related ones can be found.
struct Notification
{
    qint64 id = 0;
    QString title;
    QString message;
    NotificationPriority priority = NotificationPriority::Normal;
    QString kind;
    qint64 moveId = 0;
    qint64 signalId = 0;
    QDateTime createdAt;
    QDateTime readAt;
    QDateTime dismissedAt;
    QDateTime snoozedUntil;
    QDateTime expiresAt;

    // Dismissed beats expired beats snoozed beats read: a dismissed one is gone for good, an expired one
    // will never come back, and a snooze hides a read one as well as an unread one.
    NotificationState state(const QDateTime& now) const
    {
        if (dismissedAt.isValid())
            return NotificationState::Dismissed;
        if (expiresAt.isValid() && expiresAt <= now)
            return NotificationState::Expired;
        if (snoozedUntil.isValid() && snoozedUntil > now)
            return NotificationState::Snoozed;
        if (readAt.isValid())
            return NotificationState::Read;
        return NotificationState::Unread;
    }
    bool isUnread(const QDateTime& now) const { return state(now) == NotificationState::Unread; }
};

// The unread order: priority weight descending, then newest first (ties end on the id, newest first).
bool notificationBefore(const Notification& a, const Notification& b);

// Unread counts by priority.
struct NotificationCounts
{
    int urgent = 0;
    int high = 0;
    int normal = 0;
    int low = 0;
    int total() const { return urgent + high + normal + low; }
    int of(NotificationPriority priority) const;
    void add(NotificationPriority priority, int count = 1);
    friend bool operator==(const NotificationCounts&, const NotificationCounts&) = default;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::Notification)
