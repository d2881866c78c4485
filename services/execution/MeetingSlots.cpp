#include "execution/MeetingSlots.h"

#include "core/Clock.h"

#include <QLocale>
#include <QSettings>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QTime timeSetting(const QSettings& settings, const QString& key, QTime fallback)
{
    const QTime t = QTime::fromString(settings.value(key).toString().trimmed(), u"HH:mm"_s);
    return t.isValid() ? t : fallback;
}

QList<int> daysSetting(const QSettings& settings, const QList<int>& fallback)
{
    // An unquoted 1,2,3 typed into the INI file reads back as a list, a saved one as a string.
    const QVariant value = settings.value(WorkingHours::daysKey());
    const QString text
        = value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',') : value.toString();
    QList<int> days;
    for (const QString& part : text.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int day = part.trimmed().toInt(&ok);
        if (!ok || day < 1 || day > 7)
            return fallback;
        if (!days.contains(day))
            days.append(day);
    }
    return days.isEmpty() ? fallback : days;
}

QString dayName(int day)
{
    return QLocale::c().dayName(day, QLocale::ShortFormat);
}

} // namespace

WorkingHours WorkingHours::fromSettings(const QSettings& settings, const Clock& clock)
{
    WorkingHours h;
    const QTime defaultStart = h.start;
    const QTime defaultEnd = h.end;
    h.start = timeSetting(settings, startKey(), defaultStart);
    h.end = timeSetting(settings, endKey(), defaultEnd);
    if (h.end <= h.start) { // both or neither: a half-valid pair would make a strange day
        h.start = defaultStart;
        h.end = defaultEnd;
    }
    h.days = daysSetting(settings, h.days);
    // Checked for emptiness first: QTimeZone("") is not invalid but the system zone, not the clock's.
    const QByteArray zoneId = settings.value(timeZoneKey()).toString().trimmed().toUtf8();
    const QTimeZone configured = zoneId.isEmpty() ? QTimeZone() : QTimeZone(zoneId);
    h.followsSystemZone = !configured.isValid();
    h.zone = configured.isValid() ? configured : clock.localZone();
    bool ok = false;
    const int days = settings.value(searchDaysKey()).toInt(&ok);
    if (ok && days >= 1 && days <= kMaxSearchDays)
        h.searchDays = days;
    return h;
}

void WorkingHours::save(QSettings& settings) const
{
    settings.setValue(startKey(), start.toString(u"HH:mm"_s));
    settings.setValue(endKey(), end.toString(u"HH:mm"_s));
    QList<int> sorted = days;
    std::sort(sorted.begin(), sorted.end());
    QStringList parts;
    for (int d : sorted)
        parts << QString::number(d);
    settings.setValue(daysKey(), parts.join(u',')); // one string, as a user would type it in the file
    settings.setValue(timeZoneKey(), followsSystemZone ? QString() : QString::fromUtf8(zone.id()));
    settings.setValue(searchDaysKey(), searchDays);
}

QString WorkingHours::describe() const
{
    QList<int> sorted = days;
    std::sort(sorted.begin(), sorted.end());
    QString dayText;
    const bool contiguous = sorted.size() > 2 && sorted.last() - sorted.first() == sorted.size() - 1;
    if (contiguous) {
        dayText = dayName(sorted.first()) + u'–' + dayName(sorted.last());
    } else {
        QStringList names;
        for (int d : sorted)
            names << dayName(d);
        dayText = names.join(u", "_s);
    }
    const QString zoneName = ianaName(zone).isEmpty() ? QString::fromUtf8(zone.id()) : ianaName(zone);
    return u"%1–%2 %3 %4"_s.arg(start.toString(u"HH:mm"_s), end.toString(u"HH:mm"_s), dayText, zoneName);
}

std::optional<QDateTime> firstFreeSlot(
    const WorkingHours& hours, const QDateTime& from, int durationMinutes, const QList<BusyInterval>& busy)
{
    const qint64 length = qint64(durationMinutes) * 60;
    const QDate first = from.toTimeZone(hours.zone).date();
    for (int i = 0; i < hours.searchDays; ++i) {
        const QDate day = first.addDays(i);
        if (!hours.days.contains(day.dayOfWeek()))
            continue;
        // Built from the date and the wall-clock time in the zone, never by adding hours to another day's
        // time: a working day after a DST change still starts at 09:00 local.
        const QDateTime dayEnd(day, hours.end, hours.zone);
        for (QTime t = hours.start; t < hours.end && t >= hours.start;
             t = t.addSecs(WorkingHours::kStepMinutes * 60)) {
            const QDateTime start(day, t, hours.zone);
            const QDateTime end = start.addSecs(length);
            if (end > dayEnd)
                break;
            if (start < from)
                continue;
            const bool free = std::none_of(busy.cbegin(), busy.cend(),
                [&](const BusyInterval& b) { return b.start < end && b.end > start; });
            if (free)
                return start;
        }
    }
    return std::nullopt;
}

QString ianaName(const QTimeZone& zone)
{
    if (!zone.isValid())
        return {};
    const QByteArray id = zone.id();
    if (id == "UTC" || (id.contains('/') && QTimeZone::isTimeZoneIdAvailable(id)))
        return QString::fromUtf8(id);
    return {};
}

} // namespace caseyos
