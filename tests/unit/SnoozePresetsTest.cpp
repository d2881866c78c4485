// Snooze presets in the user's local zone (PRODUCT.md §1), with an injected clock.
#include "moves/SnoozePresets.h"

#include "FakeClock.h"

#include <QTimeZone>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

QTimeZone zone(const char* id)
{
    QTimeZone z(id);
    EXPECT_TRUE(z.isValid()) << id << " missing from the system's zone database";
    return z;
}

} // namespace

TEST(SnoozePresets, HoursAreAbsolute)
{
    FakeClock clock(utc(2026, 11, 25, 10), zone("America/New_York"));
    EXPECT_EQ(snoozeUntil(SnoozePreset::OneHour, clock), utc(2026, 11, 25, 11));
    EXPECT_EQ(snoozeUntil(SnoozePreset::FourHours, clock), utc(2026, 11, 25, 14));
    // Across the November 1 DST change an hour is still an hour.
    clock.set(utc(2026, 11, 1, 5, 30)); // 01:30 EDT, the first of the two 01:30s
    EXPECT_EQ(snoozeUntil(SnoozePreset::OneHour, clock), utc(2026, 11, 1, 6, 30));
}

TEST(SnoozePresets, InUtc)
{
    FakeClock clock(utc(2026, 11, 25, 10)); // Wednesday, UTC zone
    EXPECT_EQ(snoozeUntil(SnoozePreset::TomorrowMorning, clock), utc(2026, 11, 26, 9));
    EXPECT_EQ(snoozeUntil(SnoozePreset::NextMondayMorning, clock), utc(2026, 11, 30, 9));
    EXPECT_EQ(snoozeUntil(SnoozePreset::TomorrowMorning, clock).timeSpec(), Qt::UTC);
}

TEST(SnoozePresets, TomorrowNineLocalAcrossTheAutumnDstChange)
{
    // Saturday Oct 31 2026, 09:00 EDT (13:00Z). DST ends Sunday 02:00, so tomorrow 09:00 is EST (14:00Z):
    // 25 hours later, not 24.
    FakeClock clock(utc(2026, 10, 31, 13), zone("America/New_York"));
    EXPECT_EQ(snoozeUntil(SnoozePreset::TomorrowMorning, clock), utc(2026, 11, 1, 14));
    // Next Monday is Nov 2, 09:00 EST.
    EXPECT_EQ(snoozeUntil(SnoozePreset::NextMondayMorning, clock), utc(2026, 11, 2, 14));
}

TEST(SnoozePresets, TomorrowNineLocalAcrossTheSpringDstChange)
{
    // Saturday Mar 7 2026, 12:00 EST (17:00Z); DST starts Sunday, so 09:00 EDT is 13:00Z.
    FakeClock clock(utc(2026, 3, 7, 17), zone("America/New_York"));
    EXPECT_EQ(snoozeUntil(SnoozePreset::TomorrowMorning, clock), utc(2026, 3, 8, 13));
    EXPECT_EQ(snoozeUntil(SnoozePreset::NextMondayMorning, clock), utc(2026, 3, 9, 13));
}

TEST(SnoozePresets, LocalDateDecidesNotUtcDate)
{
    // 23:30Z on Wednesday Nov 25 is already Thursday Nov 26, 08:30 in Tokyo.
    FakeClock clock(utc(2026, 11, 25, 23, 30), zone("Asia/Tokyo"));
    EXPECT_EQ(snoozeUntil(SnoozePreset::TomorrowMorning, clock), utc(2026, 11, 27, 0)); // Fri 09:00 JST
    EXPECT_EQ(snoozeUntil(SnoozePreset::NextMondayMorning, clock), utc(2026, 11, 30, 0)); // Mon 09:00 JST
    // 14:59Z Wednesday is 23:59 Wednesday in Tokyo: tomorrow is Thursday.
    clock.set(utc(2026, 11, 25, 14, 59));
    EXPECT_EQ(snoozeUntil(SnoozePreset::TomorrowMorning, clock), utc(2026, 11, 26, 0));
    // And the other way round: 02:00Z Thursday is still Wednesday evening in New York.
    clock.set(utc(2026, 11, 26, 2));
    clock.setZone(zone("America/New_York"));
    EXPECT_EQ(snoozeUntil(SnoozePreset::TomorrowMorning, clock), utc(2026, 11, 26, 14)); // Thu 09:00 EST
}

TEST(SnoozePresets, NextMondayFromEveryWeekday)
{
    // Mon Nov 30 2026 … Sun Dec 6 2026, at 08:00 UTC: all go to Mon Dec 7 — Monday itself a week ahead,
    // even before 09:00.
    for (int i = 0; i < 7; ++i) {
        FakeClock clock(utc(2026, 11, 30, 8).addDays(i));
        ASSERT_EQ(clock.now().date().dayOfWeek(), i + 1);
        EXPECT_EQ(snoozeUntil(SnoozePreset::NextMondayMorning, clock), utc(2026, 12, 7, 9))
            << "weekday " << i + 1;
    }
}

TEST(SnoozeUntilText, Presets)
{
    FakeClock clock(utc(2026, 11, 25, 10), zone("Europe/Berlin")); // 11:00 CET
    EXPECT_EQ(parseSnoozeUntil(u"1h", clock), utc(2026, 11, 25, 11));
    EXPECT_EQ(parseSnoozeUntil(u" 4H ", clock), utc(2026, 11, 25, 14));
    EXPECT_EQ(parseSnoozeUntil(u"tomorrow", clock), utc(2026, 11, 26, 8)); // 09:00 CET
    EXPECT_EQ(parseSnoozeUntil(u"monday", clock), utc(2026, 11, 30, 8));
    EXPECT_EQ(parseSnoozeUntil(u"next-monday", clock), utc(2026, 11, 30, 8));
}

TEST(SnoozeUntilText, IsoDateTimes)
{
    FakeClock clock(utc(2026, 11, 25, 10), zone("America/New_York"));
    // With an offset: that instant.
    EXPECT_EQ(parseSnoozeUntil(u"2026-12-01T15:00:00Z", clock), utc(2026, 12, 1, 15));
    EXPECT_EQ(parseSnoozeUntil(u"2026-12-01T15:00:00+01:00", clock), utc(2026, 12, 1, 14));
    // Without an offset: the user's local time.
    EXPECT_EQ(parseSnoozeUntil(u"2026-12-01T15:00", clock), utc(2026, 12, 1, 20));
    EXPECT_EQ(parseSnoozeUntil(u"2026-07-01T15:00:00", clock), utc(2026, 7, 1, 19)); // EDT in summer
    // A bare date: 09:00 local that day, like the presets.
    EXPECT_EQ(parseSnoozeUntil(u"2026-12-01", clock), utc(2026, 12, 1, 14));
}

TEST(SnoozeUntilText, Unparseable)
{
    FakeClock clock;
    for (const char16_t* bad : { u"", u"soon", u"2h", u"2026-13-01", u"tomorrow 9", u"next" })
        EXPECT_FALSE(parseSnoozeUntil(QStringView(bad), clock).has_value())
            << QString::fromUtf16(bad).toStdString();
}
