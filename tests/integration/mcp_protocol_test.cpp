// `caseyos mcp` through the real binary: lifecycle and version negotiation, every tool, resources, prompts
// and the JSON-RPC error codes, on a real SQLite database seeded through `caseyos ingest`.
#include "IntegrationSupport.h"
#include "McpProcess.h"
#include "TempHome.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::test;

namespace {

const QString kDue = u"2030-01-15T10:00:00Z"_s;

class McpProtocolTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QByteArray data = taskLine(u"Send the Kestrel contract"_s, 0.9, 0.9, 0.1, 0.8, kDue, u"t1"_s);
        data += taskLine(u"Update CRM notes"_s, 0.2, 0.3, 0.5, 0.2, kDue, u"t2"_s);
        data += formLine(u"ada@lovelace.io"_s, u"f1"_s);
        const CliRun run = runCli(home.path(), { u"ingest"_s, home.writeFile(u"seed.jsonl"_s, data) });
        ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
        ASSERT_TRUE(mcp.start());
    }

    QJsonObject structured(const QString& tool, const QJsonObject& arguments = {})
    {
        const QJsonObject result = mcp.callTool(tool, arguments);
        EXPECT_FALSE(result.value(u"isError"_s).toBool())
            << tool.toStdString() << ": " << QJsonDocument(result).toJson().toStdString();
        return result.value(u"structuredContent"_s).toObject();
    }

    qint64 moveIdByTitle(const QString& title)
    {
        const QJsonArray moves
            = structured(u"list_todays_moves"_s, { { u"limit"_s, 50 } }).value(u"moves"_s).toArray();
        for (const QJsonValue& m : moves)
            if (m.toObject().value(u"title"_s).toString() == title)
                return m.toObject().value(u"id"_s).toInteger();
        return 0;
    }

    int errorCode(const QJsonObject& response)
    {
        return response.value(u"error"_s).toObject().value(u"code"_s).toInt();
    }

    TempHome home;
    McpProcess mcp { home.path() };
};

TEST_F(McpProtocolTest, InitializeAnswersWithTheClientsVersionWhenSupported)
{
    const QJsonObject result = mcp.initialize(u"2025-03-26"_s).value(u"result"_s).toObject();
    EXPECT_EQ(result.value(u"protocolVersion"_s).toString(), u"2025-03-26"_s);
    EXPECT_EQ(result.value(u"serverInfo"_s).toObject().value(u"name"_s).toString(), u"caseyos"_s);
    const QJsonObject capabilities = result.value(u"capabilities"_s).toObject();
    EXPECT_TRUE(capabilities.contains(u"tools"_s));
    EXPECT_TRUE(capabilities.contains(u"resources"_s));
    EXPECT_TRUE(capabilities.contains(u"prompts"_s));
    // 2025-03-26 has no outputSchema / structuredContent: the server leaves them out.
    const QJsonArray tools
        = mcp.request(u"tools/list"_s).value(u"result"_s).toObject().value(u"tools"_s).toArray();
    ASSERT_FALSE(tools.isEmpty());
    EXPECT_FALSE(tools.first().toObject().contains(u"outputSchema"_s));
    const QJsonObject call = mcp.callTool(u"list_todays_moves"_s);
    EXPECT_FALSE(call.contains(u"structuredContent"_s));
    EXPECT_EQ(QJsonDocument::fromJson(
                  call.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString().toUtf8())
                  .object()
                  .value(u"count"_s)
                  .toInt(),
        3);
    EXPECT_EQ(mcp.closeAndWait(), 0);
}

TEST_F(McpProtocolTest, InitializeAnswersWithTheLatestVersionForAnUnknownOne)
{
    EXPECT_EQ(
        mcp.initialize(u"2099-01-01"_s).value(u"result"_s).toObject().value(u"protocolVersion"_s).toString(),
        u"2025-06-18"_s);
    // A second initialize is refused.
    EXPECT_EQ(errorCode(mcp.initialize()), -32600);
}

TEST_F(McpProtocolTest, RequestsBeforeInitializeGetAnErrorButPingWorks)
{
    const QJsonObject early = mcp.request(u"tools/list"_s);
    EXPECT_EQ(errorCode(early), -32600);
    EXPECT_EQ(early.value(u"id"_s).toInteger(), mcp.lastId());
    EXPECT_TRUE(mcp.request(u"ping"_s).value(u"result"_s).isObject());
    EXPECT_EQ(errorCode(mcp.request(u"initialize"_s, { { u"protocolVersion"_s, 20250618 } })), -32602);
    EXPECT_TRUE(mcp.initialize().contains(u"result"_s));
    EXPECT_TRUE(mcp.request(u"tools/list"_s).contains(u"result"_s));
}

TEST_F(McpProtocolTest, ToolsListDeclaresEveryToolWithSchemasAndAnnotations)
{
    mcp.initialize();
    const QJsonArray tools
        = mcp.request(u"tools/list"_s).value(u"result"_s).toObject().value(u"tools"_s).toArray();
    const QSet<QString> expected { u"list_todays_moves"_s, u"get_move"_s, u"accept_move"_s, u"dismiss_move"_s,
        u"snooze_move"_s, u"execute_move"_s, u"record_outcome"_s, u"search_contacts"_s, u"search_signals"_s,
        u"whats_up"_s, u"outcome_stats"_s, u"create_email_draft"_s, u"schedule_follow_up"_s,
        u"get_approval"_s };
    QSet<QString> names;
    const QSet<QString> readOnly { u"list_todays_moves"_s, u"get_move"_s, u"search_contacts"_s,
        u"search_signals"_s, u"whats_up"_s, u"outcome_stats"_s, u"get_approval"_s };
    for (const QJsonValue& value : tools) {
        const QJsonObject tool = value.toObject();
        const QString name = tool.value(u"name"_s).toString();
        names.insert(name);
        EXPECT_EQ(tool.value(u"inputSchema"_s).toObject().value(u"type"_s).toString(), u"object"_s)
            << name.toStdString();
        EXPECT_EQ(tool.value(u"outputSchema"_s).toObject().value(u"type"_s).toString(), u"object"_s)
            << name.toStdString();
        const QJsonObject annotations = tool.value(u"annotations"_s).toObject();
        for (const QString& hint :
            { u"readOnlyHint"_s, u"destructiveHint"_s, u"idempotentHint"_s, u"openWorldHint"_s })
            EXPECT_TRUE(annotations.value(hint).isBool()) << name.toStdString() << " " << hint.toStdString();
        EXPECT_EQ(annotations.value(u"readOnlyHint"_s).toBool(), readOnly.contains(name))
            << name.toStdString();
        EXPECT_FALSE(tool.value(u"description"_s).toString().isEmpty());
    }
    EXPECT_EQ(names, expected);
    for (const QJsonValue& value : tools)
        if (value.toObject().value(u"name"_s).toString() == u"execute_move"_s) {
            EXPECT_TRUE(
                value.toObject().value(u"annotations"_s).toObject().value(u"destructiveHint"_s).toBool());
            EXPECT_TRUE(
                value.toObject().value(u"annotations"_s).toObject().value(u"openWorldHint"_s).toBool());
        }
}

TEST_F(McpProtocolTest, ListTodaysMovesReturnsTheRankedMovesAsStructuredAndTextContent)
{
    mcp.initialize();
    const QJsonObject result = mcp.callTool(u"list_todays_moves"_s, { { u"limit"_s, 2 } });
    const QJsonObject data = result.value(u"structuredContent"_s).toObject();
    const QJsonArray moves = data.value(u"moves"_s).toArray();
    ASSERT_EQ(moves.size(), 2);
    EXPECT_EQ(data.value(u"count"_s).toInt(), 2);
    EXPECT_EQ(moves.at(0).toObject().value(u"title"_s).toString(), u"Send the Kestrel contract"_s);
    EXPECT_DOUBLE_EQ(moves.at(0).toObject().value(u"aps"_s).toDouble(), expectedAps(0.9, 0.9, 0.1, 0.8));
    EXPECT_GE(
        moves.at(0).toObject().value(u"aps"_s).toDouble(), moves.at(1).toObject().value(u"aps"_s).toDouble());
    const QString text = result.value(u"content"_s).toArray().first().toObject().value(u"text"_s).toString();
    EXPECT_EQ(QJsonDocument::fromJson(text.toUtf8()).object(), data);
}

TEST_F(McpProtocolTest, MoveToolsChangeTheDatabaseThroughMoveService)
{
    mcp.initialize();
    const qint64 contract = moveIdByTitle(u"Send the Kestrel contract"_s);
    const qint64 notes = moveIdByTitle(u"Update CRM notes"_s);
    ASSERT_GT(contract, 0);
    ASSERT_GT(notes, 0);
    const QJsonObject move = structured(u"get_move"_s, { { u"id"_s, contract } }).value(u"move"_s).toObject();
    EXPECT_EQ(move.value(u"id"_s).toInteger(), contract);
    EXPECT_FALSE(move.value(u"history"_s).toArray().isEmpty());

    EXPECT_EQ(structured(u"accept_move"_s, { { u"id"_s, contract } })
                  .value(u"move"_s)
                  .toObject()
                  .value(u"status"_s)
                  .toString(),
        u"completed"_s);
    EXPECT_EQ(structured(u"dismiss_move"_s, { { u"id"_s, notes }, { u"reason"_s, u"not needed"_s } })
                  .value(u"move"_s)
                  .toObject()
                  .value(u"dismiss_reason"_s)
                  .toString(),
        u"not needed"_s);
    const qint64 lead = moveIdByTitle(structured(u"list_todays_moves"_s)
                                          .value(u"moves"_s)
                                          .toArray()
                                          .first()
                                          .toObject()
                                          .value(u"title"_s)
                                          .toString());
    EXPECT_EQ(structured(u"snooze_move"_s, { { u"id"_s, lead }, { u"until"_s, u"2031-03-01T09:00:00Z"_s } })
                  .value(u"move"_s)
                  .toObject()
                  .value(u"status"_s)
                  .toString(),
        u"snoozed"_s);
    EXPECT_EQ(mcp.closeAndWait(), 0);

    DbProbe db(home.databasePath());
    EXPECT_EQ(db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(contract)).toString(), u"completed"_s);
    EXPECT_EQ(db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(notes)).toString(), u"dismissed"_s);
    EXPECT_EQ(db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(lead)).toString(), u"snoozed"_s);
    EXPECT_EQ(db.count(u"SELECT snoozed_until FROM moves WHERE id = %1"_s.arg(lead)),
        QDateTime::fromString(u"2031-03-01T09:00:00Z"_s, Qt::ISODate).toMSecsSinceEpoch());
    // Every tools/call is in the call log.
    EXPECT_EQ(db.count(u"SELECT count(*) FROM mcp_calls"_s), 8);
    EXPECT_EQ(db.count(u"SELECT count(*) FROM mcp_calls WHERE tool = 'accept_move' AND is_error = 0"_s), 1);
}

TEST_F(McpProtocolTest, ScheduleFollowUpCreatesAManualMove)
{
    mcp.initialize();
    const QJsonObject move = structured(u"schedule_follow_up"_s,
        { { u"title"_s, u"Call Ada about the pilot"_s }, { u"due"_s, u"2030-02-01T15:00:00Z"_s },
            { u"contact_email"_s, u"ada@lovelace.io"_s } })
                                 .value(u"move"_s)
                                 .toObject();
    EXPECT_EQ(move.value(u"status"_s).toString(), u"pending"_s);
    EXPECT_EQ(move.value(u"due_by"_s).toString(), u"2030-02-01T15:00:00.000Z"_s);
    EXPECT_TRUE(move.value(u"signal"_s).isNull());
    mcp.closeAndWait();
    DbProbe db(home.databasePath());
    EXPECT_EQ(
        db.value(u"SELECT source FROM moves WHERE id = %1"_s.arg(move.value(u"id"_s).toInteger())).toString(),
        u"manual"_s);
    EXPECT_EQ(db.count(u"SELECT count(*) FROM moves"_s), 4);
}

TEST_F(McpProtocolTest, RecordOutcomeFeedsOutcomeStats)
{
    mcp.initialize();
    const qint64 lead = moveIdByTitle(structured(u"list_todays_moves"_s)
                                          .value(u"moves"_s)
                                          .toArray()
                                          .last()
                                          .toObject()
                                          .value(u"title"_s)
                                          .toString());
    EXPECT_EQ(structured(u"outcome_stats"_s).value(u"total"_s).toInt(), 0);
    const QJsonObject recorded
        = structured(u"record_outcome"_s, { { u"type"_s, u"meeting_booked"_s }, { u"move_id"_s, lead } });
    EXPECT_EQ(recorded.value(u"outcome"_s).toObject().value(u"type"_s).toString(), u"meeting_booked"_s);
    EXPECT_DOUBLE_EQ(recorded.value(u"outcome"_s).toObject().value(u"impact"_s).toDouble(), 10.0);
    const QJsonObject stats = structured(u"outcome_stats"_s, { { u"days"_s, 7 } });
    EXPECT_EQ(stats.value(u"total"_s).toInt(), 1);
    EXPECT_EQ(stats.value(u"days"_s).toInt(), 7);
    EXPECT_TRUE(mcp.callTool(u"record_outcome"_s, { { u"type"_s, u"email_replied"_s } })
                    .value(u"isError"_s)
                    .toBool());
}

TEST_F(McpProtocolTest, SearchesFindContactsAndSignals)
{
    mcp.initialize();
    const QJsonObject contacts = structured(u"search_contacts"_s, { { u"query"_s, u"LOVELACE"_s } });
    ASSERT_EQ(contacts.value(u"count"_s).toInt(), 1);
    EXPECT_EQ(contacts.value(u"contacts"_s).toArray().first().toObject().value(u"email"_s).toString(),
        u"ada@lovelace.io"_s);
    EXPECT_EQ(
        structured(u"search_contacts"_s, { { u"query"_s, u"100%_\\"_s } }).value(u"count"_s).toInt(), 0);
    const QJsonObject signalHits = structured(u"search_signals"_s, { { u"query"_s, u"Kestrel"_s } });
    ASSERT_EQ(signalHits.value(u"count"_s).toInt(), 1);
    EXPECT_EQ(signalHits.value(u"signals"_s).toArray().first().toObject().value(u"source"_s).toString(),
        u"manual"_s);
    EXPECT_EQ(structured(u"search_signals"_s, { { u"query"_s, u"Kestrel"_s }, { u"source"_s, u"form"_s } })
                  .value(u"count"_s)
                  .toInt(),
        0);
    EXPECT_EQ(
        structured(u"search_signals"_s, { { u"query"_s, u"task_created"_s } }).value(u"count"_s).toInt(), 2);
}

TEST_F(McpProtocolTest, WhatsUpSumsUpUnreadNotifications)
{
    mcp.initialize();
    const QJsonObject before = structured(u"whats_up"_s);
    EXPECT_TRUE(before.value(u"headline"_s).isString());
    const int highBefore = before.value(u"counts"_s).toObject().value(u"high"_s).toInt();
    structured(u"execute_move"_s, { { u"id"_s, moveIdByTitle(u"Update CRM notes"_s) } });
    const QJsonObject after = structured(u"whats_up"_s);
    EXPECT_EQ(after.value(u"counts"_s).toObject().value(u"high"_s).toInt(), highBefore + 1);
    EXPECT_TRUE(after.value(u"headline"_s).toString().contains(u"Approval"_s))
        << after.value(u"headline"_s).toString().toStdString();
}

TEST_F(McpProtocolTest, BadInputGetsTheSpecsErrorCodes)
{
    mcp.initialize();
    auto call = [&](const QJsonObject& params) { return mcp.request(u"tools/call"_s, params); };
    EXPECT_EQ(errorCode(call({ { u"name"_s, u"launch_rockets"_s } })), -32602);
    const QJsonObject missing = call({ { u"name"_s, u"get_move"_s }, { u"arguments"_s, QJsonObject {} } });
    EXPECT_EQ(errorCode(missing), -32602);
    EXPECT_TRUE(missing.value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"\"id\""_s));
    const QJsonObject wrongType
        = call({ { u"name"_s, u"get_move"_s }, { u"arguments"_s, QJsonObject { { u"id"_s, u"7"_s } } } });
    EXPECT_EQ(errorCode(wrongType), -32602);
    EXPECT_TRUE(wrongType.value(u"error"_s)
                    .toObject()
                    .value(u"message"_s)
                    .toString()
                    .contains(u"arguments.id: expected integer, got string"_s));
    EXPECT_EQ(errorCode(call(
                  { { u"name"_s, u"get_move"_s }, { u"arguments"_s, QJsonObject { { u"id"_s, 1.5 } } } })),
        -32602);
    EXPECT_EQ(errorCode(call({ { u"name"_s, u"list_todays_moves"_s },
                  { u"arguments"_s, QJsonObject { { u"limit"_s, 0 } } } })),
        -32602);
    EXPECT_EQ(errorCode(call({ { u"name"_s, u"list_todays_moves"_s },
                  { u"arguments"_s, QJsonObject { { u"lmit"_s, 3 } } } })),
        -32602);
    EXPECT_EQ(
        errorCode(call({ { u"name"_s, u"list_todays_moves"_s }, { u"arguments"_s, QJsonArray { 1 } } })),
        -32602);
    EXPECT_EQ(errorCode(call({ { u"name"_s, 42 } })), -32602);
    EXPECT_EQ(errorCode(call({ { u"name"_s, u"record_outcome"_s },
                  { u"arguments"_s, QJsonObject { { u"type"_s, u"party"_s } } } })),
        -32602);
    EXPECT_EQ(errorCode(mcp.request(u"tools/destroy"_s)), -32601);
    EXPECT_EQ(errorCode(mcp.request(u"resources/read"_s, { { u"uri"_s, u"caseyos://nothing"_s } })), -32002);
    EXPECT_EQ(
        errorCode(mcp.request(u"resources/read"_s, { { u"uri"_s, u"caseyos://moves/999999"_s } })), -32002);
    EXPECT_EQ(errorCode(mcp.request(u"prompts/get"_s, { { u"name"_s, u"write_a_poem"_s } })), -32602);
    // A tool that fails on valid input answers with isError, not a protocol error.
    const QJsonObject unknownMove = mcp.callTool(u"get_move"_s, { { u"id"_s, 999999 } });
    EXPECT_TRUE(unknownMove.value(u"isError"_s).toBool());
    EXPECT_TRUE(unknownMove.value(u"content"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"text"_s)
                    .toString()
                    .contains(u"999999"_s));
    // Raw protocol errors.
    mcp.sendRaw("{not json");
    EXPECT_EQ(errorCode(mcp.next()), -32700);
    mcp.sendRaw(R"({"jsonrpc":"1.0","id":77,"method":"ping"})");
    const QJsonObject oldVersion = mcp.next();
    EXPECT_EQ(errorCode(oldVersion), -32600);
    EXPECT_EQ(oldVersion.value(u"id"_s).toInt(), 77);
    EXPECT_TRUE(mcp.request(u"ping"_s).contains(u"result"_s));
}

TEST_F(McpProtocolTest, ResourcesListTemplatesAndRead)
{
    mcp.initialize();
    const QJsonArray resources
        = mcp.request(u"resources/list"_s).value(u"result"_s).toObject().value(u"resources"_s).toArray();
    QSet<QString> uris;
    for (const QJsonValue& r : resources)
        uris.insert(r.toObject().value(u"uri"_s).toString());
    EXPECT_EQ(uris,
        (QSet<QString> { u"caseyos://moves/today"_s, u"caseyos://outcomes/stats"_s, u"caseyos://whats-up"_s,
            u"caseyos://approvals"_s }));
    const QJsonArray templates = mcp.request(u"resources/templates/list"_s)
                                     .value(u"result"_s)
                                     .toObject()
                                     .value(u"resourceTemplates"_s)
                                     .toArray();
    ASSERT_EQ(templates.size(), 1);
    EXPECT_EQ(templates.first().toObject().value(u"uriTemplate"_s).toString(), u"caseyos://moves/{id}"_s);

    auto read = [&](const QString& uri) {
        const QJsonObject content = mcp.request(u"resources/read"_s, { { u"uri"_s, uri } })
                                        .value(u"result"_s)
                                        .toObject()
                                        .value(u"contents"_s)
                                        .toArray()
                                        .first()
                                        .toObject();
        EXPECT_EQ(content.value(u"uri"_s).toString(), uri);
        EXPECT_EQ(content.value(u"mimeType"_s).toString(), u"application/json"_s);
        return QJsonDocument::fromJson(content.value(u"text"_s).toString().toUtf8()).object();
    };
    const QJsonObject today = read(u"caseyos://moves/today"_s);
    EXPECT_EQ(today.value(u"count"_s).toInt(), 3);
    const qint64 first = today.value(u"moves"_s).toArray().first().toObject().value(u"id"_s).toInteger();
    EXPECT_EQ(read(u"caseyos://moves/%1"_s.arg(first)).value(u"move"_s).toObject().value(u"id"_s).toInteger(),
        first);
    EXPECT_EQ(read(u"caseyos://outcomes/stats"_s).value(u"days"_s).toInt(), 30);
    EXPECT_TRUE(read(u"caseyos://whats-up"_s).value(u"headline"_s).isString());
    EXPECT_TRUE(read(u"caseyos://approvals"_s).value(u"approvals"_s).toArray().isEmpty());
}

TEST_F(McpProtocolTest, PromptsListAndGet)
{
    mcp.initialize();
    const QJsonArray prompts
        = mcp.request(u"prompts/list"_s).value(u"result"_s).toObject().value(u"prompts"_s).toArray();
    ASSERT_EQ(prompts.size(), 2);
    EXPECT_EQ(prompts.at(0).toObject().value(u"name"_s).toString(), u"plan_my_day"_s);
    EXPECT_EQ(prompts.at(1).toObject().value(u"name"_s).toString(), u"follow_up_with_contact"_s);

    const QJsonArray plan = mcp.request(u"prompts/get"_s, { { u"name"_s, u"plan_my_day"_s } })
                                .value(u"result"_s)
                                .toObject()
                                .value(u"messages"_s)
                                .toArray();
    ASSERT_EQ(plan.size(), 3);
    const QJsonObject embeddedMoves
        = plan.at(1).toObject().value(u"content"_s).toObject().value(u"resource"_s).toObject();
    EXPECT_EQ(embeddedMoves.value(u"uri"_s).toString(), u"caseyos://moves/today"_s);
    EXPECT_TRUE(embeddedMoves.value(u"text"_s).toString().contains(u"Send the Kestrel contract"_s));

    EXPECT_EQ(
        errorCode(mcp.request(u"prompts/get"_s, { { u"name"_s, u"follow_up_with_contact"_s } })), -32602);
    EXPECT_EQ(errorCode(mcp.request(u"prompts/get"_s,
                  { { u"name"_s, u"follow_up_with_contact"_s },
                      { u"arguments"_s, QJsonObject { { u"contact_email"_s, 5 } } } })),
        -32602);
    const QJsonArray follow = mcp.request(u"prompts/get"_s,
                                     { { u"name"_s, u"follow_up_with_contact"_s },
                                         { u"arguments"_s,
                                             QJsonObject { { u"contact_email"_s, u"ada@lovelace.io"_s },
                                                 { u"goal"_s, u"book a demo"_s } } } })
                                  .value(u"result"_s)
                                  .toObject()
                                  .value(u"messages"_s)
                                  .toArray();
    ASSERT_EQ(follow.size(), 3);
    const QString ask = follow.at(0).toObject().value(u"content"_s).toObject().value(u"text"_s).toString();
    EXPECT_TRUE(ask.contains(u"ada@lovelace.io"_s));
    EXPECT_TRUE(ask.contains(u"book a demo"_s));
    EXPECT_TRUE(follow.at(1)
                    .toObject()
                    .value(u"content"_s)
                    .toObject()
                    .value(u"resource"_s)
                    .toObject()
                    .value(u"text"_s)
                    .toString()
                    .contains(u"ada@lovelace.io"_s));
}

TEST_F(McpProtocolTest, PrintConfigGivesTheClientSnippet)
{
    const CliRun run = runCli(home.path(), { u"mcp"_s, u"--print-config"_s });
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    const QJsonObject server = run.json().value(u"mcpServers"_s).toObject().value(u"caseyos"_s).toObject();
    EXPECT_EQ(server.value(u"command"_s).toString(), QStringLiteral(CASEYOS_BINARY));
    EXPECT_EQ(server.value(u"args"_s).toArray(), (QJsonArray { u"mcp"_s, u"--home"_s, home.path() }));
}

} // namespace
