// Rules for form/form_submitted and manual/task_created, plus what every rule shares (PRODUCT.md §3).
#include "RulesTestSupport.h"

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

TEST(FormRule, MakesAnEmailFollowUpDueInTwoHours)
{
    const Move m = expectMove(makeSignal("form", "form_submitted",
        R"({"email":"dana@acme.com","name":"Dana Lee","company":"Acme","form_name":"Pricing request",
            "message":"How much for 20 seats?"})"));
    EXPECT_EQ(m.actionType, u"email_follow_up"_s);
    EXPECT_EQ(m.title, u"Follow up with Dana Lee (Acme) — submitted “Pricing request”"_s);
    expectComponents(m, 0.6, 0.9, 0.2, 0.5);
    EXPECT_DOUBLE_EQ(m.aps, 68.5); // 24 + 22.5 + 12 + 10
    EXPECT_EQ(m.reasoning, u"Revenue 60% · Urgency 90% · Effort 80% easy · Strategic 50%"_s);
    EXPECT_DOUBLE_EQ(m.outcomeAdjustment, 0.0);
    EXPECT_EQ(hoursAfterOccurred(m), 2);
    EXPECT_EQ(m.domain, u"sales"_s);
    EXPECT_EQ(m.contactEmail, u"dana@acme.com"_s);
    EXPECT_EQ(m.contactName, u"Dana Lee"_s);
    EXPECT_EQ(m.company, u"Acme"_s);
    EXPECT_EQ(m.status, MoveStatus::Pending);
    EXPECT_EQ(m.createdAt, received());
    EXPECT_EQ(m.updatedAt, received());
    EXPECT_FALSE(m.signalId.has_value());
    EXPECT_TRUE(m.description.contains(u"How much for 20 seats?"_s));
    EXPECT_EQ(m.actionContext.value("form_name"_L1).toString(), u"Pricing request"_s);
    EXPECT_EQ(m.actionContext.value("message"_L1).toString(), u"How much for 20 seats?"_s);
}

TEST(FormRule, PayloadComponentsOverrideIncludingExplicitZeroAndStrings)
{
    const Move m = expectMove(makeSignal("form", "form_submitted",
        R"({"contact_email":"x@y.io","revenue_potential":"0.8","strategic_value":0})"));
    expectComponents(m, 0.8, 0.9, 0.2, 0.0);
    EXPECT_DOUBLE_EQ(m.aps, 66.5); // 32 + 22.5 + 12 + 0
    // Out of range is clamped; a non-numeric value counts as missing.
    const Move clamped = expectMove(makeSignal(
        "form", "form_submitted", R"({"email":"x@y.io","revenue_potential":7,"strategic_value":"high"})"));
    expectComponents(clamped, 1.0, 0.9, 0.2, 0.5);
}

TEST(FormRule, TitleFallsBackToEmailAndOmitsMissingCompany)
{
    const Move m = expectMove(makeSignal("form", "form_submitted", R"({"email":"Dana@Acme.com"})"));
    EXPECT_EQ(m.title, u"Follow up with dana@acme.com — new form submission"_s);
    EXPECT_EQ(m.contactEmail, u"dana@acme.com"_s);
}

TEST(FormRule, NeedsAnEmail)
{
    EXPECT_EQ(expectIgnored(makeSignal("form", "form_submitted", R"({"name":"Dana Lee"})")),
        u"form_submitted needs an email"_s);
    EXPECT_EQ(expectIgnored(makeSignal("form", "form_submitted", R"({"email":"not an address"})")),
        u"form_submitted needs an email"_s);
    EXPECT_EQ(expectIgnored(makeSignal("form", "form_viewed", R"({"email":"x@y.io"})")),
        u"no rule for form/form_viewed"_s);
}

TEST(ManualRule, DefaultsFromTheTable)
{
    const Move m = expectMove(makeSignal("manual", "task_created", R"({"title":"Call the Acme CFO"})"));
    EXPECT_EQ(m.actionType, u"manual_task"_s);
    EXPECT_EQ(m.title, u"Call the Acme CFO"_s);
    expectComponents(m, 0.4, 0.5, 0.5, 0.5);
    EXPECT_DOUBLE_EQ(m.aps, 46.0); // 16 + 12.5 + 7.5 + 10
    EXPECT_EQ(hoursAfterOccurred(m), 24);
    EXPECT_EQ(m.domain, u"sales"_s);
}

TEST(ManualRule, PayloadGivesEverything)
{
    const Move m = expectMove(makeSignal("manual", "task_created",
        R"({"title":"Renewal check-in","action_type":"Send_Email","revenue_impact":0.9,"urgency":"0",
            "effort":0.1,"strategic_value":1,"due_by":"2026-11-27T15:00:00+01:00","domain":"cs",
            "contact_email":"ops@acme.com","description":"Ask about seats"})"));
    EXPECT_EQ(m.actionType, u"send_email"_s);
    expectComponents(m, 0.9, 0.0, 0.1, 1.0);
    EXPECT_DOUBLE_EQ(m.aps, 69.5); // 36 + 0 + 13.5 + 20
    EXPECT_EQ(m.dueBy, QDateTime(QDate(2026, 11, 27), QTime(14, 0), Qt::UTC));
    EXPECT_EQ(m.domain, u"cs"_s);
    EXPECT_EQ(m.contactEmail, u"ops@acme.com"_s);
    EXPECT_EQ(m.description, u"Ask about seats"_s);
}

TEST(ManualRule, NeedsATitle)
{
    EXPECT_EQ(expectIgnored(makeSignal("manual", "task_created", R"({"title":"   "})")),
        u"task_created needs a title"_s);
    EXPECT_EQ(expectIgnored(makeSignal("manual", "note_added", R"({"title":"x"})")),
        u"no rule for manual/note_added"_s);
}

TEST(Rules, UnknownSourceIsIgnoredWithReason)
{
    EXPECT_EQ(expectIgnored(makeSignal("twitter", "mention", "{}")), u"no rule for twitter/mention"_s);
}

TEST(Rules, WeightsArePassedThrough)
{
    const Signal s = makeSignal("form", "form_submitted", R"({"email":"x@y.io"})");
    const RuleOutcome o = applySignalRules(s, ApsWeights { 1.0, 0.0, 0.0, 0.0 });
    EXPECT_DOUBLE_EQ(o.move.aps, 60.0); // revenue 0.6 only
}

TEST(Rules, DueCountsFromOccurredAtAndFallsBackToReceivedAt)
{
    Signal s = makeSignal("form", "form_submitted", R"({"email":"x@y.io"})");
    s.occurredAt = QDateTime();
    const Move m = expectMove(s);
    EXPECT_EQ(m.dueBy, received().addSecs(2 * 3600));
}
