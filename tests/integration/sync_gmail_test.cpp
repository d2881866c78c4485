// Gmail sync against FakeGmail on loopback with a real SQLite file: first sync over the recent window,
// history paging, an expired historyId, thread checks, deleted messages, idle cost.
#include "FakeGmail.h"
#include "SyncTestSupport.h"
#include "connectors/GmailSync.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

const QString kMe = u"casey@example.com"_s;

SyncAccountConfig gmailConfig(const FakeGmail& server, int pageSize = 0)
{
    SyncAccountConfig config;
    config.provider = SyncProvider::Gmail;
    config.accountId = kMe;
    config.baseUrl = server.baseUrl();
    config.windowDays = 14;
    config.maxMessages = 200;
    config.pageSize = pageSize;
    config.requestTimeoutMs = 2000;
    return config;
}

QDateTime daysAgo(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(-days);
}

class GmailSyncTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_gmail.listen()); }
    FakeGmail m_gmail { kMe };
};

} // namespace

TEST_F(GmailSyncTest, FirstSyncFindsRepliesInSentThreadsAndBounces)
{
    m_gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Proposal"_s, daysAgo(3));
    const QString reply = m_gmail.addInbound(
        u"t1"_s, u"Ann Lee <Ann@Acme.com>"_s, u"Re: Proposal"_s, u"Can we schedule a call?"_s, daysAgo(2));
    m_gmail.addInbound(
        u"t2"_s, u"News <news@shop.com>"_s, u"Sale"_s, u"50% off"_s, daysAgo(2)); // not a reply
    m_gmail.addSent(u"t3"_s, u"bob@gone.org"_s, u"Intro"_s, daysAgo(1));
    FakeGmail::Message bounce;
    bounce.threadId = u"t3"_s;
    bounce.labels = { u"INBOX"_s };
    bounce.from = u"Mail Delivery Subsystem <mailer-daemon@googlemail.com>"_s;
    bounce.subject = u"Delivery Status Notification (Failure)"_s;
    bounce.snippet
        = u"Address not found. Your message wasn't delivered to bob@gone.org because the address couldn't be found"_s;
    bounce.failedRecipients = u"bob@gone.org"_s;
    bounce.date = daysAgo(1);
    m_gmail.addMessage(bounce);
    m_gmail.addInbound(
        u"t9"_s, u"Old <old@acme.com>"_s, u"Ancient"_s, u"hi"_s, daysAgo(40)); // outside the window

    SyncHarness sync(gmailConfig(m_gmail));
    const SyncRunResult result = sync.run();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_TRUE(result.fullSync);

    EXPECT_EQ(sync.sourceIds(u"gmail"_s, u"reply_received"_s), QStringList { reply });
    QSqlQuery q(sync.db().sql());
    ASSERT_TRUE(q.exec(u"SELECT payload FROM signals WHERE source = 'gmail'"_s) && q.next());
    const QJsonObject payload = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    EXPECT_EQ(payload.value(u"from_email"_s).toString(), u"ann@acme.com"_s);
    EXPECT_EQ(payload.value(u"sender_name"_s).toString(), u"Ann Lee"_s);
    EXPECT_EQ(payload.value(u"subject"_s).toString(), u"Re: Proposal"_s);
    EXPECT_EQ(payload.value(u"snippet"_s).toString(), u"Can we schedule a call?"_s);
    EXPECT_EQ(payload.value(u"thread_id"_s).toString(), u"t1"_s);
    EXPECT_EQ(payload.value(u"message_id"_s).toString(), reply);

    EXPECT_EQ(sync.outcomeContacts(u"email_replied"_s), QStringList { u"ann@acme.com"_s });
    EXPECT_EQ(sync.outcomeContacts(u"email_bounced"_s), QStringList { u"bob@gone.org"_s });
    EXPECT_EQ(sync.cursor(GmailSync::kStream), QString::number(m_gmail.historyId()));
    // The two SENT messages are known from the SENT listing and never read one by one.
    EXPECT_EQ(m_gmail.requestCount(u"/messages/"_s), 3);
    EXPECT_EQ(m_gmail.requestCount(u"/profile"_s), 1);
}

TEST_F(GmailSyncTest, IncrementalSyncReadsHistoryAndIdleCostsOneRequest)
{
    m_gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Proposal"_s, daysAgo(3));
    SyncHarness sync(gmailConfig(m_gmail));
    ASSERT_TRUE(sync.run().ok);
    EXPECT_EQ(sync.countSignals(u"gmail"_s), 0);

    const QString r1 = m_gmail.addInbound(
        u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re: Proposal"_s, u"Tell me more"_s, daysAgo(0));
    m_gmail.addSent(u"t4"_s, u"cy@beta.io"_s, u"Hello"_s, daysAgo(0));
    const QString r2
        = m_gmail.addInbound(u"t4"_s, u"Cy <cy@beta.io>"_s, u"Re: Hello"_s, u"Pricing?"_s, daysAgo(0));
    m_gmail.addInbound(u"t5"_s, u"Spam <s@spam.biz>"_s, u"Win"_s, u"prize"_s, daysAgo(0));
    // A message of the user's own (sent from another client without the SENT label) is not a reply.
    m_gmail.addInbound(u"t1"_s, kMe, u"Re: Proposal"_s, u"note to self"_s, daysAgo(0));

    m_gmail.clearLog();
    const SyncRunResult second = sync.run();
    ASSERT_TRUE(second.ok) << second.error.toStdString();
    EXPECT_FALSE(second.fullSync);
    QStringList expected { r1, r2 };
    expected.sort();
    EXPECT_EQ(sync.sourceIds(u"gmail"_s, u"reply_received"_s), expected);
    EXPECT_EQ(sync.countOutcomes(u"email_replied"_s), 2);
    EXPECT_EQ(m_gmail.requestCount(u"/profile"_s), 0);
    EXPECT_EQ(sync.cursor(GmailSync::kStream), QString::number(m_gmail.historyId()));

    m_gmail.clearLog();
    const SyncRunResult idle = sync.run();
    ASSERT_TRUE(idle.ok);
    EXPECT_EQ(m_gmail.log().size(), 1);
    EXPECT_EQ(m_gmail.requestCount(u"/history"_s), 1);
    EXPECT_EQ(idle.signalsMade, 0);
    EXPECT_EQ(sync.countSignals(u"gmail"_s), 2);
}

TEST_F(GmailSyncTest, HistoryIsPagedAndEveryPageCommitsItsCursor)
{
    m_gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Proposal"_s, daysAgo(1));
    SyncHarness sync(gmailConfig(m_gmail, 2));
    ASSERT_TRUE(sync.run().ok);
    QStringList expected;
    for (int i = 0; i < 7; ++i)
        expected.append(
            m_gmail.addInbound(u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re: %1"_s.arg(i), u"ok"_s, daysAgo(0)));
    expected.sort();
    m_gmail.clearLog();
    const SyncRunResult result = sync.run();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_EQ(sync.sourceIds(u"gmail"_s, u"reply_received"_s), expected);
    EXPECT_EQ(m_gmail.requestCount(u"/history"_s), 4); // 7 records, 2 per page
    EXPECT_EQ(result.signalsMade, 7);
}

TEST_F(GmailSyncTest, ExpiredHistoryIdTriggersABoundedFullResyncWithoutDuplicates)
{
    m_gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Proposal"_s, daysAgo(2));
    const QString first = m_gmail.addInbound(u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re"_s, u"yes"_s, daysAgo(1));
    SyncHarness sync(gmailConfig(m_gmail));
    ASSERT_TRUE(sync.run().ok);
    const QString later
        = m_gmail.addInbound(u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re 2"_s, u"and"_s, daysAgo(0));
    m_gmail.expireHistoryUpTo(m_gmail.historyId());

    m_gmail.clearLog();
    const SyncRunResult result = sync.run();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_TRUE(result.fullSync);
    EXPECT_EQ(m_gmail.statusCount(404), 1);
    EXPECT_EQ(m_gmail.requestCount(u"/profile"_s), 1);
    QStringList expected { first, later };
    expected.sort();
    EXPECT_EQ(sync.sourceIds(u"gmail"_s, u"reply_received"_s), expected);
    EXPECT_EQ(sync.countOutcomes(u"email_replied"_s), 2);
    EXPECT_EQ(sync.stateNumber(GmailSync::kStream, u"full_syncs"_s), 1);
    EXPECT_EQ(sync.cursor(GmailSync::kStream), QString::number(m_gmail.historyId()));
}

TEST_F(GmailSyncTest, ReplyInAThreadSentBeforeTheWindowIsFoundByReadingTheThread)
{
    m_gmail.addSent(u"old"_s, u"dee@corp.com"_s, u"Long ago"_s, daysAgo(60));
    SyncHarness sync(gmailConfig(m_gmail));
    ASSERT_TRUE(sync.run().ok);
    const QString reply
        = m_gmail.addInbound(u"old"_s, u"Dee <dee@corp.com>"_s, u"Re: Long ago"_s, u"back"_s, daysAgo(0));
    m_gmail.clearLog();
    ASSERT_TRUE(sync.run().ok);
    EXPECT_EQ(sync.sourceIds(u"gmail"_s, u"reply_received"_s), QStringList { reply });
    EXPECT_EQ(m_gmail.requestCount(u"/threads/"_s), 1);
    // The thread is remembered: the next reply there needs no thread read.
    m_gmail.addInbound(u"old"_s, u"Dee <dee@corp.com>"_s, u"Re: Long ago"_s, u"again"_s, daysAgo(0));
    m_gmail.clearLog();
    ASSERT_TRUE(sync.run().ok);
    EXPECT_EQ(m_gmail.requestCount(u"/threads/"_s), 0);
    EXPECT_EQ(sync.countSignals(u"gmail"_s, u"reply_received"_s), 2);
}

TEST_F(GmailSyncTest, MessageDeletedBeforeItIsReadIsSkipped)
{
    m_gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Proposal"_s, daysAgo(2));
    SyncHarness sync(gmailConfig(m_gmail));
    ASSERT_TRUE(sync.run().ok);
    const QString gone = m_gmail.addInbound(u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re"_s, u"x"_s, daysAgo(0));
    const QString kept = m_gmail.addInbound(u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re"_s, u"y"_s, daysAgo(0));
    m_gmail.deleteMessage(gone);
    const SyncRunResult result = sync.run();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_EQ(sync.sourceIds(u"gmail"_s, u"reply_received"_s), QStringList { kept });
    EXPECT_EQ(sync.cursor(GmailSync::kStream), QString::number(m_gmail.historyId()));
}

// The rate governor spends Gmail's per-method quota units: counted on the server, no second ever sees more
// than the 250 units per user the API allows.
TEST_F(GmailSyncTest, QuotaUnitsPerSecondStayWithinTheBudgetOnTheServer)
{
    m_gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Proposal"_s, daysAgo(1));
    SyncHarness sync(gmailConfig(m_gmail, 50));
    ASSERT_TRUE(sync.run().ok);
    QStringList expected;
    for (int i = 0; i < 130; ++i)
        expected.append(
            m_gmail.addInbound(u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re %1"_s.arg(i), u"ok"_s, daysAgo(0)));
    expected.sort();
    m_gmail.clearLog();
    const SyncRunResult result = sync.run();
    ASSERT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_EQ(sync.sourceIds(u"gmail"_s, u"reply_received"_s), expected);

    auto units = [](const FakeLogEntry& e) {
        if (e.path.endsWith(u"/history"_s))
            return 2;
        if (e.path.contains(u"/threads/"_s))
            return 10;
        if (e.path.endsWith(u"/profile"_s))
            return 1;
        return 5; // messages.list, messages.get
    };
    const QList<FakeLogEntry>& log = m_gmail.log();
    int worst = 0;
    for (qsizetype i = 0; i < log.size(); ++i) {
        int sum = 0;
        for (qsizetype j = i; j < log.size() && log[j].atMs - log[i].atMs < 1000; ++j)
            sum += units(log[j]);
        worst = std::max(worst, sum);
    }
    EXPECT_LE(worst, 250);
    EXPECT_GE(worst, 100); // the budget was used, not idled away (lenient: a loaded machine reads slower)
    EXPECT_EQ(m_gmail.statusCount(429), 0);
}
