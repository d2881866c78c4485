// The outcome adjustment of PRODUCT.md §2: Σ(impact·w)/Σw, w = max(0.1, 1 − age_days/30), clamped to ±20.
#include "FakeClock.h"
#include "outcomes/OutcomeAdjustment.h"

#include <gtest/gtest.h>

using namespace caseyos;

namespace {

constexpr qint64 kDayMs = 86'400'000;

qint64 nowMs()
{
    return test::FakeClock().now().toMSecsSinceEpoch();
}

qint64 daysAgo(double days)
{
    return nowMs() - qint64(days * double(kDayMs));
}

TEST(OutcomeAdjustment, WeightFallsLinearlyOverThirtyDaysToAFloorOfOneTenth)
{
    EXPECT_DOUBLE_EQ(outcomeWeight(0.0), 1.0);
    // 1 − 7.5/30 = 0.75 (fractional days; the original's whole days would give 1 − 7/30 = 0.7667 ⚠).
    EXPECT_DOUBLE_EQ(outcomeWeight(7.5), 0.75);
    // 1 − 29/30 = 1/30 ≈ 0.0333, below the floor: 0.1.
    EXPECT_DOUBLE_EQ(outcomeWeight(29.0), 0.1);
    // 1 − 27/30 = 0.1 exactly; 26 days: 1 − 26/30 = 0.1333.
    EXPECT_NEAR(outcomeWeight(27.0), 0.1, 1e-12);
    EXPECT_NEAR(outcomeWeight(26.0), 4.0 / 30.0, 1e-12);
    EXPECT_DOUBLE_EQ(outcomeWeight(45.0), 0.1);
    // An outcome dated in the future counts as new, never heavier than new.
    EXPECT_DOUBLE_EQ(outcomeWeight(-3.0), 1.0);
}

TEST(OutcomeAdjustment, NoOutcomesMeansNoAdjustment)
{
    AdjustmentAccumulator acc(nowMs());
    EXPECT_EQ(acc.value(), 0.0);
    EXPECT_EQ(acc.count(), 0);
}

TEST(OutcomeAdjustment, OneOutcomeGivesItsImpactWhateverItsAge)
{
    // With one outcome the weight cancels: (i·w)/w = i.
    for (double age : { 0.0, 7.5, 29.0, 45.0 }) {
        AdjustmentAccumulator acc(nowMs());
        acc.add(-4.0, daysAgo(age));
        EXPECT_NEAR(acc.value(), -4.0, 1e-12) << age;
    }
}

TEST(OutcomeAdjustment, TimeWeightedMeanAtAgesZeroSevenAndAHalfTwentyNineAndFortyFive)
{
    // By hand, weights: age 0 → 1; 7.5 → 0.75; 29 → max(0.1, 1/30) = 0.1; 45 → max(0.1, −0.5) = 0.1.
    //   impacts 10, −4, 8, −5:
    //   Σ i·w = 10·1 + (−4)·0.75 + 8·0.1 + (−5)·0.1 = 10 − 3 + 0.8 − 0.5 = 7.3
    //   Σ w   = 1 + 0.75 + 0.1 + 0.1 = 1.95
    //   adjustment = 7.3 / 1.95 = 3.74358974…
    AdjustmentAccumulator acc(nowMs());
    acc.add(10.0, daysAgo(0.0));
    acc.add(-4.0, daysAgo(7.5));
    acc.add(8.0, daysAgo(29.0));
    acc.add(-5.0, daysAgo(45.0));
    EXPECT_EQ(acc.count(), 4);
    EXPECT_NEAR(acc.value(), 7.3 / 1.95, 1e-9);
    EXPECT_NEAR(acc.value(), 3.7435897, 1e-6);
}

TEST(OutcomeAdjustment, OldOutcomesCountLessThanRecentOnes)
{
    // +8 today and −4 at 7.5 days: (8·1 − 4·0.75) / 1.75 = 5/1.75 = 2.857142…; the plain mean would be 2.
    AdjustmentAccumulator acc(nowMs());
    acc.add(8.0, daysAgo(0.0));
    acc.add(-4.0, daysAgo(7.5));
    EXPECT_NEAR(acc.value(), 5.0 / 1.75, 1e-9);
    // Swapping the ages flips the balance: (8·0.75 − 4·1) / 1.75 = 2/1.75 = 1.142857…
    AdjustmentAccumulator swapped(nowMs());
    swapped.add(8.0, daysAgo(7.5));
    swapped.add(-4.0, daysAgo(0.0));
    EXPECT_NEAR(swapped.value(), 2.0 / 1.75, 1e-9);
}

TEST(OutcomeAdjustment, ClampedToPlusMinusTwenty)
{
    // The catalogue's impacts (−5…+10) never reach the clamp; impacts from elsewhere (a future type, a
    // hand-edited row) must still not push a score by more than 20.
    AdjustmentAccumulator high(nowMs());
    high.add(50.0, daysAgo(1));
    high.add(30.0, daysAgo(2));
    EXPECT_EQ(high.value(), 20.0);
    AdjustmentAccumulator low(nowMs());
    low.add(-35.0, daysAgo(1));
    EXPECT_EQ(low.value(), -20.0);
    AdjustmentAccumulator inside(nowMs());
    inside.add(19.5, daysAgo(1));
    EXPECT_NEAR(inside.value(), 19.5, 1e-12);
}

} // namespace
