// OutcomeService::stats: counts, rates (0 when nothing was sent), the window of local days, the contact
// filter.
#include "FakeClock.h"
#include "TempHome.h"
#include "outcomes/OutcomeJson.h"
#include "outcomes/OutcomeService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;
using caseyos::test::TempHome;

namespace {

class OutcomeStatsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }

    void record(OutcomeType type, const QString& email = u"dana@acme.com"_s, const QDateTime& at = {},
        double confidence = 1.0)
    {
        OutcomeInput input;
        input.type = type;
        input.contactEmail = email;
        input.occurredAt = at;
        input.confidence = confidence;
        const auto result = OutcomeService(db, clock).record(input);
        ASSERT_TRUE(result.ok()) << result.error().toStdString();
    }

    OutcomeStats stats(int days, const QString& contact = {})
    {
        const auto result = OutcomeService(db, clock).stats(days, contact);
        EXPECT_TRUE(result.ok()) << result.error().toStdString();
        return result.ok() ? result.value() : OutcomeStats {};
    }

    TempHome home;
    FakeClock clock; // 2026-11-25 10:00 UTC
    Database db;
};

TEST_F(OutcomeStatsTest, NoOutcomesGivesZerosAndOneEntryPerDay)
{
    const OutcomeStats s = stats(7);
    EXPECT_EQ(s.total, 0);
    EXPECT_EQ(s.netImpact, 0.0);
    EXPECT_EQ(s.meanImpact, 0.0);
    EXPECT_EQ(s.replyRate, 0.0);
    EXPECT_EQ(s.meetingRate, 0.0);
    EXPECT_EQ(s.byType.size(), 20);
    EXPECT_EQ(s.byCategory.size(), 5);
    ASSERT_EQ(s.perDay.size(), 7);
    EXPECT_EQ(s.perDay.first().date, QDate(2026, 11, 19));
    EXPECT_EQ(s.perDay.last().date, QDate(2026, 11, 25));
}

TEST_F(OutcomeStatsTest, RatesAreZeroWhenNothingWasSent)
{
    // Replies and meetings but no email_sent: the original divided by 1 and reported 2 and 3 here ⚠.
    record(OutcomeType::EmailReplied);
    record(OutcomeType::EmailReplied);
    record(OutcomeType::MeetingBooked);
    record(OutcomeType::MeetingHeld);
    record(OutcomeType::MeetingHeld);
    const OutcomeStats s = stats(7);
    EXPECT_EQ(s.total, 5);
    EXPECT_EQ(s.sent(), 0);
    EXPECT_EQ(s.replyRate, 0.0);
    EXPECT_EQ(s.meetingRate, 0.0);
}

TEST_F(OutcomeStatsTest, CountsRatesAndImpacts)
{
    for (int i = 0; i < 4; ++i)
        record(OutcomeType::EmailSent); // 0 each
    record(OutcomeType::EmailOpened); // +2
    record(OutcomeType::EmailOpened); // +2
    record(OutcomeType::EmailReplied); // +8
    record(OutcomeType::MeetingBooked); // +10
    record(OutcomeType::MeetingHeld, u"ben@beta.io"_s); // +9
    record(OutcomeType::DealLost, u"ben@beta.io"_s); // −5
    record(OutcomeType::NoResponse, u"ben@beta.io"_s, {}, 0.5); // −0.5
    const OutcomeStats s = stats(30);
    EXPECT_EQ(s.total, 11);
    EXPECT_EQ(s.byType.value(OutcomeType::EmailSent), 4);
    EXPECT_EQ(s.byType.value(OutcomeType::EmailOpened), 2);
    EXPECT_EQ(s.byCategory.value(OutcomeCategory::Email), 7);
    EXPECT_EQ(s.byCategory.value(OutcomeCategory::Meeting), 2);
    EXPECT_EQ(s.byCategory.value(OutcomeCategory::Deal), 1);
    EXPECT_EQ(s.byCategory.value(OutcomeCategory::General), 1);
    EXPECT_EQ(s.byCategory.value(OutcomeCategory::Task), 0);
    // Positive: 2 opened, replied, booked, held = 5. Negative: lost, no response = 2. email_sent (0) is
    // neither.
    EXPECT_EQ(s.positive, 5);
    EXPECT_EQ(s.negative, 2);
    // Net: 2 + 2 + 8 + 10 + 9 − 5 − 0.5 = 25.5; mean 25.5 / 11.
    EXPECT_DOUBLE_EQ(s.netImpact, 25.5);
    EXPECT_NEAR(s.meanImpact, 25.5 / 11.0, 1e-6);
    // Reply rate 1/4; meeting rate (1 booked + 1 held) / 4 sent.
    EXPECT_DOUBLE_EQ(s.replyRate, 0.25);
    EXPECT_DOUBLE_EQ(s.meetingRate, 0.5);
    // The funnel sent → opened → replied → booked.
    EXPECT_EQ(s.sent(), 4);
    EXPECT_EQ(s.opened(), 2);
    EXPECT_EQ(s.replied(), 1);
    EXPECT_EQ(s.booked(), 1);

    // Per contact: Ben has no sends (rates 0), one positive and two negatives.
    const OutcomeStats ben = stats(30, u"Ben@Beta.io"_s);
    EXPECT_EQ(ben.contactEmail, u"ben@beta.io"_s);
    EXPECT_EQ(ben.total, 3);
    EXPECT_EQ(ben.positive, 1);
    EXPECT_EQ(ben.negative, 2);
    EXPECT_DOUBLE_EQ(ben.netImpact, 3.5);
    EXPECT_EQ(ben.meetingRate, 0.0);
    const OutcomeStats dana = stats(30, u"dana@acme.com"_s);
    EXPECT_EQ(dana.total, 8);
    EXPECT_DOUBLE_EQ(dana.replyRate, 0.25);
    EXPECT_DOUBLE_EQ(dana.meetingRate, 0.25);
    EXPECT_EQ(stats(30, u"nobody@x.org"_s).total, 0);

    const QJsonObject json = statsToJson(s);
    EXPECT_EQ(json.value(u"total"_s).toInt(), 11);
    EXPECT_EQ(json.value(u"funnel"_s).toObject().value(u"sent"_s).toInt(), 4);
    EXPECT_EQ(json.value(u"by_type"_s).toObject().size(), 20);
    EXPECT_DOUBLE_EQ(json.value(u"reply_rate"_s).toDouble(), 0.25);
}

TEST_F(OutcomeStatsTest, TheWindowIsTheLastNLocalDays)
{
    // Now: Wed 2026-11-25 10:00 UTC. The 7-day window starts at local midnight on Thu 2026-11-19.
    const QDateTime now = clock.now();
    record(OutcomeType::EmailReplied, u"dana@acme.com"_s, now.addSecs(-3600)); // today
    record(OutcomeType::DealWon, u"dana@acme.com"_s, QDateTime(QDate(2026, 11, 19), QTime(0, 0), Qt::UTC));
    record(OutcomeType::DealLost, u"dana@acme.com"_s,
        QDateTime(QDate(2026, 11, 18), QTime(23, 59, 59), Qt::UTC)); // one second before the window
    record(OutcomeType::MeetingHeld, u"dana@acme.com"_s, now.addDays(-40)); // outside 30, inside 90
    record(OutcomeType::TaskCompleted, u"dana@acme.com"_s, now.addSecs(3600)); // after now (clock skew)

    const OutcomeStats week = stats(7);
    EXPECT_EQ(week.from, QDateTime(QDate(2026, 11, 19), QTime(0, 0), Qt::UTC));
    EXPECT_EQ(week.to, now);
    EXPECT_EQ(week.total, 2); // replied today, won on the 19th
    EXPECT_DOUBLE_EQ(week.netImpact, 18.0);
    ASSERT_EQ(week.perDay.size(), 7);
    EXPECT_EQ(week.perDay.first().count, 1);
    EXPECT_DOUBLE_EQ(week.perDay.first().netImpact, 10.0);
    EXPECT_EQ(week.perDay.last().count, 1);
    EXPECT_DOUBLE_EQ(week.perDay.last().netImpact, 8.0);

    EXPECT_EQ(stats(1).total, 1); // today only
    EXPECT_EQ(stats(8).total, 3); // from the 18th
    EXPECT_EQ(stats(30).total, 3);
    const OutcomeStats quarter = stats(90);
    EXPECT_EQ(quarter.total, 4);
    ASSERT_EQ(quarter.perDay.size(), 90);
    // The per-day series adds up to the totals.
    qint64 count = 0;
    double net = 0;
    for (const OutcomeDay& day : quarter.perDay) {
        count += day.count;
        net += day.netImpact;
    }
    EXPECT_EQ(count, quarter.total);
    EXPECT_DOUBLE_EQ(net, quarter.netImpact);
}

TEST_F(OutcomeStatsTest, DaysAreTheUsersLocalDays)
{
    // In New York (UTC−5 in November), 2026-11-25 03:00 UTC is the evening of the 24th.
    clock.setZone(QTimeZone("America/New_York"));
    record(
        OutcomeType::EmailReplied, u"dana@acme.com"_s, QDateTime(QDate(2026, 11, 25), QTime(3, 0), Qt::UTC));
    record(
        OutcomeType::EmailOpened, u"dana@acme.com"_s, QDateTime(QDate(2026, 11, 25), QTime(6, 0), Qt::UTC));
    const OutcomeStats s = stats(2);
    // Today in New York is the 25th (10:00 UTC = 05:00 local); the window starts at midnight on the 24th
    // local (05:00 UTC).
    EXPECT_EQ(s.from, QDateTime(QDate(2026, 11, 24), QTime(5, 0), Qt::UTC));
    ASSERT_EQ(s.perDay.size(), 2);
    EXPECT_EQ(s.perDay.at(0).date, QDate(2026, 11, 24));
    EXPECT_EQ(s.perDay.at(0).count, 1);
    EXPECT_DOUBLE_EQ(s.perDay.at(0).netImpact, 8.0);
    EXPECT_EQ(s.perDay.at(1).date, QDate(2026, 11, 25));
    EXPECT_EQ(s.perDay.at(1).count, 1);
    EXPECT_DOUBLE_EQ(s.perDay.at(1).netImpact, 2.0);
}

TEST_F(OutcomeStatsTest, WindowOutsideOneToNinetyDaysIsRefused)
{
    OutcomeService service(db, clock);
    for (int days : { 0, -1, 91 }) {
        const auto result = service.stats(days);
        ASSERT_FALSE(result.ok()) << days;
        EXPECT_TRUE(result.error().contains(u"from 1 to 90 days"_s)) << result.error().toStdString();
    }
    EXPECT_TRUE(service.stats(1).ok());
    EXPECT_TRUE(service.stats(90).ok());
}

} // namespace
