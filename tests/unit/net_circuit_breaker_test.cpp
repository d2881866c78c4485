// CircuitBreaker transitions with a fake clock: 5 consecutive failures open it, 60 s later it lets trials
// through, 2 successes close it, a failed trial re-opens it.
#include "FakeClock.h"
#include "net/CircuitBreaker.h"

#include <gtest/gtest.h>

using namespace caseyos;
using caseyos::test::FakeClock;
using State = CircuitBreaker::State;

TEST(NetCircuitBreaker, OpensAfterFiveConsecutiveFailures)
{
    FakeClock clock;
    CircuitBreaker breaker(clock);
    for (int i = 0; i < 4; ++i) {
        ASSERT_TRUE(breaker.allowRequest());
        breaker.recordFailure();
    }
    EXPECT_EQ(breaker.state(), State::Closed);
    EXPECT_TRUE(breaker.allowRequest());
    breaker.recordFailure();
    EXPECT_EQ(breaker.state(), State::Open);
    EXPECT_FALSE(breaker.allowRequest());
    EXPECT_EQ(breaker.remainingOpenMs(), 60000);
}

TEST(NetCircuitBreaker, ASuccessResetsTheCount)
{
    FakeClock clock;
    CircuitBreaker breaker(clock);
    for (int i = 0; i < 4; ++i)
        breaker.recordFailure();
    breaker.recordSuccess();
    for (int i = 0; i < 4; ++i)
        breaker.recordFailure();
    EXPECT_EQ(breaker.state(), State::Closed);
    EXPECT_TRUE(breaker.allowRequest());
}

TEST(NetCircuitBreaker, HalfOpenAfterSixtySecondsAndClosedAfterTwoSuccesses)
{
    FakeClock clock;
    CircuitBreaker breaker(clock);
    for (int i = 0; i < 5; ++i)
        breaker.recordFailure();
    clock.advance(59);
    EXPECT_FALSE(breaker.allowRequest());
    EXPECT_EQ(breaker.remainingOpenMs(), 1000);
    clock.advance(1);
    EXPECT_EQ(breaker.state(), State::HalfOpen);
    EXPECT_TRUE(breaker.allowRequest());
    breaker.recordSuccess();
    EXPECT_EQ(breaker.state(), State::HalfOpen);
    breaker.recordSuccess();
    EXPECT_EQ(breaker.state(), State::Closed);
    // Closed again: it takes five new failures to open.
    for (int i = 0; i < 4; ++i)
        breaker.recordFailure();
    EXPECT_TRUE(breaker.allowRequest());
}

TEST(NetCircuitBreaker, AFailedTrialReopensForAnotherFullPause)
{
    FakeClock clock;
    CircuitBreaker breaker(clock);
    for (int i = 0; i < 5; ++i)
        breaker.recordFailure();
    clock.advance(60);
    ASSERT_TRUE(breaker.allowRequest());
    breaker.recordSuccess();
    breaker.recordFailure(); // one bad trial is enough
    EXPECT_EQ(breaker.state(), State::Open);
    EXPECT_FALSE(breaker.allowRequest());
    EXPECT_EQ(breaker.remainingOpenMs(), 60000);
}
