// HubSpot stage and amount tables (PRODUCT.md §3).
#include "signals/HubspotTables.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;

TEST(HubspotStage, EveryRow)
{
    struct Row
    {
        const char16_t* stage;
        double urgency;
        const char16_t* action;
        double strategic;
        int due;
    };
    const Row rows[] = {
        { u"appointmentscheduled", 0.9, u"meeting_prep", 0.4, 8 },
        { u"qualifiedtobuy", 0.8, u"email_follow_up", 0.5, 4 },
        { u"presentationscheduled", 0.85, u"presentation_prep", 0.6, 4 },
        { u"decisionmakerboughtin", 0.9, u"proposal_send", 0.8, 1 },
        { u"contractsent", 0.95, u"contract_follow_up", 0.9, 1 },
        { u"closedwon", 0.3, u"onboarding_kickoff", 1.0, 24 },
        { u"closedlost", 0.1, u"win_loss_analysis", 0.2, 8 },
        { u"negotiation", 0.5, u"deal_review", 0.5, 8 },
        { u"", 0.5, u"deal_review", 0.5, 8 },
    };
    for (const Row& row : rows) {
        const HubspotStageRule rule = hubspotStageRule(QStringView(row.stage));
        SCOPED_TRACE(QString::fromUtf16(row.stage).toStdString());
        EXPECT_DOUBLE_EQ(rule.urgency, row.urgency);
        EXPECT_EQ(rule.actionType, QString::fromUtf16(row.action));
        EXPECT_DOUBLE_EQ(rule.strategic, row.strategic);
        EXPECT_EQ(rule.dueHours, row.due);
    }
}

TEST(HubspotStage, CaseAndSeparatorsIgnored)
{
    EXPECT_EQ(hubspotStageRule(u"ClosedWon").actionType, u"onboarding_kickoff"_s);
    EXPECT_EQ(hubspotStageRule(u"Closed Won").actionType, u"onboarding_kickoff"_s);
    EXPECT_EQ(hubspotStageRule(u"closed_lost").actionType, u"win_loss_analysis"_s);
    EXPECT_EQ(hubspotStageRule(u"CONTRACTSENT").actionType, u"contract_follow_up"_s);
}

TEST(HubspotAmount, Boundaries)
{
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(std::nullopt), 0.3);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(-500.0), 0.3);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(0.0), 0.3);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(0.01), 0.5);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(4999.99), 0.5);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(5000.0), 0.6);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(9999.0), 0.6);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(10000.0), 0.7);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(24999.0), 0.7);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(25000.0), 0.8);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(49999.0), 0.8);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(50000.0), 0.9);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(99999.0), 0.9);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(100000.0), 1.0);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(5e9), 1.0);
    EXPECT_DOUBLE_EQ(hubspotRevenueForAmount(std::nan("")), 0.3);
}
