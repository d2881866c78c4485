// book_meeting's slot finder: working hours in the user's zone (not UTC), across both DST changes of New
// York, the :00 / :30 grid, busy intervals, and the working-hours settings with their fallbacks.
#include "FakeClock.h"
#include "execution/MeetingSlots.h"

#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

const QTimeZone kNewYork("America/New_York");

QDateTime ny(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), kNewYork);
}

QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

WorkingHours newYorkHours()
{
    WorkingHours h;
    h.zone = kNewYork;
    return h;
}

} // namespace

TEST(ExecutionMeetingSlots, WorkingHoursAreTheUsersNotUtcAndFollowTheClockAcrossDstEnd)
{
    ASSERT_TRUE(kNewYork.isValid());
    // Friday 30 Oct 2026, 12:10 EDT (UTC-4); the rest of the day is busy. DST ends on Sunday 1 Nov.
    const QDateTime now = ny(2026, 10, 30, 12, 10);
    const QList<BusyInterval> busy { { ny(2026, 10, 30, 12, 30), ny(2026, 10, 30, 17, 0) } };
    const auto slot = firstFreeSlot(newYorkHours(), now, 30, busy);
    ASSERT_TRUE(slot.has_value());
    // Monday 09:00 EST is 14:00 UTC (Friday's 09:00 EDT was 13:00 UTC): still 09:00 on the user's wall clock.
    EXPECT_EQ(slot->toUTC(), utc(2026, 11, 2, 14));
    EXPECT_EQ(slot->toTimeZone(kNewYork).time(), QTime(9, 0));
    // With Friday free, the next :00 / :30 after 12:10 local.
    EXPECT_EQ(firstFreeSlot(newYorkHours(), now, 30, {})->toUTC(), utc(2026, 10, 30, 16, 30));
}

TEST(ExecutionMeetingSlots, SpringForwardWeekStartsAtNineLocal)
{
    // Friday 6 Mar 2026 17:00 EST (after hours); DST starts Sunday 8 Mar: Monday 09:00 EDT = 13:00 UTC.
    const auto slot = firstFreeSlot(newYorkHours(), ny(2026, 3, 6, 17, 0), 60, {});
    ASSERT_TRUE(slot.has_value());
    EXPECT_EQ(slot->toUTC(), utc(2026, 3, 9, 13));
}

TEST(ExecutionMeetingSlots, BusyTimesAndTheEndOfTheDayAreRespected)
{
    const QDateTime now = ny(2026, 12, 1, 15, 55); // a Tuesday
    // 16:00–16:30 busy; a 45-minute meeting at 16:30 would end after 17:00: Wednesday 09:00.
    const QList<BusyInterval> busy { { ny(2026, 12, 1, 16, 0), ny(2026, 12, 1, 16, 30) } };
    EXPECT_EQ(firstFreeSlot(newYorkHours(), now, 45, busy), ny(2026, 12, 2, 9, 0));
    EXPECT_EQ(firstFreeSlot(newYorkHours(), now, 30, busy), ny(2026, 12, 1, 16, 30));
    // A busy interval given in UTC blocks the same instant: 09:00–10:00 EST = 14:00–15:00 UTC.
    const QList<BusyInterval> morning { { utc(2026, 12, 2, 14), utc(2026, 12, 2, 15) } };
    EXPECT_EQ(firstFreeSlot(newYorkHours(), ny(2026, 12, 2, 8, 0), 30, morning), ny(2026, 12, 2, 10, 0));
    // Exactly on the grid is not pushed on.
    EXPECT_EQ(firstFreeSlot(newYorkHours(), ny(2026, 12, 2, 11, 30), 30, {}), ny(2026, 12, 2, 11, 30));
}

TEST(ExecutionMeetingSlots, WeekendsAreSkippedAndTheSearchEnds)
{
    WorkingHours h = newYorkHours();
    EXPECT_EQ(firstFreeSlot(h, ny(2026, 12, 5, 10, 0), 30, {}), ny(2026, 12, 7, 9, 0)); // Sat → Mon
    h.searchDays = 2; // Saturday and Sunday only
    EXPECT_FALSE(firstFreeSlot(h, ny(2026, 12, 5, 10, 0), 30, {}).has_value());
    h.searchDays = 7;
    const QList<BusyInterval> allWeek { { ny(2026, 12, 5, 0, 0), ny(2026, 12, 12, 0, 0) } };
    EXPECT_FALSE(firstFreeSlot(h, ny(2026, 12, 5, 10, 0), 30, allWeek).has_value());
}

TEST(ExecutionMeetingSlots, SettingsWithFallbacks)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    FakeClock clock(utc(2026, 12, 1, 12), QTimeZone("Europe/Berlin"));

    WorkingHours h = WorkingHours::fromSettings(settings, clock);
    EXPECT_EQ(h.start, QTime(9, 0));
    EXPECT_EQ(h.end, QTime(17, 0));
    EXPECT_EQ(h.days, (QList<int> { 1, 2, 3, 4, 5 }));
    EXPECT_EQ(h.zone, QTimeZone("Europe/Berlin")); // no setting: the clock's local zone
    EXPECT_EQ(h.describe(), u"09:00–17:00 Mon–Fri Europe/Berlin"_s);

    settings.setValue(u"execution/meetings/workdayStart"_s, u"08:30"_s);
    settings.setValue(u"execution/meetings/workdayEnd"_s, u"16:00"_s);
    settings.setValue(u"execution/meetings/workdays"_s, u"1,3,5"_s);
    settings.setValue(u"execution/meetings/timeZone"_s, u"America/New_York"_s);
    settings.setValue(u"execution/meetings/searchDays"_s, 14);
    h = WorkingHours::fromSettings(settings, clock);
    EXPECT_EQ(h.start, QTime(8, 30));
    EXPECT_EQ(h.end, QTime(16, 0));
    EXPECT_EQ(h.days, (QList<int> { 1, 3, 5 }));
    EXPECT_EQ(h.zone, kNewYork);
    EXPECT_EQ(h.searchDays, 14);
    EXPECT_EQ(h.describe(), u"08:30–16:00 Mon, Wed, Fri America/New_York"_s);

    // Typos fall back to the defaults instead of placing meetings at odd hours.
    settings.setValue(u"execution/meetings/workdayStart"_s, u"18:00"_s); // after the end
    settings.setValue(u"execution/meetings/workdays"_s, u"1,8"_s);
    settings.setValue(u"execution/meetings/timeZone"_s, u"Mars/Olympus"_s);
    settings.setValue(u"execution/meetings/searchDays"_s, 0);
    h = WorkingHours::fromSettings(settings, clock);
    EXPECT_EQ(h.start, QTime(9, 0));
    EXPECT_EQ(h.end, QTime(17, 0));
    EXPECT_EQ(h.days, (QList<int> { 1, 2, 3, 4, 5 }));
    EXPECT_EQ(h.zone, QTimeZone("Europe/Berlin"));
    EXPECT_EQ(h.searchDays, 7);
}

// What the settings dialog writes, fromSettings reads back; the system zone stays unset so it follows the
// computer's zone. Days typed into the file unquoted (a list to QSettings) are read too.
TEST(ExecutionMeetingSlots, SaveRoundTripsAndKeepsTheSystemZoneUnset)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    FakeClock clock(utc(2026, 12, 1, 12), QTimeZone("Europe/Berlin"));
    WorkingHours h;
    h.start = QTime(7, 30);
    h.end = QTime(15, 0);
    h.days = { 5, 1, 2 };
    h.zone = kNewYork;
    h.followsSystemZone = false;
    h.searchDays = 30;
    h.save(settings);
    WorkingHours read = WorkingHours::fromSettings(settings, clock);
    EXPECT_EQ(read.start, QTime(7, 30));
    EXPECT_EQ(read.end, QTime(15, 0));
    EXPECT_EQ(read.days, (QList<int> { 1, 2, 5 }));
    EXPECT_EQ(read.zone, kNewYork);
    EXPECT_FALSE(read.followsSystemZone);
    EXPECT_EQ(read.searchDays, 30);

    h.followsSystemZone = true;
    h.save(settings);
    EXPECT_TRUE(settings.value(WorkingHours::timeZoneKey()).toString().isEmpty());
    read = WorkingHours::fromSettings(settings, clock);
    EXPECT_TRUE(read.followsSystemZone);
    EXPECT_EQ(read.zone, QTimeZone("Europe/Berlin"));

    settings.setValue(WorkingHours::daysKey(), QStringList { u"2"_s, u"4"_s });
    EXPECT_EQ(WorkingHours::fromSettings(settings, clock).days, (QList<int> { 2, 4 }));
}

TEST(ExecutionMeetingSlots, OnlyIanaNamesAreSentAsTheEventZone)
{
    EXPECT_EQ(ianaName(kNewYork), u"America/New_York"_s);
    EXPECT_EQ(ianaName(QTimeZone::utc()), u"UTC"_s);
    EXPECT_EQ(ianaName(QTimeZone(3600)), QString()); // a bare offset: Google wants a name
}
