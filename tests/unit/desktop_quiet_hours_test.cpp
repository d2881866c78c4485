// Quiet hours (PRODUCT.md §5: they hold desktop pop-ups until they end), including ranges across midnight,
// zones and daylight saving, and the settings they are stored in.
#include "desktop/QuietHours.h"

#include <QSettings>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

QuietHours hours(QTime start, QTime end)
{
    QuietHours q;
    q.enabled = true;
    q.start = start;
    q.end = end;
    return q;
}

} // namespace

TEST(QuietHours, OffByDefaultAndNeverQuietWhenOff)
{
    QuietHours q;
    EXPECT_FALSE(q.enabled);
    EXPECT_EQ(q.start, QTime(22, 0));
    EXPECT_EQ(q.end, QTime(7, 0));
    // 23:00 is inside the default range, but the feature is off.
    EXPECT_TRUE(q.containsTime(QTime(23, 0)));
    EXPECT_FALSE(q.isQuietAt(utc(2026, 11, 25, 23), QTimeZone::utc()));
}

TEST(QuietHours, OvernightRangeWrapsMidnight)
{
    const QuietHours q = hours(QTime(22, 0), QTime(7, 0));
    EXPECT_TRUE(q.crossesMidnight());
    EXPECT_FALSE(q.containsTime(QTime(21, 59)));
    EXPECT_TRUE(q.containsTime(QTime(22, 0))); // start is inside
    EXPECT_TRUE(q.containsTime(QTime(23, 59, 59)));
    EXPECT_TRUE(q.containsTime(QTime(0, 0)));
    EXPECT_TRUE(q.containsTime(QTime(3, 30)));
    EXPECT_TRUE(q.containsTime(QTime(6, 59, 59)));
    EXPECT_FALSE(q.containsTime(QTime(7, 0))); // end is outside
    EXPECT_FALSE(q.containsTime(QTime(12, 0)));
}

TEST(QuietHours, DaytimeRange)
{
    const QuietHours q = hours(QTime(12, 0), QTime(13, 30));
    EXPECT_FALSE(q.crossesMidnight());
    EXPECT_FALSE(q.containsTime(QTime(11, 59)));
    EXPECT_TRUE(q.containsTime(QTime(12, 0)));
    EXPECT_TRUE(q.containsTime(QTime(13, 29)));
    EXPECT_FALSE(q.containsTime(QTime(13, 30)));
    EXPECT_FALSE(q.containsTime(QTime(23, 0)));
}

TEST(QuietHours, EqualStartAndEndIsEmpty)
{
    const QuietHours q = hours(QTime(9, 0), QTime(9, 0));
    EXPECT_FALSE(q.containsTime(QTime(9, 0)));
    EXPECT_FALSE(q.containsTime(QTime(21, 0)));
}

TEST(QuietHours, QuietUntilIsTheNextEndInTheUsersZone)
{
    const QuietHours q = hours(QTime(22, 0), QTime(7, 0));
    // Evening part: ends tomorrow morning.
    EXPECT_EQ(q.quietUntil(utc(2026, 11, 25, 23, 15), QTimeZone::utc()), utc(2026, 11, 26, 7));
    // Morning part: ends this morning.
    EXPECT_EQ(q.quietUntil(utc(2026, 11, 26, 2), QTimeZone::utc()), utc(2026, 11, 26, 7));
    // Not quiet: no end.
    EXPECT_FALSE(q.quietUntil(utc(2026, 11, 26, 12), QTimeZone::utc()).isValid());

    // The range is local time: 04:00 UTC is 23:00 in New York (EST, UTC−5), which is quiet there until
    // 07:00 EST = 12:00 UTC.
    const QTimeZone newYork("America/New_York");
    ASSERT_TRUE(newYork.isValid());
    EXPECT_TRUE(q.isQuietAt(utc(2026, 11, 26, 4), newYork));
    EXPECT_EQ(q.quietUntil(utc(2026, 11, 26, 4), newYork), utc(2026, 11, 26, 12));
    // 23:00 UTC is quiet for a user in UTC, but only 18:00 in New York.
    EXPECT_TRUE(q.isQuietAt(utc(2026, 11, 25, 23), QTimeZone::utc()));
    EXPECT_FALSE(q.isQuietAt(utc(2026, 11, 25, 23), newYork));
}

TEST(QuietHours, AcrossDaylightSavingTheEndIsWallClockTime)
{
    const QTimeZone newYork("America/New_York");
    ASSERT_TRUE(newYork.isValid());
    const QuietHours q = hours(QTime(22, 0), QTime(7, 0));
    // 2026-11-01: clocks go back at 02:00 EDT. 22:00 EDT on Oct 31 is 02:00 UTC Nov 1; 07:00 EST on Nov 1 is
    // 12:00 UTC — a 10-hour night, not 9.
    const QDateTime evening = utc(2026, 11, 1, 2, 30); // 22:30 EDT
    ASSERT_TRUE(q.isQuietAt(evening, newYork));
    EXPECT_EQ(q.quietUntil(evening, newYork), utc(2026, 11, 1, 12));
}

TEST(QuietHours, SettingsRoundTripAndBadValuesFallBack)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(u"settings.ini"_s);
    {
        QSettings settings(file, QSettings::IniFormat);
        const QuietHours empty = QuietHours::load(settings);
        EXPECT_FALSE(empty.enabled);
        hours(QTime(23, 30), QTime(6, 15)).save(settings);
    }
    {
        QSettings settings(file, QSettings::IniFormat);
        const QuietHours loaded = QuietHours::load(settings);
        EXPECT_TRUE(loaded.enabled);
        EXPECT_EQ(loaded.start, QTime(23, 30));
        EXPECT_EQ(loaded.end, QTime(6, 15));
        EXPECT_EQ(loaded.describe(), u"23:30–06:15"_s);
        // A hand-edited typo keeps the default for that end instead of an invalid (never quiet / always
        // quiet) range.
        settings.setValue(QuietHours::startKey(), u"25:99"_s);
        EXPECT_EQ(QuietHours::load(settings).start, QTime(22, 0));
        EXPECT_EQ(QuietHours::load(settings).end, QTime(6, 15));
    }
}
