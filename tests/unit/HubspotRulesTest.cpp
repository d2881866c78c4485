// Rules for the three HubSpot deal events (PRODUCT.md §3 rules table with the stage and amount tables).
#include "RulesTestSupport.h"

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

TEST(HubspotRule, StageChangeToDecisionMaker)
{
    const Move m = expectMove(makeSignal("hubspot", "deal_stage_changed",
        R"({"deal_id":"981","deal_name":"Acme expansion","stage":"decisionmakerboughtin","amount":48000,
            "contact_email":"dana@acme.com","contact_name":"Dana Lee","company_name":"Acme"})"));
    EXPECT_EQ(m.actionType, u"proposal_send"_s);
    EXPECT_EQ(m.title, u"Send proposal: Acme expansion ($48,000) — decision maker bought in"_s);
    expectComponents(m, 0.8, 0.9, 0.3, 0.8);
    EXPECT_DOUBLE_EQ(m.aps, 81.0); // 32 + 22.5 + 10.5 + 16
    EXPECT_EQ(hoursAfterOccurred(m), 1);
    EXPECT_EQ(m.dealId, u"981"_s);
    EXPECT_EQ(m.contactEmail, u"dana@acme.com"_s);
    EXPECT_EQ(m.company, u"Acme"_s);
    EXPECT_EQ(m.domain, u"sales"_s);
    EXPECT_EQ(m.actionContext.value("deal_id"_L1).toString(), u"981"_s);
    EXPECT_EQ(m.actionContext.value("stage"_L1).toString(), u"decisionmakerboughtin"_s);
    EXPECT_DOUBLE_EQ(m.actionContext.value("amount"_L1).toDouble(), 48000.0);
}

TEST(HubspotRule, EveryStageRowOnStageChange)
{
    struct Row
    {
        const char* stage;
        const char16_t* action;
        double urgency, strategic;
        int due;
        const char16_t* domain;
    };
    const Row rows[] = {
        { "appointmentscheduled", u"meeting_prep", 0.9, 0.4, 8, u"sales" },
        { "qualifiedtobuy", u"email_follow_up", 0.8, 0.5, 4, u"sales" },
        { "presentationscheduled", u"presentation_prep", 0.85, 0.6, 4, u"sales" },
        { "decisionmakerboughtin", u"proposal_send", 0.9, 0.8, 1, u"sales" },
        { "contractsent", u"contract_follow_up", 0.95, 0.9, 1, u"sales" },
        { "closedwon", u"onboarding_kickoff", 0.3, 1.0, 24, u"cs" },
        { "closedlost", u"win_loss_analysis", 0.1, 0.2, 8, u"sales" },
        { "negotiation", u"deal_review", 0.5, 0.5, 8, u"sales" },
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.stage);
        const QByteArray payload
            = R"({"deal_id":"1","deal_name":"D","dealstage":")" + QByteArray(row.stage) + R"("})";
        const Move m = expectMove(makeSignal("hubspot", "deal_stage_changed", payload.constData()));
        EXPECT_EQ(m.actionType, QString::fromUtf16(row.action));
        expectComponents(m, 0.3, row.urgency, 0.3, row.strategic); // no amount → revenue 0.3
        EXPECT_EQ(hoursAfterOccurred(m), row.due);
        EXPECT_EQ(m.domain, QString::fromUtf16(row.domain));
        EXPECT_TRUE(m.title.contains(u"D"_s));
    }
}

TEST(HubspotRule, QualifiedToBuyAtBothEndsOfTheAmountTable)
{
    // original-behaviour §1.5 cases with the product weights: $100k → 80.5, $1k → 60.5.
    const Move big = expectMove(makeSignal("hubspot", "deal_stage_changed",
        R"({"deal_id":"1","deal_name":"Big","deal_stage":"qualifiedtobuy","deal_amount":100000})"));
    expectComponents(big, 1.0, 0.8, 0.3, 0.5);
    EXPECT_DOUBLE_EQ(big.aps, 80.5);
    const Move small = expectMove(makeSignal("hubspot", "deal_stage_changed",
        R"({"deal_id":"1","deal_name":"Small","deal_stage":"qualifiedtobuy","amount":"1000"})"));
    expectComponents(small, 0.5, 0.8, 0.3, 0.5);
    EXPECT_DOUBLE_EQ(small.aps, 60.5);
}

TEST(HubspotRule, AmountBoundariesAsNumbersAndStrings)
{
    struct Row
    {
        const char* amountJson;
        double revenue;
    };
    const Row rows[] = { { "0", 0.3 }, { "-100", 0.3 }, { "4999.99", 0.5 }, { "5000", 0.6 }, { "9999", 0.6 },
        { "10000", 0.7 }, { "24999", 0.7 }, { "25000", 0.8 }, { "49999", 0.8 }, { "50000", 0.9 },
        { "99999", 0.9 }, { "100000", 1.0 }, { "\"25000\"", 0.8 }, { "\"$48,000\"", 0.8 },
        { "\" 4999.99 \"", 0.5 }, { "\"lots\"", 0.3 }, { "null", 0.3 }, { "true", 0.3 } };
    for (const Row& row : rows) {
        SCOPED_TRACE(row.amountJson);
        const QByteArray payload
            = R"({"deal_id":"1","deal_name":"D","amount":)" + QByteArray(row.amountJson) + "}";
        const Move m = expectMove(makeSignal("hubspot", "deal_created", payload.constData()));
        EXPECT_DOUBLE_EQ(m.components.revenue, row.revenue);
    }
    // Missing altogether.
    EXPECT_DOUBLE_EQ(expectMove(makeSignal("hubspot", "deal_created", R"({"deal_id":"1","deal_name":"D"})"))
                         .components.revenue,
        0.3);
}

TEST(HubspotRule, DealCreatedIsResearchDueInFourHours)
{
    const Move m = expectMove(makeSignal("hubspot", "deal_created",
        R"({"deal_id":"7","deal_name":"Globex pilot","stage":"contractsent","amount":4999.99})"));
    EXPECT_EQ(m.actionType, u"deal_research"_s);
    EXPECT_EQ(m.title, u"Research new deal: Globex pilot ($4,999.99) — contract sent"_s);
    expectComponents(m, 0.5, 0.95, 0.3, 0.9); // urgency and strategic still by stage
    EXPECT_EQ(hoursAfterOccurred(m), 4);
}

TEST(HubspotRule, DealAmountChangedIsReviewDueInEightHours)
{
    const Move m = expectMove(makeSignal("hubspot", "deal_amount_changed",
        R"({"deal_id":"7","deal_name":"Globex pilot","stage":"closedwon","amount":250000})"));
    EXPECT_EQ(m.actionType, u"deal_review"_s);
    EXPECT_EQ(m.title, u"Review deal: Globex pilot — amount now $250,000"_s);
    expectComponents(m, 1.0, 0.3, 0.3, 1.0);
    EXPECT_EQ(hoursAfterOccurred(m), 8);
    EXPECT_EQ(m.domain, u"sales"_s);
}

TEST(HubspotRule, AllDealEventsNeedDealIdAndName)
{
    for (const char* event : { "deal_stage_changed", "deal_created", "deal_amount_changed" }) {
        SCOPED_TRACE(event);
        EXPECT_EQ(expectIgnored(makeSignal("hubspot", event, R"({"deal_name":"D"})")),
            QString::fromLatin1(event) + u" needs a deal_id"_s);
        EXPECT_EQ(expectIgnored(makeSignal("hubspot", event, R"({"deal_id":"1"})")),
            QString::fromLatin1(event) + u" needs a deal_name"_s);
    }
    // A numeric deal id is still an id.
    EXPECT_EQ(
        expectMove(makeSignal("hubspot", "deal_created", R"({"deal_id":123456,"deal_name":"D"})")).dealId,
        u"123456"_s);
    EXPECT_EQ(expectIgnored(makeSignal("hubspot", "contact_created", R"({"email":"a@b.co"})")),
        u"no rule for hubspot/contact_created"_s);
}
