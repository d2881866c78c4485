// Timestamps: the hand-written ISO-8601 parser/printer is checked against QDateTime's own arithmetic.
#include "core/Timestamps.h"

#include <QRandomGenerator>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

qint64 parsedMs(const char16_t* text)
{
    const auto parsed = parseIsoDateTime(QStringView(text));
    EXPECT_TRUE(parsed.has_value()) << QString::fromUtf16(text).toStdString();
    return parsed ? parsed->toMSecsSinceEpoch() : -1;
}

} // namespace

TEST(ParseIso, UtcWithZ)
{
    EXPECT_EQ(parsedMs(u"2026-11-25T09:00:00Z"), utc(2026, 11, 25, 9).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"2026-11-25t09:00:00z"), utc(2026, 11, 25, 9).toMSecsSinceEpoch());
    EXPECT_EQ(parseIsoDateTime(u"2026-11-25T09:00:00Z")->timeSpec(), Qt::UTC);
}

TEST(ParseIso, OffsetsConvertToUtc)
{
    EXPECT_EQ(parsedMs(u"2026-11-25T09:00:00+02:00"), utc(2026, 11, 25, 7).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"2026-11-25T09:00:00-05:00"), utc(2026, 11, 25, 14).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"2026-11-25T09:00:00-0500"), utc(2026, 11, 25, 14).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"2026-11-25T09:00:00+0530"), utc(2026, 11, 25, 3, 30).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"2026-11-25T09:00:00-05"), utc(2026, 11, 25, 14).toMSecsSinceEpoch());
    // Crossing midnight and a year boundary.
    EXPECT_EQ(parsedMs(u"2026-01-01T01:00:00+03:00"), utc(2025, 12, 31, 22).toMSecsSinceEpoch());
}

TEST(ParseIso, FractionalSecondsAndShortForms)
{
    EXPECT_EQ(parsedMs(u"2026-11-25T09:00:00.5Z"), utc(2026, 11, 25, 9, 0, 0, 500).toMSecsSinceEpoch());
    EXPECT_EQ(
        parsedMs(u"2026-11-25T09:00:00.123456789Z"), utc(2026, 11, 25, 9, 0, 0, 123).toMSecsSinceEpoch());
    EXPECT_EQ(
        parsedMs(u"2026-11-25T09:00:00,250+01:00"), utc(2026, 11, 25, 8, 0, 0, 250).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"2026-11-25T09:30Z"), utc(2026, 11, 25, 9, 30).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"2026-11-25 09:30:15"), utc(2026, 11, 25, 9, 30, 15).toMSecsSinceEpoch());
}

TEST(ParseIso, NoOffsetIsUtcAndBareDateIsMidnightUtc)
{
    EXPECT_EQ(parsedMs(u"2026-11-25T09:00:00"), utc(2026, 11, 25, 9).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"2026-11-25"), utc(2026, 11, 25).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"  2026-11-25T09:00:00Z \n"), utc(2026, 11, 25, 9).toMSecsSinceEpoch());
}

TEST(ParseIso, LeapYears)
{
    EXPECT_EQ(parsedMs(u"2024-02-29T12:00:00Z"), utc(2024, 2, 29, 12).toMSecsSinceEpoch());
    EXPECT_EQ(parsedMs(u"2000-02-29"), utc(2000, 2, 29).toMSecsSinceEpoch());
    EXPECT_FALSE(parseIsoDateTime(u"2025-02-29"));
    EXPECT_FALSE(parseIsoDateTime(u"1900-02-29"));
}

TEST(ParseIso, RejectsGarbage)
{
    for (const char16_t* bad : { u"", u"   ", u"garbage", u"2026-13-01", u"2026-00-10", u"2026-02-30",
             u"2026-04-31", u"2026-11-25T24:00:00Z", u"2026-11-25T09:60:00Z", u"2026-11-25T09:00:61Z",
             u"2026-11-25T09:00:00+25:00", u"2026-11-25T09:00:00+02:75", u"2026-11-25T09:00:00Zjunk",
             u"2026-1-5", u"26-11-25", u"2026-11-25T9:00", u"2026-11-25T", u"2026-11-25T09:00:00.Z",
             u"2026/11/25", u"tomorrow", u"1732525200", u"2026-11-25T09:00:00 Z", u"0000-01-01" }) {
        EXPECT_FALSE(parseIsoDateTime(QStringView(bad)).has_value()) << QString::fromUtf16(bad).toStdString();
    }
}

TEST(ParseIso, PartsTellWhetherAnOffsetWasGiven)
{
    const auto local = parseIsoDateTimeParts(u"2026-11-25T09:15:00");
    ASSERT_TRUE(local);
    EXPECT_FALSE(local->offsetSeconds.has_value());
    EXPECT_TRUE(local->hasTime);
    EXPECT_EQ(local->time, QTime(9, 15));

    const auto offset = parseIsoDateTimeParts(u"2026-11-25T09:15:00-03:30");
    ASSERT_TRUE(offset);
    EXPECT_EQ(offset->offsetSeconds, -(3 * 3600 + 30 * 60));

    const auto date = parseIsoDateTimeParts(u"2026-11-25");
    ASSERT_TRUE(date);
    EXPECT_FALSE(date->hasTime);
    EXPECT_EQ(date->date, QDate(2026, 11, 25));
}

TEST(IsoUtc, FormatsUtcWithMilliseconds)
{
    EXPECT_EQ(toIsoUtc(utc(2026, 11, 25, 9)), u"2026-11-25T09:00:00.000Z"_s);
    EXPECT_EQ(toIsoUtc(utc(2026, 1, 2, 3, 4, 5, 67)), u"2026-01-02T03:04:05.067Z"_s);
    EXPECT_EQ(toIsoUtc(QDateTime()), QString());
    // A non-UTC value is shown in UTC.
    const QDateTime plusTwo(QDate(2026, 11, 25), QTime(9, 0), Qt::OffsetFromUTC, 2 * 3600);
    EXPECT_EQ(toIsoUtc(plusTwo), u"2026-11-25T07:00:00.000Z"_s);
    const QDateTime tokyo(QDate(2026, 11, 26), QTime(8, 30), QTimeZone("Asia/Tokyo"));
    EXPECT_EQ(toIsoUtc(tokyo), u"2026-11-25T23:30:00.000Z"_s);
    // Before 1970.
    EXPECT_EQ(toIsoUtc(utc(1969, 12, 31, 23, 59, 59, 999)), u"1969-12-31T23:59:59.999Z"_s);
}

TEST(IsoUtc, AgreesWithQtAndRoundTripsOnRandomInstants)
{
    QRandomGenerator rng(20261125);
    for (int i = 0; i < 20000; ++i) {
        // Years 1900..2200, any millisecond.
        const qint64 ms
            = qint64(rng.bounded(9467280.0)) * 1000000 - 2208988800000LL + qint64(rng.bounded(1000000));
        const QDateTime value = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        const QString text = toIsoUtc(value);
        ASSERT_EQ(text, value.toString(Qt::ISODateWithMs)) << ms;
        const auto back = parseIsoDateTime(text);
        ASSERT_TRUE(back) << text.toStdString();
        ASSERT_EQ(back->toMSecsSinceEpoch(), ms) << text.toStdString();
    }
}

TEST(EpochMs, ZeroMeansNone)
{
    EXPECT_EQ(toEpochMs(QDateTime()), 0);
    EXPECT_FALSE(fromEpochMs(0).isValid());
    const QDateTime t = utc(2026, 11, 25, 9, 0, 0, 123);
    EXPECT_EQ(fromEpochMs(toEpochMs(t)), t);
    EXPECT_EQ(fromEpochMs(toEpochMs(t)).timeSpec(), Qt::UTC);
    EXPECT_EQ(toEpochMs(t), 1795597200123LL); // date -u -d 2026-11-25T09:00:00Z +%s → 1795597200
}
