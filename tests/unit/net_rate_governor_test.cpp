// RateBucket / RateGovernor: budgets per rolling window, wait times, quota-unit costs, several buckets per
// request, and tightening from the providers' headers. Time from a fake clock.
#include "FakeClock.h"
#include "net/ProviderLimits.h"
#include "net/RateGovernor.h"

#include <gtest/gtest.h>

using namespace caseyos;
using namespace Qt::StringLiterals;
using caseyos::test::FakeClock;

namespace {

void advanceMs(FakeClock& clock, qint64 ms)
{
    clock.set(clock.now().addMSecs(ms));
}

} // namespace

TEST(NetRateBucket, FullWindowThenWaitUntilTheOldestExpires)
{
    RateBucket bucket(100, 10000);
    for (int i = 0; i < 100; ++i) {
        ASSERT_EQ(bucket.waitMs(1000, 1), 0) << i;
        bucket.take(1000, 1);
    }
    EXPECT_EQ(bucket.waitMs(1000, 1), 10000);
    EXPECT_EQ(bucket.waitMs(10999, 1), 1);
    EXPECT_EQ(bucket.waitMs(11000, 1), 0);
    EXPECT_DOUBLE_EQ(bucket.available(11000), 100);
}

TEST(NetRateBucket, NoDoubleBurstWithinOneWindow)
{
    // A refilling bucket would hand out 50 more tokens after 5 s; then 150 requests would land in 10 s.
    RateBucket bucket(100, 10000);
    bucket.take(0, 100);
    EXPECT_EQ(bucket.waitMs(5000, 1), 5000);
    EXPECT_DOUBLE_EQ(bucket.available(5000), 0);
}

TEST(NetRateBucket, SpreadSpendsComeBackOneByOne)
{
    RateBucket bucket(4, 1000);
    for (int i = 0; i < 4; ++i)
        bucket.take(i * 100, 1); // at 0, 100, 200, 300 ms
    EXPECT_EQ(bucket.waitMs(300, 1), 700); // the spend at 0 expires at 1000
    EXPECT_EQ(bucket.waitMs(300, 2), 800); // two must expire: the one at 100 goes at 1100
    EXPECT_EQ(bucket.waitMs(1000, 1), 0);
}

TEST(NetRateBucket, CostAboveLimitWaitsForAnEmptyWindowNotForever)
{
    RateBucket bucket(10, 1000);
    EXPECT_EQ(bucket.waitMs(0, 50), 0);
    bucket.take(0, 1);
    EXPECT_EQ(bucket.waitMs(0, 50), 1000);
}

TEST(NetRateGovernor, GmailSpendsQuotaUnitsPerMethod)
{
    FakeClock clock;
    RateGovernor governor(clock);
    providerlimits::configureGmail(governor, u"me"_s);
    const auto get = providerlimits::gmailCosts(u"me"_s, u"messages.get"_s);
    EXPECT_DOUBLE_EQ(get.first().cost, 5);
    EXPECT_DOUBLE_EQ(providerlimits::gmailCosts(u"me"_s, u"history.list"_s).first().cost, 2);
    for (int i = 0; i < 50; ++i)
        ASSERT_TRUE(governor.tryAcquire(get)) << i; // 50 × 5 = 250 units
    EXPECT_FALSE(governor.tryAcquire(get));
    EXPECT_GT(governor.waitMs(get), 0);
    EXPECT_LE(governor.waitMs(get), 1000 + providerlimits::kJitterPadMs);
    advanceMs(clock, 1000 + providerlimits::kJitterPadMs);
    EXPECT_TRUE(governor.tryAcquire(get));
}

TEST(NetRateGovernor, HubspotSearchHasItsOwnFourPerSecondBucket)
{
    FakeClock clock;
    RateGovernor governor(clock);
    providerlimits::configureHubspot(governor, u"acme"_s);
    const auto search = providerlimits::hubspotCosts(u"acme"_s, true);
    const auto read = providerlimits::hubspotCosts(u"acme"_s, false);
    for (int i = 0; i < 4; ++i)
        ASSERT_TRUE(governor.tryAcquire(search));
    EXPECT_FALSE(governor.tryAcquire(search));
    EXPECT_EQ(governor.waitMs(search), 1000 + providerlimits::kJitterPadMs);
    EXPECT_TRUE(governor.tryAcquire(read)); // batch reads are not held by the search limit
    // Searches also spend from the general bucket: 4 + 1 used, 95 left.
    EXPECT_DOUBLE_EQ(governor.bucket(u"hubspot:acme"_s)->available(clock.now().toMSecsSinceEpoch()), 95);
    for (int i = 0; i < 95; ++i)
        ASSERT_TRUE(governor.tryAcquire(read));
    EXPECT_FALSE(governor.tryAcquire(read));
    EXPECT_EQ(governor.waitMs(read), 10000 + providerlimits::kJitterPadMs);
}

TEST(NetRateGovernor, HubspotHeadersTightenTheBudget)
{
    FakeClock clock;
    RateGovernor governor(clock);
    providerlimits::configureHubspot(governor, u"acme"_s);
    const auto read = providerlimits::hubspotCosts(u"acme"_s, false);
    ASSERT_TRUE(governor.tryAcquire(read));
    // Another client of the same account has used most of the window: HubSpot says 3 are left.
    governor.observeHeaders(read,
        { { "X-HubSpot-RateLimit-Max", "100" }, { "X-HubSpot-RateLimit-Remaining", "3" },
            { "X-HubSpot-RateLimit-Interval-Milliseconds", "10000" } });
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(governor.tryAcquire(read)) << i;
    EXPECT_FALSE(governor.tryAcquire(read));
    // A lower announced maximum replaces ours.
    RateGovernor other(clock);
    other.setLimit(u"x"_s, 100, 1000);
    other.observeHeaders({ { u"x"_s, 1 } }, { { "x-ratelimit-limit", "10" } });
    EXPECT_DOUBLE_EQ(other.bucket(u"x"_s)->limit(), 10);
    // A higher remaining count never loosens our own budget.
    other.observeHeaders({ { u"x"_s, 1 } }, { { "X-RateLimit-Remaining", "500" } });
    EXPECT_DOUBLE_EQ(other.bucket(u"x"_s)->available(clock.now().toMSecsSinceEpoch()), 10);
}

TEST(NetRateGovernor, RetryAfterBlocksTheBuckets)
{
    FakeClock clock;
    RateGovernor governor(clock);
    providerlimits::configureCalendar(governor, u"me"_s);
    const auto costs = providerlimits::calendarCosts(u"me"_s);
    governor.blockFor(costs, 3000);
    EXPECT_EQ(governor.waitMs(costs), 3000);
    EXPECT_FALSE(governor.tryAcquire(costs));
    clock.advance(3);
    EXPECT_TRUE(governor.tryAcquire(costs));
}

TEST(NetRateGovernor, UnconfiguredBucketsDoNotLimit)
{
    FakeClock clock;
    RateGovernor governor(clock);
    for (int i = 0; i < 1000; ++i)
        ASSERT_TRUE(governor.tryAcquire({ { u"nobody"_s, 1 } }));
    EXPECT_EQ(governor.waitMs({}), 0);
}
