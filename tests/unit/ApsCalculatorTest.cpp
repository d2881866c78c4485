// APS (PRODUCT.md §2): raw = 0.40·R + 0.25·U + 0.15·(1 − E) + 0.20·S; score = round2(clamp(100·raw + adj)).
// Expected scores below are worked by hand from that formula (shown in each comment).
#include "scoring/ApsCalculator.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

double scoreOf(double r, double u, double e, double s, double adj = 0.0, const ApsWeights& w = {})
{
    return apsScore(ApsComponents { r, u, e, s }, adj, w);
}

} // namespace

TEST(ApsDefaults, PerActionTypeTable)
{
    EXPECT_EQ(defaultComponents(u"schedule_meeting"), (ApsComponents { 0.9, 0.8, 0.4, 0.8 }));
    EXPECT_EQ(defaultComponents(u"book_meeting"), (ApsComponents { 0.9, 0.8, 0.4, 0.8 }));
    EXPECT_EQ(defaultComponents(u"meeting_follow_up"), (ApsComponents { 0.9, 0.8, 0.4, 0.8 }));
    EXPECT_EQ(defaultComponents(u"email_follow_up"), (ApsComponents { 0.6, 0.7, 0.2, 0.5 }));
    EXPECT_EQ(defaultComponents(u"send_email"), (ApsComponents { 0.6, 0.7, 0.2, 0.5 }));
    EXPECT_EQ(defaultComponents(u"thread_bump"), (ApsComponents { 0.6, 0.7, 0.2, 0.5 }));
    EXPECT_EQ(defaultComponents(u"update_crm"), (ApsComponents { 0.3, 0.4, 0.3, 0.6 }));
    EXPECT_EQ(defaultComponents(u"data_cleanup"), (ApsComponents { 0.3, 0.4, 0.3, 0.6 }));
    EXPECT_EQ(defaultComponents(u"create_task"), (ApsComponents { 0.4, 0.5, 0.3, 0.5 }));
    EXPECT_EQ(defaultComponents(u"log_call"), (ApsComponents { 0.4, 0.5, 0.3, 0.5 }));
    EXPECT_EQ(defaultComponents(u"proposal_send"), (ApsComponents { 0.5, 0.5, 0.5, 0.5 }));
    EXPECT_EQ(defaultComponents(u""), (ApsComponents { 0.5, 0.5, 0.5, 0.5 }));
}

TEST(ApsDefaults, ActionTypeMatchIsCaseInsensitive)
{
    EXPECT_EQ(defaultComponents(u"Schedule_Meeting"), defaultComponents(u"schedule_meeting"));
    EXPECT_EQ(defaultComponents(u"SEND_EMAIL"), defaultComponents(u"send_email"));
}

TEST(ApsDefaults, ScoresWithNothingGiven)
{
    // meeting: 40·.9 + 25·.8 + 15·.6 + 20·.8 = 36 + 20 + 9 + 16 = 81
    // email:   40·.6 + 25·.7 + 15·.8 + 20·.5 = 24 + 17.5 + 12 + 10 = 63.5
    // crm:     40·.3 + 25·.4 + 15·.7 + 20·.6 = 12 + 10 + 10.5 + 12 = 44.5
    // task:    40·.4 + 25·.5 + 15·.7 + 20·.5 = 16 + 12.5 + 10.5 + 10 = 49
    // other:   40·.5 + 25·.5 + 15·.5 + 20·.5 = 50
    const auto scoreFor = [](QStringView type) { return apsScore(resolveComponents(type, {}), 0.0); };
    EXPECT_DOUBLE_EQ(scoreFor(u"book_meeting"), 81.0);
    EXPECT_DOUBLE_EQ(scoreFor(u"email_follow_up"), 63.5);
    EXPECT_DOUBLE_EQ(scoreFor(u"update_crm"), 44.5);
    EXPECT_DOUBLE_EQ(scoreFor(u"log_call"), 49.0);
    EXPECT_DOUBLE_EQ(scoreFor(u"whatever"), 50.0);
}

TEST(ApsFormula, WorkedCasesWithProductWeights)
{
    // The original's acceptance cases (original-behaviour.md §1.5), recomputed with 40/25/15/20.
    EXPECT_DOUBLE_EQ(scoreOf(0.9, 0.8, 0.2, 0.8), 84.0); // 36 + 20 + 12 + 16
    EXPECT_DOUBLE_EQ(scoreOf(0.3, 0.4, 0.4, 0.6), 43.0); // 12 + 10 + 9 + 12
    EXPECT_DOUBLE_EQ(scoreOf(0.6, 0.9, 0.2, 0.5), 68.5); // 24 + 22.5 + 12 + 10
    EXPECT_DOUBLE_EQ(scoreOf(0.7, 0.85, 0.3, 0.7), 73.75); // 28 + 21.25 + 10.5 + 14
    EXPECT_DOUBLE_EQ(scoreOf(1.0, 0.8, 0.3, 0.5), 80.5); // 40 + 20 + 10.5 + 10
    EXPECT_DOUBLE_EQ(scoreOf(0.5, 0.8, 0.3, 0.5), 60.5); // 20 + 20 + 10.5 + 10
    EXPECT_DOUBLE_EQ(scoreOf(0.5, 0.9, 0.2, 0.5), 64.5); // 20 + 22.5 + 12 + 10
    EXPECT_DOUBLE_EQ(scoreOf(0.7, 0.8, 0.4, 0.8), 73.0); // 28 + 20 + 9 + 16
    EXPECT_DOUBLE_EQ(scoreOf(0.6, 0.95, 0.3, 0.7), 72.25); // 24 + 23.75 + 10.5 + 14
    EXPECT_DOUBLE_EQ(scoreOf(0.4, 0.5, 0.5, 0.5), 46.0); // 16 + 12.5 + 7.5 + 10
}

TEST(ApsFormula, EffortCountsInverted)
{
    EXPECT_GT(scoreOf(0.5, 0.5, 0.1, 0.5), scoreOf(0.5, 0.5, 0.9, 0.5));
    EXPECT_DOUBLE_EQ(scoreOf(0, 0, 0, 0), 15.0); // only the effort term: 15·(1 − 0)
    EXPECT_DOUBLE_EQ(scoreOf(1, 1, 0, 1), 100.0);
    EXPECT_DOUBLE_EQ(scoreOf(0, 0, 1, 0), 0.0);
}

TEST(ApsFormula, ExplicitZeroIsAValueNotMissing)
{
    ApsInput input;
    input.revenue = 0.0;
    const ApsComponents c = resolveComponents(u"email_follow_up", input);
    EXPECT_EQ(c, (ApsComponents { 0.0, 0.7, 0.2, 0.5 }));
    EXPECT_DOUBLE_EQ(apsScore(c, 0.0), 39.5); // 0 + 17.5 + 12 + 10

    ApsInput zeros { 0.0, 0.0, 0.0, 0.0 };
    EXPECT_EQ(resolveComponents(u"book_meeting", zeros), (ApsComponents { 0, 0, 0, 0 }));
}

TEST(ApsFormula, GivenComponentsAreClampedAndNanIsMissing)
{
    ApsInput input;
    input.revenue = 1.7;
    input.urgency = -0.3;
    input.effort = std::numeric_limits<double>::quiet_NaN();
    input.strategic = std::numeric_limits<double>::infinity();
    const ApsComponents c = resolveComponents(u"book_meeting", input);
    EXPECT_EQ(c, (ApsComponents { 1.0, 0.0, 0.4, 1.0 })); // NaN effort → the type's default 0.4
    EXPECT_DOUBLE_EQ(apsScore(c, 0.0), 69.0); // 40 + 0 + 9 + 20
}

TEST(ApsFormula, AdjustmentIsAddedAndTheTotalClampedTo0And100)
{
    EXPECT_DOUBLE_EQ(scoreOf(0.6, 0.9, 0.2, 0.5, 2.5), 71.0); // 68.5 + 2.5
    EXPECT_DOUBLE_EQ(scoreOf(0.6, 0.9, 0.2, 0.5, -3.0), 65.5);
    EXPECT_DOUBLE_EQ(scoreOf(0.9, 0.8, 0.4, 0.8, 20.0), 100.0); // 81 + 20 = 101 → 100
    EXPECT_DOUBLE_EQ(scoreOf(0.9, 0.8, 0.4, 0.8, 19.0), 100.0); // exactly 100
    EXPECT_DOUBLE_EQ(scoreOf(0.1, 0.1, 0.9, 0.1, -20.0), 0.0); // 4 + 2.5 + 1.5 + 2 = 10 − 20 → 0
    EXPECT_DOUBLE_EQ(scoreOf(0.5, 0.5, 0.5, 0.5, std::numeric_limits<double>::quiet_NaN()), 50.0);
}

TEST(ApsFormula, RoundsToTwoDecimalsHalfAwayFromZeroDespiteBinaryError)
{
    // 1.005 is 1.00499999999999989… in binary; a naive round(x·100)/100 gives 1.0.
    EXPECT_DOUBLE_EQ(scoreOf(0, 0, 1, 0, 1.005), 1.01);
    // 0.1 + 0.2 style error must not move a score off its exact value.
    EXPECT_DOUBLE_EQ(scoreOf(0.1, 0.2, 0.7, 0.3), 4.0 + 5.0 + 4.5 + 6.0);
    // 4.92 + 11.4 + 15·0.211 (3.165) + 6.42 = 25.905 exactly: the tie rounds up.
    EXPECT_DOUBLE_EQ(scoreOf(0.123, 0.456, 0.789, 0.321), 25.91);
}

TEST(ApsWeights, CustomWeightsChangeTheScore)
{
    EXPECT_DOUBLE_EQ(scoreOf(0.37, 0.9, 0.9, 0.9, 0, ApsWeights { 1.0, 0.0, 0.0, 0.0 }), 37.0);
    // Equal weights: 25·(.9 + .8 + .6 + .8) = 77.5
    EXPECT_DOUBLE_EQ(scoreOf(0.9, 0.8, 0.4, 0.8, 0, ApsWeights { 0.25, 0.25, 0.25, 0.25 }), 77.5);
}

TEST(ApsWeights, Validity)
{
    const ApsWeights product;
    EXPECT_TRUE(product.isValid());
    EXPECT_DOUBLE_EQ(product.revenue, 0.40);
    EXPECT_DOUBLE_EQ(product.urgency, 0.25);
    EXPECT_DOUBLE_EQ(product.effort, 0.15);
    EXPECT_DOUBLE_EQ(product.strategic, 0.20);
    EXPECT_TRUE((ApsWeights { 0.25, 0.25, 0.25, 0.25 }.isValid()));
    EXPECT_TRUE((ApsWeights { 0.1, 0.2, 0.3, 0.4 }.isValid())); // float sum 1.0000000000000002 is fine
    EXPECT_FALSE((ApsWeights { 0.5, 0.5, 0.5, 0.5 }.isValid()));
    EXPECT_FALSE((ApsWeights { 1.2, -0.2, 0.0, 0.0 }.isValid()));
    EXPECT_FALSE((ApsWeights { std::nan(""), 0.5, 0.25, 0.25 }.isValid()));
}

TEST(ApsReasoning, RoundedPercentagesAndEffortAsEase)
{
    EXPECT_EQ(apsReasoning({ 0.6, 0.9, 0.2, 0.5 }, 0.0),
        u"Revenue 60% · Urgency 90% · Effort 80% easy · Strategic 50%"_s);
    // The original truncated: 0.29 → "28%", 0.57 → "56%". Rounded here; effort 0.43 → 57% easy.
    EXPECT_EQ(apsReasoning({ 0.29, 0.57, 0.43, 0.285 }, 0.0),
        u"Revenue 29% · Urgency 57% · Effort 57% easy · Strategic 29%"_s);
    EXPECT_EQ(apsReasoning({ 0.0, 1.0, 1.0, 0.004 }, 0.0),
        u"Revenue 0% · Urgency 100% · Effort 0% easy · Strategic 0%"_s);
}

TEST(ApsReasoning, OutcomeAdjustmentWithOneDecimalAndSign)
{
    const ApsComponents c { 0.6, 0.9, 0.2, 0.5 };
    EXPECT_EQ(apsReasoning(c, 2.5),
        u"Revenue 60% · Urgency 90% · Effort 80% easy · Strategic 50% · Outcome +2.5"_s);
    EXPECT_EQ(apsReasoning(c, -3.0),
        u"Revenue 60% · Urgency 90% · Effort 80% easy · Strategic 50% · Outcome \u22123.0"_s);
    EXPECT_EQ(apsReasoning(c, 12.25),
        u"Revenue 60% · Urgency 90% · Effort 80% easy · Strategic 50% · Outcome +12.3"_s);
    EXPECT_FALSE(apsReasoning(c, 0.0).contains(u"Outcome"_s));
}

TEST(ApsCompute, ResultCarriesScoreComponentsAdjustmentAndReasoning)
{
    const ApsResult r = computeAps({ 0.6, 0.9, 0.2, 0.5 }, 2.5);
    EXPECT_DOUBLE_EQ(r.score, 71.0);
    EXPECT_EQ(r.components, (ApsComponents { 0.6, 0.9, 0.2, 0.5 }));
    EXPECT_DOUBLE_EQ(r.outcomeAdjustment, 2.5);
    EXPECT_TRUE(r.reasoning.endsWith(u"Outcome +2.5"_s));

    Move move;
    applyAps(move, r);
    EXPECT_DOUBLE_EQ(move.aps, 71.0);
    EXPECT_EQ(move.components, r.components);
    EXPECT_DOUBLE_EQ(move.outcomeAdjustment, 2.5);
    EXPECT_EQ(move.reasoning, r.reasoning);
}
