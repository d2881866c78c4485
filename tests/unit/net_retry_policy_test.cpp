// RetryPolicy: which failures are retried, the back-off sequence with a pinned random source, the jitter
// range with a real one, and both forms of Retry-After measured from a fake clock.
#include "FakeClock.h"
#include "net/RetryPolicy.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace caseyos;
using caseyos::test::FakeClock;

namespace {

RetryPolicy fixed(const Clock& clock, double unit)
{
    return RetryPolicy(clock, RetryOptions {}, [unit] { return unit; });
}

} // namespace

TEST(NetRetryPolicy, BackoffDoublesFromOneSecondAndStopsAt32)
{
    FakeClock clock;
    const RetryPolicy policy = fixed(clock, 0.5); // 0.5 → jitter factor exactly 1
    const qint64 expected[] = { 1000, 2000, 4000, 8000, 16000, 32000, 32000, 32000 };
    for (int i = 0; i < 8; ++i)
        EXPECT_EQ(policy.backoffMs(i), expected[i]) << "retry " << i;
}

TEST(NetRetryPolicy, JitterBoundsAreTwentyPercent)
{
    FakeClock clock;
    EXPECT_EQ(fixed(clock, 0.0).backoffMs(0), 800);
    EXPECT_EQ(fixed(clock, 0.0).backoffMs(2), 3200);
    EXPECT_EQ(fixed(clock, 0.0).backoffMs(6), 25600); // −20 % of the 32 s cap
    EXPECT_EQ(fixed(clock, 0.99999999).backoffMs(0), 1200);
    EXPECT_EQ(fixed(clock, 0.99999999).backoffMs(6), 38400);
    // A broken source cannot push the delay outside the range.
    EXPECT_EQ(fixed(clock, 7.0).backoffMs(0), 1200);
    EXPECT_EQ(fixed(clock, -3.0).backoffMs(0), 800);
}

TEST(NetRetryPolicy, RealJitterStaysInRangeAndVaries)
{
    FakeClock clock;
    const RetryPolicy policy(clock);
    qint64 low = 1'000'000;
    qint64 high = 0;
    for (int i = 0; i < 2000; ++i) {
        const qint64 delay = policy.backoffMs(1);
        ASSERT_GE(delay, 1600);
        ASSERT_LE(delay, 2400);
        low = std::min(low, delay);
        high = std::max(high, delay);
    }
    // 2000 uniform draws land near both ends; a policy without jitter would give 2000 every time.
    EXPECT_LT(low, 1700);
    EXPECT_GT(high, 2300);
}

TEST(NetRetryPolicy, RetriesOnlyTheListedStatusesAndNetworkErrors)
{
    FakeClock clock;
    const RetryPolicy policy = fixed(clock, 0.5);
    for (const int status : { 429, 500, 502, 503, 504 })
        EXPECT_EQ(policy.retryDelayMs(0, status), 1000) << status;
    EXPECT_EQ(policy.retryDelayMs(0, 0), 1000) << "network error";
    for (const int status : { 200, 301, 400, 401, 403, 404, 409, 422, 501, 505 })
        EXPECT_FALSE(policy.retryDelayMs(0, status).has_value()) << status;
}

TEST(NetRetryPolicy, AtMostThreeRetries)
{
    FakeClock clock;
    const RetryPolicy policy = fixed(clock, 0.5);
    EXPECT_EQ(policy.retryDelayMs(1, 503), 2000);
    EXPECT_EQ(policy.retryDelayMs(2, 503), 4000);
    EXPECT_FALSE(policy.retryDelayMs(3, 503).has_value());
    EXPECT_FALSE(policy.retryDelayMs(3, 0).has_value());
}

TEST(NetRetryPolicy, RetryAfterSecondsReplacesBackoff)
{
    FakeClock clock;
    const RetryPolicy policy = fixed(clock, 0.5);
    EXPECT_EQ(policy.parseRetryAfterMs("1"), 1000);
    EXPECT_EQ(policy.parseRetryAfterMs(" 120 "), 120000);
    EXPECT_EQ(policy.parseRetryAfterMs("0"), 0);
    EXPECT_FALSE(policy.parseRetryAfterMs("-5").has_value());
    EXPECT_FALSE(policy.parseRetryAfterMs("soon").has_value());
    EXPECT_FALSE(policy.parseRetryAfterMs("").has_value());
    EXPECT_EQ(policy.retryDelayMs(2, 429, "7"), 7000); // not the 4 s back-off
    EXPECT_EQ(policy.retryDelayMs(0, 503, "garbage"), 1000); // unparseable: back-off
}

TEST(NetRetryPolicy, RetryAfterHttpDateIsRelativeToTheClock)
{
    FakeClock clock; // 2026-11-25 10:00:00 UTC, a Wednesday
    const RetryPolicy policy = fixed(clock, 0.5);
    EXPECT_EQ(policy.parseRetryAfterMs("Wed, 25 Nov 2026 10:00:30 GMT"), 30000);
    EXPECT_EQ(policy.parseRetryAfterMs("Wednesday, 25-Nov-26 10:01:00 GMT"), 60000); // RFC 850
    EXPECT_EQ(policy.parseRetryAfterMs("Wed Nov 25 10:00:05 2026"), 5000); // asctime
    EXPECT_EQ(policy.parseRetryAfterMs("Wed, 25 Nov 2026 09:00:00 GMT"), 0); // already past
    EXPECT_FALSE(policy.parseRetryAfterMs("Wed, 31 Feb 2026 10:00:00 GMT").has_value());
    clock.advance(20);
    EXPECT_EQ(policy.parseRetryAfterMs("Wed, 25 Nov 2026 10:00:30 GMT"), 10000);
}

TEST(NetRetryPolicy, LongRetryAfterIsNotWaitedOutInsideARequest)
{
    FakeClock clock;
    const RetryPolicy policy = fixed(clock, 0.5);
    EXPECT_EQ(policy.retryDelayMs(0, 429, "120"), 120000); // the cap itself is still waited
    EXPECT_FALSE(policy.retryDelayMs(0, 429, "121").has_value());
    EXPECT_FALSE(policy.retryDelayMs(0, 503, "Thu, 26 Nov 2026 10:00:00 GMT").has_value());
}
