// Revenue ops, client health, pricing, proposals and contract review with the original's thresholds
// (original-behaviour.md §8.2, §14.6).
#include "agents/cores/ClientHealth.h"
#include "agents/cores/ContractReview.h"
#include "agents/cores/PartnerTiers.h"
#include "agents/cores/Pricing.h"
#include "agents/cores/Proposal.h"
#include "agents/cores/RevenueOps.h"

#include <QDateTime>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::agents;

namespace {
const QDateTime kDealsNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);

PipelineDeal deal(
    const QString& stage, double amount, int idleDays, int daysToClose = 60, bool competitor = false)
{
    return { u"d"_s, u"Deal"_s, stage, amount, kDealsNow.date().addDays(daysToClose), kDealsNow.addDays(-idleDays),
        kDealsNow.addDays(-idleDays - 1), competitor };
}
} // namespace

TEST(RevenueOps, StageProbabilities)
{
    EXPECT_DOUBLE_EQ(stageProbability(u"lead"_s), 0.05);
    EXPECT_DOUBLE_EQ(stageProbability(u"qualified"_s), 0.15);
    EXPECT_DOUBLE_EQ(stageProbability(u"discovery"_s), 0.30);
    EXPECT_DOUBLE_EQ(stageProbability(u"proposal"_s), 0.50);
    EXPECT_DOUBLE_EQ(stageProbability(u"negotiation"_s), 0.75);
    EXPECT_DOUBLE_EQ(stageProbability(u"won"_s), 1.0);
    EXPECT_DOUBLE_EQ(stageProbability(u"lost"_s), 0.0);
    EXPECT_EQ(canonicalStage(u"qualifiedtobuy"_s), u"qualified"_s);
    EXPECT_EQ(canonicalStage(u"Closed Won"_s), u"won"_s);
    EXPECT_EQ(canonicalStage(u"decisionmakerboughtin"_s), u"negotiation"_s);
    EXPECT_EQ(canonicalStage(u"something custom"_s), u"lead"_s);
}

TEST(RevenueOps, AtRiskScoreBoundaries)
{
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 7), kDealsNow).score, 0);
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 8), kDealsNow).score, 15);
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 14), kDealsNow).score, 15);
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 15), kDealsNow).score, 30);
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 0, -1), kDealsNow).score, 25); // past the close date
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 0, 6), kDealsNow).score, 10); // < 7 days to close
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 0, 7), kDealsNow).score, 0);
    EXPECT_EQ(assessDealRisk(deal(u"qualified"_s, 50001, 0), kDealsNow).score, 15);
    EXPECT_EQ(assessDealRisk(deal(u"qualified"_s, 50000, 0), kDealsNow).score, 0); // > $50k, not ≥
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 90000, 0), kDealsNow).score, 0); // only early stages
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 0, 60, true), kDealsNow).score, 20);
    // At risk strictly above 25.
    EXPECT_FALSE(assessDealRisk(deal(u"proposal"_s, 1000, 0, -1), kDealsNow).atRisk); // 25
}

TEST(RevenueOps, AtRiskIsStrictlyOverTwentyFive)
{
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 8, 6), kDealsNow).score, 25);
    EXPECT_FALSE(assessDealRisk(deal(u"proposal"_s, 1000, 8, 6), kDealsNow).atRisk);
    EXPECT_EQ(assessDealRisk(deal(u"proposal"_s, 1000, 8, 60, true), kDealsNow).score, 35);
    EXPECT_TRUE(assessDealRisk(deal(u"proposal"_s, 1000, 8, 60, true), kDealsNow).atRisk);
}

TEST(RevenueOps, PipelineHealth)
{
    // Coverage: 400k at proposal (0.5) = 200k weighted = 2.0× the 100k target; nothing stalled, balanced.
    PipelineHealth h = assessPipeline({ deal(u"proposal"_s, 400000, 1) }, kDealsNow);
    EXPECT_EQ(h.score, 100);
    EXPECT_EQ(h.status, u"healthy"_s);
    EXPECT_DOUBLE_EQ(h.coverage, 2.0);
    // Coverage exactly 1.5×: no issue; just under: medium (−10); under 1.0×: high (−25).
    EXPECT_TRUE(assessPipeline({ deal(u"proposal"_s, 300000, 1) }, kDealsNow).issues.isEmpty());
    h = assessPipeline({ deal(u"proposal"_s, 299000, 1) }, kDealsNow);
    EXPECT_EQ(h.score, 90);
    h = assessPipeline({ deal(u"proposal"_s, 199000, 1) }, kDealsNow);
    EXPECT_EQ(h.score, 75);
    EXPECT_EQ(h.status, u"needs_attention"_s);
    // Stalled (> 14 days): medium for up to 3 deals, high for more.
    QList<PipelineDeal> stalled(3, deal(u"negotiation"_s, 100000, 15));
    EXPECT_EQ(assessPipeline(stalled, kDealsNow).score, 90);
    stalled.append(deal(u"negotiation"_s, 100000, 15));
    EXPECT_EQ(assessPipeline(stalled, kDealsNow).score, 75);
    // Top-heavy: early > 3× late. 3 early vs 1 late is not; 4 vs 1 is.
    QList<PipelineDeal> mix { deal(u"negotiation"_s, 1000000, 1) };
    for (int i = 0; i < 3; ++i)
        mix.append(deal(u"lead"_s, 1000, 1));
    EXPECT_EQ(assessPipeline(mix, kDealsNow).score, 100);
    mix.append(deal(u"discovery"_s, 1000, 1));
    EXPECT_EQ(assessPipeline(mix, kDealsNow).score, 90);
    // Everything at once: 4 stalled early deals, no coverage: −25 −10 −25 = 40, critical.
    h = assessPipeline(QList<PipelineDeal>(4, deal(u"lead"_s, 1000, 20)), kDealsNow);
    EXPECT_EQ(h.score, 40);
    EXPECT_EQ(h.status, u"critical"_s);
    EXPECT_EQ(pipelineStatus(80), u"healthy"_s);
    EXPECT_EQ(pipelineStatus(79), u"needs_attention"_s);
    EXPECT_EQ(pipelineStatus(50), u"needs_attention"_s);
    EXPECT_EQ(pipelineStatus(49), u"critical"_s);
}

TEST(ClientHealth, ComponentBuckets)
{
    EXPECT_EQ(engagementScore(3), 100);
    EXPECT_EQ(engagementScore(4), 80);
    EXPECT_EQ(engagementScore(7), 80);
    EXPECT_EQ(engagementScore(14), 60);
    EXPECT_EQ(engagementScore(30), 40);
    EXPECT_EQ(engagementScore(31), 20);
    EXPECT_EQ(engagementScore(std::nullopt), 20);
    EXPECT_EQ(responseScore(4.0), 100);
    EXPECT_EQ(responseScore(4.1), 80);
    EXPECT_EQ(responseScore(12.0), 80);
    EXPECT_EQ(responseScore(24.0), 60);
    EXPECT_EQ(responseScore(48.0), 40);
    EXPECT_EQ(responseScore(48.5), 20);
    EXPECT_EQ(depthScore(4), 100);
    EXPECT_EQ(depthScore(3), 80);
    EXPECT_EQ(depthScore(2), 60);
    EXPECT_EQ(depthScore(1), 40);
}

TEST(ClientHealth, WeightedScoreAndStatus)
{
    ClientHealthInput in;
    in.daysSinceContact = 2; // 100 × .20
    in.avgResponseHours = 3; // 100 × .15
    in.meetingsScheduled = 4;
    in.meetingsAttended = 4; // 100 × .15
    in.positiveFeedback = 3;
    in.negativeFeedback = 1; // 75 × .20
    in.expansionDiscussions = 1; // 75 × .10
    in.contacts = 4; // 100 × .10; payment 100 × .10
    const ClientHealthScore s = scoreClientHealth(in);
    EXPECT_DOUBLE_EQ(s.score, 20 + 15 + 15 + 15 + 10 + 7.5 + 10);
    EXPECT_EQ(s.status, u"thriving"_s);
    in.paymentLate = true; // 30 instead of 100: −7
    EXPECT_DOUBLE_EQ(scoreClientHealth(in).score, 85.5);
    EXPECT_EQ(clientHealthStatus(85), u"thriving"_s);
    EXPECT_EQ(clientHealthStatus(84.9), u"healthy"_s);
    EXPECT_EQ(clientHealthStatus(70), u"healthy"_s);
    EXPECT_EQ(clientHealthStatus(50), u"neutral"_s);
    EXPECT_EQ(clientHealthStatus(30), u"at_risk"_s);
    EXPECT_EQ(clientHealthStatus(29.9), u"critical"_s);
    // Expansion caps at 100 (50 + 25 per discussion).
    in.expansionDiscussions = 5;
    EXPECT_DOUBLE_EQ(scoreClientHealth(in).expansion, 100);
}

TEST(Pricing, BasePricesAndFactors)
{
    QString error;
    EXPECT_DOUBLE_EQ(priceService({ u"strategy"_s, u"enterprise"_s }, &error)->price, 12800);
    EXPECT_DOUBLE_EQ(priceService({ u"implementation"_s, u"high"_s }, &error)->price, 18750);
    EXPECT_DOUBLE_EQ(priceService({ u"retainer"_s, u"medium"_s, 40 }, &error)->price, 8500);
    EXPECT_DOUBLE_EQ(priceService({ u"audit"_s }, &error)->price, 4000);
    EXPECT_DOUBLE_EQ(priceService({ u"training"_s, u"medium"_s, 20, 1.5 }, &error)->price, 4000);
    EXPECT_DOUBLE_EQ(priceService({ u"training"_s, u"medium"_s, 20, 0.5 }, &error)->price, 1500);
    EXPECT_FALSE(priceService({ u"retainer"_s, u"medium"_s, 30 }, &error));
    EXPECT_FALSE(priceService({ u"consulting"_s }, &error));
    EXPECT_DOUBLE_EQ(durationFactor(4), 1.0);
    EXPECT_DOUBLE_EQ(durationFactor(5), 1.05);
    EXPECT_DOUBLE_EQ(durationFactor(10), 1.3);
    // strategy, low complexity, 8 weeks: 8000 × 0.8 × 1.2.
    EXPECT_DOUBLE_EQ(priceService({ u"strategy"_s, u"low"_s, 20, 1, 8 }, &error)->price, 7680);
}

TEST(Pricing, VolumeDiscountSteps)
{
    EXPECT_DOUBLE_EQ(volumeDiscount(1), 0.0);
    EXPECT_DOUBLE_EQ(volumeDiscount(2), 0.05);
    EXPECT_DOUBLE_EQ(volumeDiscount(3), 0.10);
    EXPECT_DOUBLE_EQ(volumeDiscount(4), 0.10);
    EXPECT_DOUBLE_EQ(volumeDiscount(5), 0.15);
}

TEST(Pricing, DiscountsCapAtTwentyFivePercent)
{
    PricingInput in;
    in.services = { { u"audit"_s }, { u"audit"_s } }; // 8000, volume 5 %
    in.customerYears = 2; // 10 %
    in.referralPercent = 10; // 10 %: 25 % exactly — not capped
    PricingQuote q = quote(in);
    EXPECT_DOUBLE_EQ(q.requestedDiscount, 0.25);
    EXPECT_FALSE(q.capped);
    EXPECT_DOUBLE_EQ(q.total, 6000);
    in.caseStudy = true; // 30 % asked: capped at 25 %
    q = quote(in);
    EXPECT_DOUBLE_EQ(q.requestedDiscount, 0.30);
    EXPECT_TRUE(q.capped);
    EXPECT_DOUBLE_EQ(q.discount, 0.25);
    EXPECT_DOUBLE_EQ(q.total, 6000);
    // Everything: 15 + 15 + 10 + 10 + 10 + 5 = 65 % asked, 25 % given.
    in.services = QList<PricedService>(5, PricedService { u"audit"_s });
    in.customerYears = 5;
    in.signWithinDays = 7;
    in.logoRights = true;
    q = quote(in);
    EXPECT_DOUBLE_EQ(q.requestedDiscount, 0.65);
    EXPECT_DOUBLE_EQ(q.total, 20000 * 0.75);
}

TEST(Pricing, LoyaltyReferralAndEarlyBirdSteps)
{
    auto discount = [](auto set) {
        PricingInput in;
        in.services = { { u"audit"_s } };
        set(in);
        return quote(in).discount;
    };
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.returningCustomer = true; }), 0.05);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.customerYears = 1; }), 0.05);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.customerYears = 2; }), 0.10);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.customerYears = 4; }), 0.10);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.customerYears = 5; }), 0.15);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.referralPercent = 5; }), 0.05);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.signWithinDays = 7; }), 0.10);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.signWithinDays = 8; }), 0.05);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.signWithinDays = 14; }), 0.05);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.signWithinDays = 15; }), 0.0);
    EXPECT_DOUBLE_EQ(discount([](PricingInput& i) { i.logoRights = true; }), 0.10);
}

TEST(Proposal, CatalogueDiscountAndDates)
{
    const QDate today(2026, 11, 25);
    Proposal p = generateProposal(u"Acme"_s, { u"brand_strategy"_s }, today);
    EXPECT_DOUBLE_EQ(p.oneTimeTotal, 8000);
    EXPECT_EQ(p.startDate, QDate(2026, 12, 2));
    EXPECT_EQ(p.totalWeeks, 4);
    p = generateProposal(u"Acme"_s, { u"brand_strategy"_s, u"content_strategy"_s }, today);
    EXPECT_DOUBLE_EQ(p.discountRate, 0.05);
    EXPECT_DOUBLE_EQ(p.oneTimeTotal, 14000 * 0.95);
    p = generateProposal(
        u"Acme"_s, { u"brand_strategy"_s, u"go_to_market"_s, u"monthly_retainer"_s, u"nope"_s }, today);
    EXPECT_DOUBLE_EQ(p.discountRate, 0.10);
    EXPECT_DOUBLE_EQ(p.oneTimeTotal, 18000);
    EXPECT_DOUBLE_EQ(p.monthlyTotal, 4500);
    EXPECT_EQ(p.unknown, QStringList { u"nope"_s });
    EXPECT_EQ(p.paymentTerms, u"50% upfront, 50% on completion"_s);
    EXPECT_TRUE(p.text.contains(u"# Proposal for Acme"_s));
}

TEST(ContractReview, RiskLevelsAtTheirBoundaries)
{
    EXPECT_EQ(contractRiskLevel(24), u"low"_s);
    EXPECT_EQ(contractRiskLevel(25), u"medium"_s);
    EXPECT_EQ(contractRiskLevel(49), u"medium"_s);
    EXPECT_EQ(contractRiskLevel(50), u"high"_s);
    EXPECT_EQ(contractRiskLevel(69), u"high"_s);
    EXPECT_EQ(contractRiskLevel(70), u"critical"_s);
}

TEST(ContractReview, PointsAndCaps)
{
    const QList<RedFlag> critical { { u"unlimited liability"_s, u"critical"_s, 1 } };
    EXPECT_EQ(contractRiskScore(critical, 0, {}), 15);
    const QList<RedFlag> many { { u"a"_s, u"critical"_s, 1 }, { u"b"_s, u"high"_s, 1 },
        { u"c"_s, u"high"_s, 1 }, { u"d"_s, u"high"_s, 1 },
        { u"e"_s, u"low"_s, 1 } }; // 45 → capped at 40; low adds nothing
    int flags = 0;
    int missing = 0;
    EXPECT_EQ(contractRiskScore(many, 0, {}, &flags), 40);
    EXPECT_EQ(flags, 40);
    EXPECT_EQ(contractRiskScore({}, 2, {}), 20);
    EXPECT_EQ(contractRiskScore({}, 4, {}, nullptr, &missing), 30);
    EXPECT_EQ(missing, 30);
    EXPECT_EQ(
        contractRiskScore({}, 0, { { u"x"_s, u"high"_s }, { u"y"_s, u"medium"_s }, { u"z"_s, u"low"_s } }),
        12);
    // 40 + 30 + 5 × 8 = 110 → 100.
    QList<ClauseAnalysis> five(5, ClauseAnalysis { u"x"_s, u"high"_s });
    EXPECT_EQ(contractRiskScore(many, 7, five), 100);
}

TEST(ContractReview, FindsPhrasesAndClauses)
{
    const QString text
        = u"SCOPE. The Supplier shall deliver the Deliverables. Payment terms: invoices due in 30 days. "
          "Either party may terminate with notice. The Client shall indemnify and hold harmless the "
          "Supplier. Fees are Non Refundable. This agreement renews by automatic\nrenewal. Governing "
          "law: England."_s;
    const ContractReview r = reviewContract(text, u"services_agreement"_s);
    QStringList phrases;
    for (const RedFlag& f : r.redFlags)
        phrases << f.phrase;
    EXPECT_EQ(phrases,
        (QStringList { u"indemnify and hold harmless"_s, u"automatic renewal"_s, u"non-refundable"_s,
            u"governing law"_s }));
    EXPECT_EQ(r.missingClauses, (QStringList { u"liability"_s, u"ip_ownership"_s, u"confidentiality"_s }));
    EXPECT_EQ(r.redFlagPoints, 10 + 5 + 5);
    EXPECT_EQ(r.missingClausePoints, 30);
    EXPECT_EQ(r.riskScore, 50);
    EXPECT_EQ(r.riskLevel, u"high"_s);
    EXPECT_EQ(requiredClauses(u"nda"_s).size(), 3);
    EXPECT_EQ(requiredClauses(u"employment"_s).size(), 4);
    EXPECT_EQ(requiredClauses(u"services_agreement"_s).size(), 7);
}

TEST(PartnerTiers, TiersAndCommission)
{
    EXPECT_EQ(partnerTier(24999, 4), u"registered"_s);
    EXPECT_EQ(partnerTier(25000, 0), u"bronze"_s);
    EXPECT_EQ(partnerTier(0, 5), u"bronze"_s);
    EXPECT_EQ(partnerTier(100000, 0), u"silver"_s);
    EXPECT_EQ(partnerTier(0, 25), u"gold"_s);
    EXPECT_EQ(partnerTier(500000, 0), u"platinum"_s);
    EXPECT_EQ(partnerTier(0, 50), u"platinum"_s);
    EXPECT_DOUBLE_EQ(partnerCommission(u"registered"_s), 0.05);
    EXPECT_DOUBLE_EQ(partnerCommission(u"platinum"_s), 0.25);
    EXPECT_EQ(enrichmentPriority(u"customer"_s, 2, 3), 100 + 40 + 15);
    EXPECT_EQ(enrichmentPriority(u"lead"_s, 0, 1), 45);
}
