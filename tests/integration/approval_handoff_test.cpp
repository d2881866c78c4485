// MCP approvals reaching the executor (PRODUCT.md §8): execute_move through an MCP session creates a pending
// approval and nothing reaches Gmail (a real HTTP fake) until the user approves it through the app's services
// (ApprovalService + the hand-over the app's ExecutionWorker runs); then the email leaves exactly once and the
// approval shows what became of it. A rejected approval never sends, however often the hand-over runs; a tool
// the user allowed permanently runs at once; an approval the executor refuses says why.
#include "FakeGmail.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "core/Clock.h"
#include "execution/ApprovedCalls.h"
#include "execution/ExecutionRepository.h"
#include "execution/ExecutionSettings.h"
#include "execution/Executor.h"
#include "execution/GmailPerformers.h"
#include "mcp/ApprovalService.h"
#include "mcp/McpSession.h"
#include "moves/MoveService.h"
#include "net/HttpClient.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

class ApprovalHandoff : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(gmail.listen());
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
        ASSERT_TRUE(ExecutionSettings(db).setUndoWindowMs(200, QDateTime::currentDateTimeUtc()));
        addGmailPerformers(registry, http,
            ClientConfig { gmail.baseUrl(), fixedToken(u"test-token"_s), u"google:test"_s, 5000 });
        executor = std::make_unique<Executor>(db, SystemClock::instance(), registry);
        executor->start();
        Move move;
        move.title = u"Follow up with Ann about the renewal"_s;
        move.actionType = u"email_follow_up"_s;
        move.contactEmail = u"ann@acme.com"_s;
        move.contactName = u"Ann Lee"_s;
        const Result<Move> made = MoveService(db, SystemClock::instance()).create(move, {});
        ASSERT_TRUE(made.ok()) << made.error().toStdString();
        moveId = made.value().id;
    }

    // One tools/call through an MCP session on the same database, as `caseyos mcp` runs it.
    QJsonObject callTool(mcp::McpSession& session, const QString& name, const QJsonObject& arguments)
    {
        if (!session.isInitialized()) {
            session.handleLine(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":)"
                               R"("2025-06-18","capabilities":{},"clientInfo":{"name":"handoff-test","version":"1"}}})");
            session.handleLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
        }
        const QJsonObject call { { u"jsonrpc"_s, u"2.0"_s }, { u"id"_s, ++m_callId }, { u"method"_s, u"tools/call"_s },
            { u"params"_s, QJsonObject { { u"name"_s, name }, { u"arguments"_s, arguments } } } };
        const QJsonObject reply
            = QJsonDocument::fromJson(session.handleLine(QJsonDocument(call).toJson(QJsonDocument::Compact)))
                  .object();
        const QJsonObject result = reply.value(u"result"_s).toObject();
        EXPECT_FALSE(result.value(u"isError"_s).toBool()) << QJsonDocument(reply).toJson().toStdString();
        return result.value(u"structuredContent"_s).toObject();
    }
    qint64 executeThroughMcp()
    {
        mcp::McpSession session(db, SystemClock::instance(), {});
        const QJsonObject data = callTool(session, u"execute_move"_s, { { u"id"_s, moveId } });
        EXPECT_EQ(data.value(u"status"_s).toString(), u"awaiting_approval"_s);
        return data.value(u"approval"_s).toObject().value(u"id"_s).toInteger();
    }
    HandoffReport handOver() { return handOverApproved(db, SystemClock::instance(), *executor); }
    Approval approval(qint64 id) { return ApprovalService(db, SystemClock::instance()).find(id).value(); }
    int executions()
    {
        QSqlQuery q(db.sql());
        q.exec(u"SELECT COUNT(*) FROM executions"_s);
        return q.next() ? q.value(0).toInt() : -1;
    }

    TempHome home;
    FakeGmail gmail { u"casey@example.com"_s };
    Database db;
    HttpClient http { SystemClock::instance() };
    PerformerRegistry registry;
    std::unique_ptr<Executor> executor;
    qint64 moveId = 0;

private:
    int m_callId = 1;
};

} // namespace

TEST_F(ApprovalHandoff, NothingIsSentUntilTheUserApprovesThenItLeavesOnce)
{
    const qint64 approvalId = executeThroughMcp();
    ASSERT_GT(approvalId, 0);
    // Pending: the hand-over (run by the app on every change) leaves it alone.
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(handOver().handedOver, 0);
    QTest::qWait(400); // longer than the undo window
    EXPECT_EQ(gmail.requestCount(u"/messages/send"_s), 0);
    EXPECT_EQ(executions(), 0);

    // Approved through the app's services API: handed over, queued for the undo window, then sent.
    ASSERT_TRUE(ApprovalService(db, SystemClock::instance()).approve(approvalId).ok());
    const HandoffReport report = handOver();
    ASSERT_TRUE(report.error.isEmpty()) << report.error.toStdString();
    ASSERT_EQ(report.handedOver, 1);
    const Approval handed = approval(approvalId);
    ASSERT_GT(handed.executionId, 0);
    EXPECT_TRUE(handed.handoff.contains(u"Execution %1 queued"_s.arg(handed.executionId)))
        << handed.handoff.toStdString();
    ASSERT_TRUE(waitFor([&] { return approval(approvalId).executedAt.isValid(); }, 5000));
    ASSERT_EQ(gmail.sentCount(), 1);
    EXPECT_EQ(gmail.sentMessages().first().to, u"ann@acme.com"_s);
    const std::optional<ExecutionRecord> row = ExecutionRepository(db).find(handed.executionId);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->state, ExecutionState::Succeeded);
    EXPECT_EQ(row->approvalId, approvalId);
    EXPECT_EQ(row->moveId, moveId);

    // Later passes (another process, a restart) never send it again.
    EXPECT_EQ(handOver().handedOver, 0);
    QTest::qWait(400);
    EXPECT_EQ(gmail.sentCount(), 1);
    EXPECT_EQ(gmail.requestCount(u"/messages/send"_s), 1);

    // get_approval tells the MCP client what became of it.
    mcp::McpSession session(db, SystemClock::instance(), {});
    const QJsonObject seen
        = callTool(session, u"get_approval"_s, { { u"id"_s, approvalId } }).value(u"approval"_s).toObject();
    EXPECT_TRUE(seen.value(u"executed"_s).toBool());
    EXPECT_EQ(seen.value(u"execution_id"_s).toInteger(), handed.executionId);
}

TEST_F(ApprovalHandoff, ARejectedApprovalNeverSends)
{
    const qint64 approvalId = executeThroughMcp();
    ASSERT_TRUE(ApprovalService(db, SystemClock::instance()).reject(approvalId).ok());
    for (int i = 0; i < 3; ++i) {
        const HandoffReport report = handOver();
        EXPECT_EQ(report.handedOver + report.refused, 0);
    }
    executor = std::make_unique<Executor>(db, SystemClock::instance(), registry); // a restart
    executor->start();
    EXPECT_EQ(handOver().handedOver, 0);
    QTest::qWait(400);
    EXPECT_EQ(gmail.requestCount(u"/messages/send"_s), 0);
    EXPECT_EQ(executions(), 0);
    const Approval after = approval(approvalId);
    EXPECT_EQ(after.status, u"rejected"_s);
    EXPECT_TRUE(after.handoff.isEmpty());
    EXPECT_FALSE(after.executedAt.isValid());
}

TEST_F(ApprovalHandoff, AToolAllowedPermanentlyRunsAtOnce)
{
    mcp::McpSession session(db, SystemClock::instance(), { u"create_email_draft"_s });
    session.setApprovedCallRunner([this] { handOver(); });
    const QJsonObject data = callTool(session, u"create_email_draft"_s,
        { { u"to"_s, u"bo@beta.io"_s }, { u"subject"_s, u"Pricing"_s },
            { u"body"_s, u"Hi Bo, the prices. Reply unsubscribe to stop."_s }, { u"send"_s, true } });
    EXPECT_EQ(data.value(u"status"_s).toString(), u"approved"_s);
    const QJsonObject stored = data.value(u"approval"_s).toObject();
    EXPECT_EQ(stored.value(u"decided_by"_s).toString(), u"allowed_tool"_s);
    EXPECT_GT(stored.value(u"execution_id"_s).toInteger(), 0);
    EXPECT_TRUE(data.value(u"message"_s).toString().contains(u"queued"_s))
        << data.value(u"message"_s).toString().toStdString();
    ASSERT_TRUE(waitFor([&] { return gmail.sentCount() == 1; }, 5000));
    EXPECT_EQ(gmail.sentMessages().first().to, u"bo@beta.io"_s);
    EXPECT_EQ(gmail.sentMessages().first().subject, u"Pricing"_s);
}

TEST_F(ApprovalHandoff, ABlockedCallIsRecordedWithTheReasonAndNotRetried)
{
    const qint64 approvalId = executeThroughMcp();
    QString error;
    ASSERT_TRUE(executor->setKillSwitch(true, &error)) << error.toStdString();
    ASSERT_TRUE(ApprovalService(db, SystemClock::instance()).approve(approvalId).ok());
    const HandoffReport report = handOver();
    EXPECT_EQ(report.refused, 1);
    const Approval after = approval(approvalId);
    EXPECT_TRUE(after.handoff.startsWith(u"Not run: "_s)) << after.handoff.toStdString();
    EXPECT_TRUE(after.handoff.contains(u"kill switch"_s, Qt::CaseInsensitive)) << after.handoff.toStdString();
    EXPECT_EQ(after.executionId, 0);
    // Turning the switch off later does not send what the user saw refused.
    ASSERT_TRUE(executor->setKillSwitch(false, &error));
    EXPECT_EQ(handOver().handedOver, 0);
    QTest::qWait(400);
    EXPECT_EQ(gmail.requestCount(u"/messages/send"_s), 0);
}
