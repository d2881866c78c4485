// The signal-based background checks (PRODUCT.md §5): new form leads, deal updates, new replies. Each
// notifies once for what arrived, never again for the same signals, and again when more arrive.
#include "check_test_support.h"

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

using CheckSignalsTest = WorkspaceFixture;

const QString kLeads = u"new_leads"_s;
const QString kReplies = u"new_replies"_s;
const QString kDeals = u"deal_updates"_s;

} // namespace

TEST_F(CheckSignalsTest, ANewLeadIsNotifiedOnceAndAgainWhenAnotherArrives)
{
    const qint64 moveId = lead(u"dana@acme.com"_s, -60);
    ASSERT_GT(moveId, 0);
    const QList<Notification> first = ofKind(pass(), kLeads);
    ASSERT_EQ(first.size(), 1);
    EXPECT_EQ(first[0].priority, NotificationPriority::Normal);
    EXPECT_EQ(first[0].title, u"New form lead: Lead dana@acme.com"_s);
    EXPECT_TRUE(first[0].message.contains(u"Demo request"_s)) << first[0].message.toStdString();
    EXPECT_EQ(first[0].moveId, moveId) << "opens the lead's follow-up move";

    clock.advance(300);
    EXPECT_TRUE(ofKind(pass(), kLeads).isEmpty()) << "nothing new: no second notification";
    EXPECT_TRUE(ofKind(pass(), kLeads).isEmpty());

    lead(u"ben@globex.com"_s, -30);
    const QList<Notification> again = ofKind(pass(), kLeads);
    ASSERT_EQ(again.size(), 1);
    EXPECT_EQ(again[0].title, u"New form lead: Lead ben@globex.com"_s) << "only the new lead";
    EXPECT_EQ(ofKind(unread(), kLeads).size(), 2) << "the first one is not replaced";
}

TEST_F(CheckSignalsTest, TwoLeadsInTenMinutesAreNormalThreeAreHigh)
{
    lead(u"a@x.com"_s, -9 * 60);
    lead(u"b@x.com"_s, -5 * 60);
    const QList<Notification> two = ofKind(pass(), kLeads);
    ASSERT_EQ(two.size(), 1);
    EXPECT_EQ(two[0].title, u"2 new form leads"_s);
    EXPECT_EQ(two[0].priority, NotificationPriority::Normal);
    EXPECT_EQ(two[0].message, u"Lead b@x.com and Lead a@x.com"_s) << "newest first";

    // A third within ten minutes of the first two makes a burst, although those were notified already.
    lead(u"c@x.com"_s, -60);
    const QList<Notification> three = ofKind(pass(), kLeads);
    ASSERT_EQ(three.size(), 1);
    EXPECT_EQ(three[0].priority, NotificationPriority::High);
    EXPECT_EQ(three[0].title, u"New form lead: Lead c@x.com"_s);
    EXPECT_TRUE(three[0].message.startsWith(u"3 or more leads within 10 minutes."_s))
        << three[0].message.toStdString();
}

TEST_F(CheckSignalsTest, ThreeLeadsSpreadOverHalfAnHourAreNormal)
{
    lead(u"a@x.com"_s, -30 * 60);
    lead(u"b@x.com"_s, -19 * 60);
    lead(u"c@x.com"_s, -8 * 60);
    const QList<Notification> found = ofKind(pass(), kLeads);
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0].title, u"3 new form leads"_s);
    EXPECT_EQ(found[0].priority, NotificationPriority::Normal) << "no ten minutes hold three of them";
}

TEST_F(CheckSignalsTest, ThreeLeadsInTenMinutesInOneRunAreHigh)
{
    lead(u"a@x.com"_s, -10 * 60);
    lead(u"b@x.com"_s, -6 * 60);
    lead(u"c@x.com"_s, 0);
    const QList<Notification> found = ofKind(pass(), kLeads);
    ASSERT_EQ(found.size(), 1);
    EXPECT_EQ(found[0].title, u"3 new form leads"_s);
    EXPECT_EQ(found[0].priority, NotificationPriority::High);
}

TEST_F(CheckSignalsTest, OldEventsImportedNowAreHistoryNotNews)
{
    lead(u"old@x.com"_s, -3 * 24 * 3600);
    reply(u"old@y.com"_s, -2 * 24 * 3600);
    EXPECT_TRUE(ofKind(pass(), kLeads).isEmpty());
    EXPECT_TRUE(ofKind(pass(), kReplies).isEmpty());
    // …and a later fresh one is still found after them.
    lead(u"new@x.com"_s, -60);
    EXPECT_EQ(ofKind(pass(), kLeads).size(), 1);
}

TEST_F(CheckSignalsTest, OneReplyIsHighTwoAreUrgent)
{
    const qint64 moveId = reply(u"dana@acme.com"_s, -120);
    const QList<Notification> one = ofKind(pass(), kReplies);
    ASSERT_EQ(one.size(), 1);
    EXPECT_EQ(one[0].priority, NotificationPriority::High);
    EXPECT_EQ(one[0].title, u"New reply from dana@acme.com"_s);
    EXPECT_EQ(one[0].message, u"Re: pricing: “Can we talk pricing?”"_s);
    EXPECT_EQ(one[0].moveId, moveId);
    EXPECT_TRUE(ofKind(pass(), kReplies).isEmpty()) << "unchanged: no second notification";

    reply(u"ben@globex.com"_s, -60);
    reply(u"chen@initech.com"_s, -30);
    const QList<Notification> two = ofKind(pass(), kReplies);
    ASSERT_EQ(two.size(), 1);
    EXPECT_EQ(two[0].priority, NotificationPriority::Urgent);
    EXPECT_EQ(two[0].title, u"2 new replies"_s);
    EXPECT_EQ(two[0].message, u"From chen@initech.com and ben@globex.com."_s);
    EXPECT_TRUE(ofKind(pass(), kReplies).isEmpty());
}

TEST_F(CheckSignalsTest, DealUpdatesAreNormalOncePerChange)
{
    dealChange(u"D1"_s, u"contractsent"_s, -60);
    const QList<Notification> first = ofKind(pass(), kDeals);
    ASSERT_EQ(first.size(), 1);
    EXPECT_EQ(first[0].priority, NotificationPriority::Normal);
    EXPECT_EQ(first[0].title, u"Deal update: Deal D1 moved to contract sent"_s);
    EXPECT_TRUE(ofKind(pass(), kDeals).isEmpty());

    dealChange(u"D1"_s, u"closedwon"_s, -30);
    dealChange(u"D2"_s, u"qualifiedtobuy"_s, -20);
    const QList<Notification> next = ofKind(pass(), kDeals);
    ASSERT_EQ(next.size(), 1);
    EXPECT_EQ(next[0].title, u"2 deal updates"_s);
    EXPECT_EQ(next[0].message, u"Deal D2 moved to qualified to buy and Deal D1 moved to closed won."_s);
}

TEST_F(CheckSignalsTest, AnIgnoredFormWithoutEmailIsNoLead)
{
    ingest(
        u"{\"source\":\"form\",\"event_type\":\"form_submitted\",\"occurred_at\":\"%1\",\"payload\":{\"name\":\"x\"}}"_s
            .arg(at(-60))
            .toUtf8());
    EXPECT_TRUE(ofKind(pass(), kLeads).isEmpty());
}

TEST_F(CheckSignalsTest, ChecksRememberAcrossConnections)
{
    // What was notified lives in the database: a second process (the daemon next to the app) or a restart
    // does not notify it again.
    lead(u"dana@acme.com"_s, -60);
    ASSERT_EQ(ofKind(pass(), kLeads).size(), 1);
    Database other;
    QString error;
    ASSERT_TRUE(other.open(home.databasePath(), &error)) << error.toStdString();
    const CheckPassResult result = BackgroundChecks(other, clock).runPass();
    EXPECT_TRUE(result.errors.isEmpty());
    EXPECT_TRUE(result.created.isEmpty());
    EXPECT_EQ(result.unreadCount, 1);
}
