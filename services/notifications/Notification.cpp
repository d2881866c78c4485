#include "notifications/Notification.h"

using namespace Qt::StringLiterals;

namespace caseyos {

QString toString(NotificationPriority priority)
{
    switch (priority) {
    case NotificationPriority::Urgent:
        return u"urgent"_s;
    case NotificationPriority::High:
        return u"high"_s;
    case NotificationPriority::Normal:
        return u"normal"_s;
    case NotificationPriority::Low:
        return u"low"_s;
    }
    return u"normal"_s;
}

const QList<NotificationPriority>& notificationPriorities()
{
    static const QList<NotificationPriority> all { NotificationPriority::Urgent, NotificationPriority::High,
        NotificationPriority::Normal, NotificationPriority::Low };
    return all;
}

std::optional<NotificationPriority> notificationPriorityFromString(QStringView text)
{
    for (NotificationPriority p : notificationPriorities())
        if (text.compare(toString(p), Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

std::optional<NotificationPriority> notificationPriorityFromWeight(int value)
{
    for (NotificationPriority p : notificationPriorities())
        if (weight(p) == value)
            return p;
    return std::nullopt;
}

QString toString(NotificationState state)
{
    switch (state) {
    case NotificationState::Unread:
        return u"unread"_s;
    case NotificationState::Read:
        return u"read"_s;
    case NotificationState::Dismissed:
        return u"dismissed"_s;
    case NotificationState::Snoozed:
        return u"snoozed"_s;
    case NotificationState::Expired:
        return u"expired"_s;
    }
    return u"unread"_s;
}

bool notificationBefore(const Notification& a, const Notification& b)
{
    if (a.priority != b.priority)
        return weight(a.priority) > weight(b.priority);
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id > b.id;
}

int NotificationCounts::of(NotificationPriority priority) const
{
    switch (priority) {
    case NotificationPriority::Urgent:
        return urgent;
    case NotificationPriority::High:
        return high;
    case NotificationPriority::Normal:
        return normal;
    case NotificationPriority::Low:
        return low;
    }
    return 0;
}

void NotificationCounts::add(NotificationPriority priority, int count)
{
    switch (priority) {
    case NotificationPriority::Urgent:
        urgent += count;
        break;
    case NotificationPriority::High:
        high += count;
        break;
    case NotificationPriority::Normal:
        normal += count;
        break;
    case NotificationPriority::Low:
        low += count;
        break;
    }
}

} // namespace caseyos
