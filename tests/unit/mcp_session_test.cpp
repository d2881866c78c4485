// The MCP pieces in-process: the schema check the tools' inputs go through, the session's lifecycle and
// errors on a real SQLite file with a fake clock, and ApprovalService's one-way decisions.
#include "FakeClock.h"
#include "TempHome.h"
#include "mcp/ApprovalService.h"
#include "mcp/McpClientConfig.h"
#include "mcp/McpSession.h"
#include "mcp/McpSettings.h"
#include "mcp/SchemaCheck.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::mcp;
using namespace caseyos::test;

namespace {

QJsonObject schema()
{
    return QJsonDocument::fromJson(R"({"type":"object","additionalProperties":false,"required":["id"],
        "properties":{"id":{"type":"integer","minimum":1},"tag":{"type":"string","maxLength":3,"enum":["a","bb"]},
        "n":{"type":"number","maximum":1},"list":{"type":"array","maxItems":2,"items":{"type":"integer"}}}})")
        .object();
}

QString check(const char* json)
{
    return checkAgainstSchema(QJsonDocument::fromJson(json).object(), schema(), u"arguments"_s);
}

TEST(McpSchemaCheck, AcceptsWhatTheSchemaAllows)
{
    EXPECT_EQ(check(R"({"id":1})"), QString());
    EXPECT_EQ(check(R"({"id":7,"tag":"bb","n":0.5,"list":[1,2]})"), QString());
}

TEST(McpSchemaCheck, NamesThePathAndTheProblem)
{
    EXPECT_EQ(check(R"({})"), u"arguments: missing required property \"id\""_s);
    EXPECT_EQ(check(R"({"id":"1"})"), u"arguments.id: expected integer, got string"_s);
    EXPECT_EQ(check(R"({"id":1.5})"), u"arguments.id: expected integer, got number"_s);
    EXPECT_EQ(check(R"({"id":0})"), u"arguments.id: must be at least 1"_s);
    EXPECT_EQ(check(R"({"id":1,"tag":"c"})"), u"arguments.tag: must be one of a, bb"_s);
    EXPECT_EQ(check(R"({"id":1,"n":2})"), u"arguments.n: must be at most 1"_s);
    EXPECT_EQ(check(R"({"id":1,"list":[1,"x"]})"), u"arguments.list[1]: expected integer, got string"_s);
    EXPECT_EQ(check(R"({"id":1,"list":[1,2,3]})"), u"arguments.list: must have at most 2 items"_s);
    EXPECT_TRUE(check(R"({"id":1,"extra":true})").startsWith(u"arguments: unknown property \"extra\""_s));
}

class McpSessionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }
    QJsonObject send(const QByteArray& line)
    {
        return QJsonDocument::fromJson(session.handleLine(line)).object();
    }
    int code(const QJsonObject& response)
    {
        return response.value(u"error"_s).toObject().value(u"code"_s).toInt();
    }
    QJsonObject initialize(const char* version)
    {
        return send(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":")"
            + QByteArray(version) + R"(","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})");
    }

    TempHome home;
    Database db;
    FakeClock clock;
    McpSession session { db, clock, {} };
};

TEST_F(McpSessionTest, NegotiatesTheVersion)
{
    EXPECT_EQ(initialize("2025-03-26").value(u"result"_s).toObject().value(u"protocolVersion"_s).toString(),
        u"2025-03-26"_s);
    EXPECT_EQ(session.protocolVersion(), u"2025-03-26"_s);
    EXPECT_TRUE(session.isInitialized());
}

TEST_F(McpSessionTest, AnswersErrorsWithTheRightCodesAndIds)
{
    EXPECT_EQ(code(send(R"({"jsonrpc":"2.0","id":"a","method":"tools/list"})")), -32600);
    initialize("2025-06-18");
    EXPECT_EQ(code(send("{")), -32700);
    EXPECT_EQ(code(send("42")), -32600);
    EXPECT_EQ(code(send("[]")), -32600);
    const QJsonObject unknown = send(R"({"jsonrpc":"2.0","id":"x-1","method":"nope"})");
    EXPECT_EQ(code(unknown), -32601);
    EXPECT_EQ(unknown.value(u"id"_s).toString(), u"x-1"_s);
    EXPECT_EQ(
        code(send(
            R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_move","arguments":{}}})")),
        -32602);
    EXPECT_TRUE(
        session.handleLine(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":2}})")
            .isEmpty());
    EXPECT_TRUE(session.handleLine(QByteArray(kMaxMessageBytes + 1, ' ')).contains("-32600"));
}

TEST_F(McpSessionTest, ExecuteMoveOnAnUnknownMoveIsAToolError)
{
    initialize("2025-06-18");
    const QJsonObject result = send(
        R"({"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"execute_move","arguments":{"id":42}}})")
                                   .value(u"result"_s)
                                   .toObject();
    EXPECT_TRUE(result.value(u"isError"_s).toBool());
    EXPECT_FALSE(result.contains(u"structuredContent"_s));
    ASSERT_TRUE(ApprovalService(db, clock).list());
    EXPECT_TRUE(ApprovalService(db, clock).list().value().isEmpty());
}

TEST_F(McpSessionTest, ApprovalDecisionsAreFinalAndSecretsAreRedacted)
{
    ApprovalService approvals(db, clock);
    const Result<Approval> created = approvals.request(
        u"execute_move"_s, { { u"id"_s, 1 }, { u"api_token"_s, u"s3cret"_s } }, u"Execute move 1"_s, false);
    ASSERT_TRUE(created) << created.error().toStdString();
    EXPECT_EQ(created.value().status, u"pending"_s);
    EXPECT_EQ(created.value().arguments.value(u"api_token"_s).toString(), u"[redacted]"_s);
    clock.advance(60);
    const Result<Approval> rejected = approvals.reject(created.value().id);
    ASSERT_TRUE(rejected);
    EXPECT_EQ(rejected.value().status, u"rejected"_s);
    EXPECT_EQ(rejected.value().decidedAt, clock.now());
    EXPECT_FALSE(approvals.approve(created.value().id));
    EXPECT_EQ(approvals.find(created.value().id).value().status, u"rejected"_s);
    EXPECT_FALSE(approvals.reject(999));
    const Result<Approval> allowed = approvals.request(u"execute_move"_s, {}, u"Execute move 2"_s, true);
    EXPECT_EQ(allowed.value().status, u"approved"_s);
    EXPECT_EQ(allowed.value().decidedBy, u"allowed_tool"_s);
    EXPECT_EQ(approvals.list(u"pending"_s).value().size(), 0);
    EXPECT_EQ(approvals.list().value().size(), 2);
}

} // namespace

// Settings ▸ MCP removes only the tools the user took off the list.
TEST(McpSettings, DisallowRemovesOnlyThatTool)
{
    test::TempHome home;
    QSettings settings(home.file(u"s.ini"_s), QSettings::IniFormat);
    allowMcpTool(settings, u"execute_move"_s);
    allowMcpTool(settings, u"get_approval"_s);
    disallowMcpTool(settings, u"execute_move"_s);
    EXPECT_EQ(allowedMcpTools(settings), QStringList { u"get_approval"_s });
    disallowMcpTool(settings, u"not_there"_s);
    EXPECT_EQ(allowedMcpTools(settings), QStringList { u"get_approval"_s });
    disallowMcpTool(settings, u"get_approval"_s);
    EXPECT_TRUE(allowedMcpTools(settings).isEmpty());
    EXPECT_FALSE(settings.contains(u"mcp/allowedTools"_s)); // no empty entry left behind
}

// The snippet `caseyos mcp --print-config` prints and the settings dialog copies.
TEST(McpClientConfig, NamesTheProgramTheHomeAndTheDemo)
{
    const QJsonObject server
        = QJsonDocument::fromJson(mcpClientConfig(u"/usr/bin/caseyos"_s, u"/data/c"_s, true))
              .object()
              .value(u"mcpServers"_s)
              .toObject()
              .value(u"caseyos"_s)
              .toObject();
    EXPECT_EQ(server.value(u"command"_s).toString(), u"/usr/bin/caseyos"_s);
    EXPECT_EQ(
        server.value(u"args"_s).toArray(), (QJsonArray { u"mcp"_s, u"--home"_s, u"/data/c"_s, u"--demo"_s }));
    EXPECT_FALSE(mcpClientConfig(u"caseyos"_s, u"/data/c"_s, false).contains("--demo"));
}
