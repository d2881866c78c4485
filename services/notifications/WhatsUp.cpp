#include "notifications/WhatsUp.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace caseyos {

WhatsUp buildWhatsUp(
    const QList<Notification>& unreadInOrder, const NotificationCounts& counts, const QDateTime& at)
{
    WhatsUp summary;
    summary.counts = counts;
    summary.at = at;
    for (const Notification& n : unreadInOrder) {
        if (summary.top.size() == kWhatsUpTopCount)
            break;
        if (n.priority == NotificationPriority::Urgent || n.priority == NotificationPriority::High)
            summary.top.append(n);
    }
    if (counts.total() == 0) {
        summary.headline = u"All clear: no unread notifications"_s;
        return summary;
    }
    // Every non-zero count, highest priority first, then what tops the list: the line says both how much is
    // waiting and what matters most.
    QStringList parts;
    for (NotificationPriority p : notificationPriorities())
        if (counts.of(p) > 0)
            parts << u"%1 %2"_s.arg(counts.of(p)).arg(toString(p));
    summary.headline = parts.join(u", "_s);
    if (!unreadInOrder.isEmpty())
        summary.headline += u": "_s + unreadInOrder.first().title;
    return summary;
}

} // namespace caseyos
