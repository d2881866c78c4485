// Rules for gmail/reply_received and gmail/thread_updated (PRODUCT.md §3).
#include "RulesTestSupport.h"

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

TEST(GmailRule, PricingQuestionIsAnUrgentFollowUp)
{
    const Move m = expectMove(makeSignal("gmail", "reply_received",
        R"({"thread_id":"t-1","message_id":"m-9","from_email":"dana@acme.com","sender_name":"Dana Lee",
            "company":"Acme","subject":"Re: Intro","snippet":"Thanks! Could you send pricing for 20 seats?"})"));
    EXPECT_EQ(m.actionType, u"email_follow_up"_s);
    EXPECT_EQ(m.title, u"Reply to Dana Lee (Acme) — asked for pricing"_s);
    expectComponents(m, 0.7, 0.95, 0.3, 0.7); // urgency 0.85 + 0.1 (pricing)
    EXPECT_DOUBLE_EQ(m.aps, 76.25); // 28 + 23.75 + 10.5 + 14
    EXPECT_EQ(hoursAfterOccurred(m), 2);
    EXPECT_EQ(m.domain, u"sales"_s);
    EXPECT_EQ(m.contactEmail, u"dana@acme.com"_s);
    EXPECT_EQ(m.actionContext.value("thread_id"_L1).toString(), u"t-1"_s);
    EXPECT_EQ(m.actionContext.value("message_id"_L1).toString(), u"m-9"_s);
    EXPECT_EQ(m.actionContext.value("from_email"_L1).toString(), u"dana@acme.com"_s);
    EXPECT_EQ(m.actionContext.value("subject"_L1).toString(), u"Re: Intro"_s);
    EXPECT_EQ(
        m.actionContext.value("snippet"_L1).toString(), u"Thanks! Could you send pricing for 20 seats?"_s);
    EXPECT_TRUE(m.description.contains(u"Could you send pricing"_s));
}

TEST(GmailRule, MeetingRequest)
{
    const Move m = expectMove(makeSignal("gmail", "reply_received",
        R"({"thread_id":"t-2","from_email":"dana@acme.com","name":"Dana Lee","company":"Acme",
            "snippet":"Can we get a call on the calendar next week?"})"));
    EXPECT_EQ(m.actionType, u"schedule_meeting"_s);
    EXPECT_EQ(m.title, u"Schedule a meeting with Dana Lee (Acme) — asked for a call"_s);
    expectComponents(m, 0.7, 0.95, 0.3, 0.7);
    EXPECT_EQ(hoursAfterOccurred(m), 2);
}

TEST(GmailRule, NegativeReplyIsAnOptOutForMarketing)
{
    const Move m = expectMove(makeSignal("gmail", "reply_received",
        R"({"thread_id":"t-3","from_email":"dana@acme.com","name":"Dana Lee","company":"Acme",
            "snippet":"We're not interested, please take us off."})"));
    EXPECT_EQ(m.actionType, u"unsubscribe_process"_s);
    EXPECT_EQ(m.title, u"Process opt-out for Dana Lee (Acme) — “not interested”"_s);
    EXPECT_EQ(m.domain, u"marketing"_s);
    expectComponents(m, 0.7, 0.5, 0.3, 0.4);
    EXPECT_DOUBLE_EQ(m.aps, 59.0); // 28 + 12.5 + 10.5 + 8
    EXPECT_EQ(hoursAfterOccurred(m), 8);
}

TEST(GmailRule, PlainReplyUsesTheSubject)
{
    const Move m = expectMove(makeSignal("gmail", "thread_updated",
        R"({"thread_id":"t-4","from_email":"dana@acme.com","subject":"RE: Fwd: Q3 plan","snippet":"See attached."})"));
    EXPECT_EQ(m.actionType, u"thread_reply"_s);
    EXPECT_EQ(m.title, u"Reply to dana@acme.com — “Q3 plan”"_s);
    expectComponents(m, 0.7, 0.85, 0.3, 0.7);
    EXPECT_DOUBLE_EQ(m.aps, 73.75); // 28 + 21.25 + 10.5 + 14
}

TEST(GmailRule, IsPositiveOverridesPolarityButNotTheClass)
{
    const Move negativeMarked = expectMove(makeSignal("gmail", "reply_received",
        R"({"thread_id":"t","from_email":"a@b.co","snippet":"Sounds good","is_positive":false})"));
    EXPECT_EQ(negativeMarked.actionType, u"thread_reply"_s);
    expectComponents(negativeMarked, 0.7, 0.5, 0.3, 0.4);
    EXPECT_EQ(hoursAfterOccurred(negativeMarked), 8);

    const Move asString = expectMove(makeSignal("gmail", "reply_received",
        R"({"thread_id":"t","from_email":"a@b.co","snippet":"Sounds good","is_positive":"false"})"));
    EXPECT_DOUBLE_EQ(asString.components.urgency, 0.5);

    const Move positiveOptOut = expectMove(makeSignal("gmail", "reply_received",
        R"({"thread_id":"t","from_email":"a@b.co","snippet":"unsubscribe","is_positive":true})"));
    EXPECT_EQ(positiveOptOut.actionType, u"unsubscribe_process"_s);
    expectComponents(positiveOptOut, 0.7, 0.85, 0.3, 0.7);
    EXPECT_EQ(hoursAfterOccurred(positiveOptOut), 2);
}

TEST(GmailRule, UrgencyCapsAt095AndRevenuePotentialOverrides)
{
    const Move m = expectMove(makeSignal("gmail", "reply_received",
        R"({"thread_id":"t","from_email":"a@b.co","snippet":"Schedule a demo call and send pricing",
            "revenue_potential":0.95})"));
    expectComponents(m, 0.95, 0.95, 0.3, 0.7); // 0.85 + 0.1 + 0.1 capped
}

TEST(GmailRule, WholeWordsInTheRule)
{
    const Move m = expectMove(makeSignal("gmail", "reply_received",
        R"({"thread_id":"t","from_email":"a@b.co","snippet":"I recall you wanted to demonstrate it"})"));
    EXPECT_EQ(m.actionType, u"thread_reply"_s);
    EXPECT_DOUBLE_EQ(m.components.urgency, 0.85);
}

TEST(GmailRule, SenderNameFromTheAddressAndSnippetCutTo200)
{
    const QByteArray payload = R"({"thread_id":"t","from_email":"\"Dana Lee\" <Dana@Acme.com>","snippet":")"
        + QByteArray(300, 'x') + R"("})";
    const Move m = expectMove(makeSignal("gmail", "reply_received", payload.constData()));
    EXPECT_EQ(m.contactEmail, u"dana@acme.com"_s);
    EXPECT_EQ(m.contactName, u"Dana Lee"_s);
    EXPECT_EQ(m.title, u"Reply to Dana Lee"_s);
    EXPECT_LE(m.actionContext.value("snippet"_L1).toString().size(), 200);
}

TEST(GmailRule, NeedsThreadIdAndFromEmail)
{
    EXPECT_EQ(expectIgnored(makeSignal("gmail", "reply_received", R"({"from_email":"a@b.co"})")),
        u"reply_received needs a thread_id"_s);
    EXPECT_EQ(expectIgnored(makeSignal("gmail", "thread_updated", R"({"thread_id":"t"})")),
        u"thread_updated needs a from_email"_s);
    EXPECT_EQ(
        expectIgnored(makeSignal("gmail", "message_sent", R"({"thread_id":"t","from_email":"a@b.co"})")),
        u"no rule for gmail/message_sent"_s);
}
