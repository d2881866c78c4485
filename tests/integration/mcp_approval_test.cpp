// Safety of the MCP tools that would act outside CaseyOS, through the real processes: execute_move and
// create_email_draft with send only create approvals; nothing about the move changes; a rejected approval
// stays rejected and never runs; approving hands the call to the executor, which here refuses it (the move's
// action needs an account this home does not have) and the approval says why; a tool allowed permanently is
// approved at once and handed over the same way. approval_handoff_test.cpp shows an approved call sending
// for real against a fake Gmail.
#include "IntegrationSupport.h"
#include "McpProcess.h"
#include "TempHome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::test;

namespace {

class McpApprovalTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QByteArray data
            = taskLine(u"Send the renewal quote"_s, 0.8, 0.8, 0.2, 0.6, u"2030-01-15T10:00:00Z"_s, u"q1"_s);
        const CliRun run = runCli(home.path(), { u"ingest"_s, home.writeFile(u"seed.jsonl"_s, data) });
        ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
        DbProbe db(home.databasePath());
        moveId = db.count(u"SELECT id FROM moves"_s);
        ASSERT_GT(moveId, 0);
    }

    // Everything about the move that an execution would change.
    QString moveState()
    {
        DbProbe db(home.databasePath());
        return db
            .value(
                u"SELECT status || '|' || updated_at || '|' || ifnull(executed_at, 'null') || '|' || "
                "ifnull(completed_at, 'null') || '|' || (SELECT count(*) FROM move_events) FROM moves WHERE id = %1"_s
                    .arg(moveId))
            .toString();
    }

    QJsonObject executeThroughMcp()
    {
        McpProcess mcp(home.path());
        EXPECT_TRUE(mcp.start());
        mcp.initialize();
        const QJsonObject result = mcp.callTool(u"execute_move"_s, { { u"id"_s, moveId } });
        EXPECT_EQ(mcp.closeAndWait(), 0);
        EXPECT_FALSE(result.value(u"isError"_s).toBool()) << QJsonDocument(result).toJson().toStdString();
        return result;
    }

    TempHome home;
    qint64 moveId = 0;
};

TEST_F(McpApprovalTest, ExecuteMoveCreatesAPendingApprovalAndChangesNothing)
{
    const QString before = moveState();
    const QJsonObject result = executeThroughMcp();
    const QJsonObject data = result.value(u"structuredContent"_s).toObject();
    EXPECT_EQ(data.value(u"status"_s).toString(), u"awaiting_approval"_s);
    EXPECT_FALSE(data.value(u"executed"_s).toBool(true));
    const qint64 approvalId = data.value(u"approval"_s).toObject().value(u"id"_s).toInteger();
    ASSERT_GT(approvalId, 0);
    const QString text = result.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString();
    EXPECT_TRUE(text.contains(u"approval id %1"_s.arg(approvalId))) << text.toStdString();

    EXPECT_EQ(moveState(), before);
    DbProbe db(home.databasePath());
    EXPECT_EQ(
        db.value(u"SELECT status FROM approvals WHERE id = %1"_s.arg(approvalId)).toString(), u"pending"_s);
    EXPECT_EQ(db.value(u"SELECT tool FROM approvals WHERE id = %1"_s.arg(approvalId)).toString(),
        u"execute_move"_s);
    EXPECT_EQ(QJsonDocument::fromJson(
                  db.value(u"SELECT arguments FROM approvals WHERE id = %1"_s.arg(approvalId)).toByteArray())
                  .object(),
        (QJsonObject { { u"id"_s, moveId } }));
    // The app's notifications panel and tray see it.
    EXPECT_EQ(
        db.count(
            u"SELECT count(*) FROM notifications WHERE kind = 'approval_pending' AND dismissed_at IS NULL"_s),
        1);
    EXPECT_EQ(db.count(u"SELECT approval_id FROM mcp_calls WHERE tool = 'execute_move'"_s), approvalId);

    const CliRun pending
        = runCli(home.path(), { u"approvals"_s, u"list"_s, u"--status"_s, u"pending"_s, u"--json"_s });
    ASSERT_EQ(pending.exitCode, 0) << pending.errText().toStdString();
    ASSERT_EQ(pending.jsonArray().size(), 1);
    EXPECT_EQ(pending.jsonArray().first().toObject().value(u"id"_s).toInteger(), approvalId);
}

TEST_F(McpApprovalTest, ARejectedApprovalNeverRuns)
{
    const QString before = moveState();
    const qint64 approvalId = executeThroughMcp()
                                  .value(u"structuredContent"_s)
                                  .toObject()
                                  .value(u"approval"_s)
                                  .toObject()
                                  .value(u"id"_s)
                                  .toInteger();
    const CliRun rejected
        = runCli(home.path(), { u"approvals"_s, u"reject"_s, QString::number(approvalId), u"--json"_s });
    ASSERT_EQ(rejected.exitCode, 0) << rejected.errText().toStdString();
    EXPECT_EQ(rejected.json().value(u"status"_s).toString(), u"rejected"_s);
    // Once rejected, it cannot be approved any more.
    const CliRun approveLater
        = runCli(home.path(), { u"approvals"_s, u"approve"_s, QString::number(approvalId) });
    EXPECT_EQ(approveLater.exitCode, 1);
    EXPECT_TRUE(approveLater.errText().contains(u"already rejected"_s))
        << approveLater.errText().toStdString();

    McpProcess mcp(home.path());
    ASSERT_TRUE(mcp.start());
    mcp.initialize();
    const QJsonObject approval = mcp.callTool(u"get_approval"_s, { { u"id"_s, approvalId } })
                                     .value(u"structuredContent"_s)
                                     .toObject()
                                     .value(u"approval"_s)
                                     .toObject();
    EXPECT_EQ(approval.value(u"status"_s).toString(), u"rejected"_s);
    EXPECT_FALSE(approval.value(u"executed"_s).toBool(true));
    EXPECT_EQ(mcp.closeAndWait(), 0);

    EXPECT_EQ(moveState(), before);
    DbProbe db(home.databasePath());
    EXPECT_EQ(
        db.value(u"SELECT status FROM approvals WHERE id = %1"_s.arg(approvalId)).toString(), u"rejected"_s);
    EXPECT_TRUE(db.value(u"SELECT executed_at FROM approvals WHERE id = %1"_s.arg(approvalId)).isNull());
    EXPECT_EQ(
        db.count(
            u"SELECT count(*) FROM notifications WHERE kind = 'approval_pending' AND dismissed_at IS NULL"_s),
        0);
}

TEST_F(McpApprovalTest, ApprovingHandsTheCallToTheExecutorWhichSaysWhyItCannotRun)
{
    const QString before = moveState();
    const qint64 approvalId = executeThroughMcp()
                                  .value(u"structuredContent"_s)
                                  .toObject()
                                  .value(u"approval"_s)
                                  .toObject()
                                  .value(u"id"_s)
                                  .toInteger();
    const CliRun approved
        = runCli(home.path(), { u"approvals"_s, u"approve"_s, QString::number(approvalId), u"--json"_s });
    // Approved, but the task cannot run without a connected CRM account: exit 1 with the reason recorded.
    EXPECT_EQ(approved.exitCode, 1) << approved.errText().toStdString();
    EXPECT_EQ(approved.json().value(u"status"_s).toString(), u"approved"_s);
    EXPECT_EQ(approved.json().value(u"decided_by"_s).toString(), u"user"_s);
    EXPECT_FALSE(approved.json().value(u"executed"_s).toBool(true));
    EXPECT_TRUE(approved.json().value(u"decided_at"_s).isString());
    const QString handoff = approved.json().value(u"handoff"_s).toString();
    EXPECT_TRUE(handoff.startsWith(u"Not run: "_s)) << handoff.toStdString();
    EXPECT_TRUE(handoff.contains(u"HubSpot"_s) || handoff.contains(u"No connector"_s)) << handoff.toStdString();
    EXPECT_EQ(runCli(home.path(), { u"approvals"_s, u"reject"_s, QString::number(approvalId) }).exitCode, 1);
    EXPECT_EQ(moveState(), before);
    DbProbe db(home.databasePath());
    EXPECT_TRUE(db.value(u"SELECT executed_at FROM approvals WHERE id = %1"_s.arg(approvalId)).isNull());
    EXPECT_EQ(db.value(u"SELECT handoff FROM approvals WHERE id = %1"_s.arg(approvalId)).toString(), handoff);
    EXPECT_EQ(db.count(u"SELECT count(*) FROM executions"_s), 0);
}

TEST_F(McpApprovalTest, AToolAllowedPermanentlyIsApprovedAtOnceAndHandedToTheExecutor)
{
    McpProcess::allowTools(home.path(), { u"execute_move"_s, u"create_email_draft"_s });
    const QString before = moveState();
    const QJsonObject result = executeThroughMcp();
    const QJsonObject data = result.value(u"structuredContent"_s).toObject();
    EXPECT_EQ(data.value(u"status"_s).toString(), u"approved"_s);
    EXPECT_EQ(data.value(u"approval"_s).toObject().value(u"decided_by"_s).toString(), u"allowed_tool"_s);
    EXPECT_FALSE(data.value(u"executed"_s).toBool(true));
    // Handed over at once; the executor refused it (no CRM account here) and the client is told why.
    EXPECT_TRUE(data.value(u"message"_s).toString().contains(u"Not run: "_s))
        << data.value(u"message"_s).toString().toStdString();
    EXPECT_TRUE(data.value(u"approval"_s).toObject().value(u"handoff"_s).toString().startsWith(u"Not run: "_s));
    EXPECT_EQ(moveState(), before);
    DbProbe db(home.databasePath());
    EXPECT_EQ(db.count(u"SELECT count(*) FROM notifications WHERE kind = 'approval_pending'"_s), 0);
}

TEST_F(McpApprovalTest, EmailDraftsNeedApprovalOnlyToSend)
{
    McpProcess mcp(home.path());
    ASSERT_TRUE(mcp.start());
    mcp.initialize();
    const QJsonObject draftOnly = mcp.callTool(u"create_email_draft"_s,
                                         { { u"to"_s, u"dana@example.com"_s }, { u"subject"_s, u"Quote"_s },
                                             { u"body"_s, u"Hi Dana"_s } })
                                      .value(u"structuredContent"_s)
                                      .toObject();
    EXPECT_EQ(draftOnly.value(u"status"_s).toString(), u"draft_saved"_s);
    EXPECT_FALSE(draftOnly.contains(u"approval"_s));
    const QJsonObject toSend
        = mcp.callTool(u"create_email_draft"_s,
                 { { u"to"_s, u"dana@example.com"_s }, { u"subject"_s, u"Quote"_s },
                     { u"body"_s, u"Hi Dana"_s }, { u"send"_s, true }, { u"move_id"_s, moveId } })
              .value(u"structuredContent"_s)
              .toObject();
    EXPECT_EQ(toSend.value(u"status"_s).toString(), u"awaiting_approval"_s);
    EXPECT_FALSE(toSend.value(u"sent"_s).toBool(true));
    const qint64 approvalId = toSend.value(u"approval"_s).toObject().value(u"id"_s).toInteger();
    EXPECT_TRUE(mcp.callTool(u"create_email_draft"_s,
                       { { u"to"_s, u"nobody"_s }, { u"subject"_s, u"x"_s }, { u"body"_s, u"y"_s } })
                    .value(u"isError"_s)
                    .toBool());
    EXPECT_EQ(mcp.closeAndWait(), 0);
    DbProbe db(home.databasePath());
    EXPECT_EQ(db.count(u"SELECT count(*) FROM email_drafts"_s), 2);
    EXPECT_EQ(db.count(u"SELECT approval_id FROM email_drafts WHERE approval_id IS NOT NULL"_s), approvalId);
    EXPECT_EQ(
        db.value(u"SELECT status FROM approvals WHERE id = %1"_s.arg(approvalId)).toString(), u"pending"_s);
    EXPECT_EQ(db.count(u"SELECT count(*) FROM approvals"_s), 1);
}

} // namespace
