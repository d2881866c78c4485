#include "moves/SnoozePresets.h"

#include "core/Timestamps.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// 09:00 on `date` in `zone`, as UTC. Built from the local wall-clock time so a DST change between now and
// then does not shift it (a fixed +24 h would land on 08:00 or 10:00).
QDateTime morningOf(QDate date, const QTimeZone& zone)
{
    return QDateTime(date, QTime(9, 0), zone).toUTC();
}

} // namespace

QDateTime snoozeUntil(SnoozePreset preset, const Clock& clock)
{
    const QDateTime now = clock.now().toUTC();
    const QTimeZone zone = clock.localZone().isValid() ? clock.localZone() : QTimeZone::utc();
    const QDate today = now.toTimeZone(zone).date();
    switch (preset) {
    case SnoozePreset::OneHour:
        return now.addSecs(3600);
    case SnoozePreset::FourHours:
        return now.addSecs(4 * 3600);
    case SnoozePreset::TomorrowMorning:
        return morningOf(today.addDays(1), zone);
    case SnoozePreset::NextMondayMorning: {
        const int daysAhead = 8 - today.dayOfWeek(); // Monday = 1 → 7 (a week ahead), Sunday = 7 → 1
        return morningOf(today.addDays(daysAhead), zone);
    }
    }
    return now;
}

std::optional<QDateTime> parseSnoozeUntil(QStringView text, const Clock& clock)
{
    const QString word = text.trimmed().toString().toLower();
    if (word == "1h"_L1)
        return snoozeUntil(SnoozePreset::OneHour, clock);
    if (word == "4h"_L1)
        return snoozeUntil(SnoozePreset::FourHours, clock);
    if (word == "tomorrow"_L1)
        return snoozeUntil(SnoozePreset::TomorrowMorning, clock);
    if (word == "monday"_L1 || word == "next-monday"_L1 || word == "next_monday"_L1
        || word == "next monday"_L1 || word == "next_week"_L1 || word == "next-week"_L1)
        return snoozeUntil(SnoozePreset::NextMondayMorning, clock);

    const auto parts = parseIsoDateTimeParts(text);
    if (!parts)
        return std::nullopt;
    if (parts->offsetSeconds)
        return parseIsoDateTime(text);
    const QTimeZone zone = clock.localZone().isValid() ? clock.localZone() : QTimeZone::utc();
    // A bare date means the start of that working day, like the presets; a time without offset is local.
    const QTime time = parts->hasTime ? parts->time : QTime(9, 0);
    const QDateTime local(parts->date, time, zone);
    if (!local.isValid())
        return std::nullopt;
    return local.toUTC();
}

} // namespace caseyos
