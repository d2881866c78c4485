#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>
#include <optional>

class QSettings;

namespace caseyos {

class Clock;

// When book_meeting may place a meeting it has to find a slot for: the user's working hours, in the user's
// zone. QSettings keys (all optional):
//   execution/meetings/workdayStart  "09:00"      first minute a meeting may start (local time of `zone`)
//   execution/meetings/workdayEnd    "17:00"      a meeting must end by then
//   execution/meetings/workdays      "1,2,3,4,5"  ISO weekdays (1 = Monday … 7 = Sunday)
//   execution/meetings/timeZone      ""           IANA name; empty: the clock's local (system) zone
//   execution/meetings/searchDays    7            how many days ahead, today included, to look (1–60)
// A wrong value falls back to its default (a meeting is never placed at 03:00 because of a typo).
// The calendar performer reads them at each booking, so a change in the settings dialog applies at once.
struct WorkingHours
{
    QTime start { 9, 0 };
    QTime end { 17, 0 }; // after start (fromSettings drops a pair that is not)
    QList<int> days { 1, 2, 3, 4, 5 }; // never empty
    QTimeZone zone = QTimeZone::systemTimeZone();
    // No zone in the settings: `zone` is the clock's local zone, and save() keeps it unset (it follows the
    // system's zone when that changes, e.g. on a trip).
    bool followsSystemZone = true;
    int searchDays = 7;

    static constexpr int kStepMinutes = 30; // the original's slot finder steps by half hours too
    static constexpr int kMaxSearchDays = 60;

    static QString startKey() { return QStringLiteral("execution/meetings/workdayStart"); }
    static QString endKey() { return QStringLiteral("execution/meetings/workdayEnd"); }
    static QString daysKey() { return QStringLiteral("execution/meetings/workdays"); }
    static QString timeZoneKey() { return QStringLiteral("execution/meetings/timeZone"); }
    static QString searchDaysKey() { return QStringLiteral("execution/meetings/searchDays"); }

    static WorkingHours fromSettings(const QSettings& settings, const Clock& clock);
    // Writes every key in the format fromSettings reads (the zone empty when followsSystemZone).
    void save(QSettings& settings) const;
    // "09:00–17:00 Mon–Fri America/New_York", for previews and the "no free slot" message.
    QString describe() const;
};

struct BusyInterval
{
    QDateTime start;
    QDateTime end;
};

// The first start at or after `from`, on a working day, every kStepMinutes from that day's start of work
// (09:00, 09:30, …: wall-clock times in `hours.zone`, so after a DST change 09:00 is still 09:00), ending by
// the end of work, such that [start, start + duration) overlaps nothing in `busy`; nullopt when none within
// hours.searchDays days.
std::optional<QDateTime> firstFreeSlot(
    const WorkingHours& hours, const QDateTime& from, int durationMinutes, const QList<BusyInterval>& busy);

// The IANA name to send for `zone`, or empty when it has none Google would accept (a bare UTC offset).
QString ianaName(const QTimeZone& zone);

} // namespace caseyos
