// Summaries of old Jarvis sessions (PRODUCT.md §6) on a real database: only sessions older than 7 days with at
// least 10 messages are summarised; the offline digest keeps the questions and the facts (addresses, amounts,
// dates, move numbers); the messages stay unless the retention setting allows deleting them; and a summary that
// fails — the summarizer, an empty answer, or the database while storing it — deletes nothing.
#include "FakeClock.h"
#include "TempHome.h"
#include "memory/MemoryStore.h"
#include "memory/SessionSummaries.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;
using caseyos::test::TempHome;

namespace {

class SessionSummariesTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }

    // A session of `messages` messages (user and assistant in turn), then two hours of silence so the next
    // message starts another session. Returns its id.
    qint64 conversation(int messages, const QString& topic)
    {
        qint64 session = 0;
        for (int i = 0; i < messages; ++i) {
            const QString text = i == 0 ? u"What should I do about %1?"_s.arg(topic)
                : i == 3 ? u"Dana at dana@acme.com asked for $12,500 by 2026-12-15. Move #42 covers it."_s
                         : u"Note %1 about %2."_s.arg(i).arg(topic);
            const Result<MemoryMessage> m = store.remember(i % 2 == 0 ? u"user"_s : u"assistant"_s, text);
            EXPECT_TRUE(m.ok()) << m.error().toStdString();
            session = m.value().sessionId;
            clock.advance(60);
        }
        clock.advance(2 * 3600);
        return session;
    }
    qint64 count(const QString& sql)
    {
        QSqlQuery q(db.sql());
        EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
        return q.value(0).toLongLong();
    }
    qint64 messagesOf(qint64 session)
    {
        return count(u"SELECT COUNT(*) FROM memory_messages WHERE session_id = %1"_s.arg(session));
    }
    SummaryReport run(const SessionSummarizer& summarizer, bool deleteMessages = false)
    {
        SummaryPolicy policy;
        policy.deleteSummarizedMessages = deleteMessages;
        return SessionSummaries(db, clock, store).run(policy, summarizer);
    }
    static SessionSummarizer offline()
    {
        return [](const MemorySession&, const QList<MemoryMessage>& messages) {
            return Result<SessionDigest>::success(offlineSessionDigest(messages));
        };
    }

    TempHome home;
    FakeClock clock;
    Database db;
    MemoryStore store { db, clock };
};

} // namespace

TEST_F(SessionSummariesTest, OnlyOldSessionsWithEnoughMessagesAreSummarisedAndTheirMessagesKept)
{
    const qint64 old = conversation(12, u"the Acme renewal"_s);
    const qint64 small = conversation(9, u"a small question"_s);
    clock.advance(8 * 24 * 3600);
    const qint64 recent = conversation(15, u"this week"_s);

    const SummaryReport report = run(offline());
    EXPECT_EQ(report.summarized, 1);
    EXPECT_EQ(report.failed, 0);
    EXPECT_EQ(report.messagesDeleted, 0);
    const MemorySession done = store.session(old).value();
    EXPECT_TRUE(done.summary.startsWith(u"12 messages"_s)) << done.summary.toStdString();
    EXPECT_TRUE(done.summary.contains(u"“What should I do about the Acme renewal?”"_s)) << done.summary.toStdString();
    EXPECT_EQ(done.keyFacts, QStringList { u"Dana at dana@acme.com asked for $12,500 by 2026-12-15."_s }
            + QStringList { u"Move #42 covers it."_s });
    EXPECT_EQ(messagesOf(old), 12); // kept: the retention setting is off by default
    EXPECT_TRUE(store.session(small).value().summary.isEmpty());
    EXPECT_TRUE(store.session(recent).value().summary.isEmpty());
    // Done once: a second pass finds nothing.
    EXPECT_EQ(run(offline()).summarized, 0);
}

TEST_F(SessionSummariesTest, TheRetentionSettingDeletesOnlyWhatASucceededSummaryCovers)
{
    const qint64 a = conversation(10, u"pricing"_s);
    const qint64 b = conversation(11, u"the Globex pilot"_s);
    clock.advance(8 * 24 * 3600);
    int calls = 0;
    const SummaryReport report = run(
        [&calls](const MemorySession& session, const QList<MemoryMessage>& messages) {
            ++calls;
            if (messages.first().content.contains(u"Globex"_s))
                return Result<SessionDigest>::failure(u"the model is unavailable"_s);
            return Result<SessionDigest>::success(SessionDigest { u"Session %1 digest"_s.arg(session.id), {} });
        },
        true);
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(report.summarized, 1);
    EXPECT_EQ(report.failed, 1);
    EXPECT_EQ(report.messagesDeleted, 10);
    ASSERT_EQ(report.errors.size(), 1);
    EXPECT_TRUE(report.errors.first().contains(u"messages are kept"_s)) << report.errors.first().toStdString();
    EXPECT_TRUE(report.errors.first().contains(u"the model is unavailable"_s));
    EXPECT_EQ(messagesOf(a), 0);
    EXPECT_EQ(store.session(a).value().summary, u"Session %1 digest"_s.arg(a));
    // The failed one: every message, its full-text entries, no summary; it is tried again next time.
    EXPECT_EQ(messagesOf(b), 11);
    EXPECT_TRUE(store.session(b).value().summary.isEmpty());
    EXPECT_EQ(store.searchLexical(u"Globex"_s, 20).value().size(), 10); // all but the one with the facts
    EXPECT_TRUE(store.searchLexical(u"pricing"_s, 20).value().isEmpty()); // deleted with its session's messages
    EXPECT_EQ(run(offline(), true).summarized, 1);
}

TEST_F(SessionSummariesTest, AnEmptySummaryOrAStorageFailureDeletesNothing)
{
    const qint64 session = conversation(10, u"the renewal"_s);
    clock.advance(8 * 24 * 3600);
    const SummaryReport empty = run(
        [](const MemorySession&, const QList<MemoryMessage>&) {
            return Result<SessionDigest>::success(SessionDigest { u"   "_s, {} });
        },
        true);
    EXPECT_EQ(empty.failed, 1);
    EXPECT_EQ(messagesOf(session), 10);

    // The database refuses the deletion half-way through the transaction: the stored summary goes too.
    QSqlQuery trigger(db.sql());
    ASSERT_TRUE(trigger.exec(u"CREATE TRIGGER refuse_delete BEFORE DELETE ON memory_messages BEGIN "
                             "SELECT RAISE(ABORT, 'disk I/O error'); END"_s))
        << trigger.lastError().text().toStdString();
    const SummaryReport refused = run(offline(), true);
    EXPECT_EQ(refused.failed, 1);
    EXPECT_EQ(refused.summarized, 0);
    ASSERT_EQ(refused.errors.size(), 1);
    EXPECT_TRUE(refused.errors.first().contains(u"disk I/O error"_s)) << refused.errors.first().toStdString();
    EXPECT_EQ(messagesOf(session), 10);
    EXPECT_TRUE(store.session(session).value().summary.isEmpty());
    EXPECT_EQ(count(u"SELECT COUNT(*) FROM memory_sessions WHERE summarized_at IS NOT NULL"_s), 0);
    EXPECT_EQ(store.searchLexical(u"renewal"_s, 20).value().size(), 9); // all but the one with the facts
}
