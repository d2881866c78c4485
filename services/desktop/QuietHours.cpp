#include "desktop/QuietHours.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QTime parseTime(const QVariant& value, QTime fallback)
{
    const QTime time = QTime::fromString(value.toString().trimmed(), u"HH:mm"_s);
    return time.isValid() ? time : fallback;
}

} // namespace

QuietHours QuietHours::load(const QSettings& settings)
{
    QuietHours hours;
    hours.enabled = settings.value(enabledKey(), false).toBool();
    hours.start = parseTime(settings.value(startKey()), hours.start);
    hours.end = parseTime(settings.value(endKey()), hours.end);
    return hours;
}

void QuietHours::save(QSettings& settings) const
{
    settings.setValue(enabledKey(), enabled);
    settings.setValue(startKey(), start.toString(u"HH:mm"_s));
    settings.setValue(endKey(), end.toString(u"HH:mm"_s));
}

bool QuietHours::containsTime(QTime localTime) const
{
    if (!isValid() || !localTime.isValid() || start == end)
        return false;
    if (crossesMidnight())
        return localTime >= start || localTime < end;
    return localTime >= start && localTime < end;
}

bool QuietHours::isQuietAt(const QDateTime& now, const QTimeZone& zone) const
{
    return enabled && containsTime(now.toTimeZone(zone).time());
}

QDateTime QuietHours::quietUntil(const QDateTime& now, const QTimeZone& zone) const
{
    if (!isQuietAt(now, zone))
        return {};
    const QDateTime local = now.toTimeZone(zone);
    // In an overnight range, the evening part ends tomorrow morning; the morning part ends today.
    QDate endDate = local.date();
    if (crossesMidnight() && local.time() >= start)
        endDate = endDate.addDays(1);
    QDateTime until(endDate, end, zone);
    // A wall-clock end that does not exist (skipped by a DST change) is moved forward by Qt; never return a
    // time at or before now, which would release and re-hold in a loop.
    if (until <= now)
        until = now.addSecs(60);
    return until.toUTC();
}

QString QuietHours::describe() const
{
    return start.toString(u"HH:mm"_s) + u"–"_s + end.toString(u"HH:mm"_s);
}

} // namespace caseyos
