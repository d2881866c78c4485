#include "checks/CheckText.h"

using namespace Qt::StringLiterals;

namespace caseyos::checktext {

QString listed(const QStringList& items, int shown)
{
    if (items.isEmpty())
        return {};
    if (items.size() == 1)
        return items.first();
    if (items.size() <= shown)
        return items.mid(0, items.size() - 1).join(u", "_s) + u" and "_s + items.last();
    return items.mid(0, shown).join(u", "_s) + u" and %1 more"_s.arg(items.size() - shown);
}

QString listedOf(const QStringList& firstItems, qsizetype total)
{
    if (total <= firstItems.size())
        return listed(firstItems, int(firstItems.size()));
    return firstItems.join(u", "_s) + u" and %1 more"_s.arg(total - firstItems.size());
}

QString counted(qsizetype count, const QString& singular, const QString& plural)
{
    return u"%1 %2"_s.arg(count).arg(count == 1 ? singular : plural);
}

QString span(qint64 seconds)
{
    seconds = qAbs(seconds);
    if (seconds < 60)
        return u"under a minute"_s;
    if (seconds < 3600) {
        const qint64 minutes = seconds / 60;
        return counted(minutes, u"minute"_s, u"minutes"_s);
    }
    if (seconds < 2 * 24 * 3600) {
        const qint64 hours = seconds / 3600;
        return counted(hours, u"hour"_s, u"hours"_s);
    }
    return counted(seconds / (24 * 3600), u"day"_s, u"days"_s);
}

QString clockTime(const QDateTime& at, const QDateTime& now, const QTimeZone& zone)
{
    const QTimeZone z = zone.isValid() ? zone : QTimeZone::utc();
    const QDateTime local = at.toTimeZone(z);
    if (local.date() == now.toTimeZone(z).date())
        return local.toString(u"HH:mm"_s);
    return local.toString(u"ddd d MMM HH:mm"_s);
}

} // namespace caseyos::checktext
