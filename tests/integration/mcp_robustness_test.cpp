// 10 000 malformed or hostile messages into the real `caseyos mcp`: invalid JSON and UTF-8, wrong types,
// huge strings and lines, unknown methods and tools, calls before initialize, batches, deep nesting,
// notifications and client responses, and cancellations interleaved with requests. Every request must get
// exactly the JSON-RPC answer the spec gives, nothing else may appear on stdout, the process must not
// crash, and a valid call at the end must still be answered correctly.
#include "IntegrationSupport.h"
#include "TempHome.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <gtest/gtest.h>
#include <random>

using namespace Qt::StringLiterals;
using namespace caseyos::test;

namespace {

constexpr int kHostileMessages = 10000;

struct Script
{
    QByteArray input;
    QHash<QString, int> expectedById; // id (as compact JSON) → error code, 0 for a result
    QSet<QString> mayBeDropped; // requests followed by a cancellation: answered correctly or not at all
    QHash<int, int> expectedNullIdErrors; // code → how many
    int expectedRecordedCalls = 0; // tools/call that reach the tool layer (logged in mcp_calls)
    int hostile = 0;
};

QString idKey(const QJsonValue& id)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray { id }).toJson(QJsonDocument::Compact));
}

class ScriptBuilder
{
public:
    Script script;

    void line(const QByteArray& raw) { script.input += raw + '\n'; }
    void hostile(const QByteArray& raw)
    {
        line(raw);
        ++script.hostile;
    }
    QJsonObject request(const QJsonValue& id, const QString& method,
        const QJsonValue& params = QJsonValue(QJsonValue::Undefined))
    {
        QJsonObject message { { u"jsonrpc"_s, u"2.0"_s }, { u"id"_s, id }, { u"method"_s, method } };
        if (!params.isUndefined())
            message.insert(u"params"_s, params);
        return message;
    }
    void expect(const QJsonValue& id, int code) { script.expectedById.insert(idKey(id), code); }
    void expectNull(int code) { ++script.expectedNullIdErrors[code]; }
    void send(const QJsonObject& message, bool counts = true)
    {
        const QByteArray raw = QJsonDocument(message).toJson(QJsonDocument::Compact);
        counts ? hostile(raw) : line(raw);
    }
    void toolCall(const QString& id, const QString& tool, const QJsonValue& arguments, int code)
    {
        QJsonObject params { { u"name"_s, tool } };
        if (!arguments.isUndefined())
            params.insert(u"arguments"_s, arguments);
        send(request(id, u"tools/call"_s, params));
        expect(id, code);
        ++script.expectedRecordedCalls;
    }
};

Script buildScript()
{
    std::mt19937 random(20261202);
    auto pick = [&](int n) { return int(random() % unsigned(n)); };
    ScriptBuilder b;

    // Before initialize: requests fail with -32600, ping works.
    for (int i = 0; i < 200; ++i) {
        const QString id = u"pre-%1"_s.arg(i);
        static const QStringList methods { u"tools/list"_s, u"tools/call"_s, u"resources/read"_s,
            u"prompts/list"_s, u"ping"_s };
        const QString method = methods.at(i % methods.size());
        b.send(b.request(id, method, QJsonObject {}));
        b.expect(id, method == u"ping"_s ? 0 : -32600);
    }
    b.send(
        b.request(u"init"_s, u"initialize"_s,
            QJsonObject { { u"protocolVersion"_s, u"2025-06-18"_s }, { u"capabilities"_s, QJsonObject {} },
                { u"clientInfo"_s, QJsonObject { { u"name"_s, u"hostile"_s }, { u"version"_s, u"0"_s } } } }),
        false);
    b.expect(u"init"_s, 0);
    b.line(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");

    int n = 0;
    int oversized = 0;
    while (b.script.hostile < kHostileMessages) {
        const QString id = u"m-%1"_s.arg(n++);
        switch (pick(18)) {
        case 0: { // not JSON, or broken JSON
            static const char* const broken[]
                = { "{", "}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"", "{'single':'quotes'}",
                      "{\"a\":1,}", "nul", "{\"a\" 1}", "\x01\x02\x03", "{\"id\":01}", "[1,2" };
            b.hostile(
                QByteArray(broken[pick(10)]) + QByteArray::number(pick(1000)).prepend(pick(2) ? "" : "x"));
            b.expectNull(-32700);
            break;
        }
        case 1: { // invalid UTF-8 inside a string
            static const char* const bad[]
                = { "\xff", "\xc3\x28", "\xe2\x82", "\xf0\x28\x8c\xbc", "\xed\xa0\x80" };
            b.hostile(R"({"jsonrpc":"2.0","id":")" + id.toUtf8() + R"(","method":"pi)"
                + QByteArray(bad[pick(5)]) + R"(ng"})");
            b.expectNull(-32700);
            break;
        }
        case 2: // unknown method
            b.send(b.request(id, u"tools/%1"_s.arg(pick(100000))));
            b.expect(id, -32601);
            break;
        case 3: // unknown tool
            b.toolCall(id, u"rm_rf_%1"_s.arg(pick(1000)), QJsonObject {}, -32602);
            break;
        case 4: { // wrong types
            static const QJsonValue wrong[] = { u"12"_s, true, 1.5, QJsonObject { { u"id"_s, 1 } },
                QJsonArray { 1 }, QJsonValue(QJsonValue::Null), -3, 0 };
            b.toolCall(id, pick(2) ? u"get_move"_s : u"execute_move"_s,
                QJsonObject { { u"id"_s, wrong[pick(8)] } }, -32602);
            break;
        }
        case 5: // missing required
            b.toolCall(id, pick(2) ? u"snooze_move"_s : u"search_signals"_s, QJsonObject {}, -32602);
            break;
        case 6: // unknown property, or arguments of the wrong type
            if (pick(2))
                b.toolCall(id, u"list_todays_moves"_s,
                    QJsonObject { { u"limit"_s, 3 }, { u"drop_table"_s, true } }, -32602);
            else
                b.toolCall(id, u"whats_up"_s, u"everything"_s, -32602);
            break;
        case 7: { // huge strings
            const int size = pick(50) == 0 ? 1024 * 1024 : 8 * 1024 + pick(60000);
            b.toolCall(id, u"search_contacts"_s,
                QJsonObject { { u"query"_s, QString(size, QChar(u'a' + pick(26))) } }, -32602);
            break;
        }
        case 8: { // ids JSON-RPC does not allow
            static const char* const ids[] = { "1.5", "true", "null", "{}", "[1]", "-0.25" };
            b.hostile(R"({"jsonrpc":"2.0","id":)" + QByteArray(ids[pick(6)]) + R"(,"method":"ping"})");
            b.expectNull(-32600);
            break;
        }
        case 9: { // wrong envelope with a valid id
            QJsonObject message = b.request(id, u"ping"_s);
            switch (pick(3)) {
            case 0:
                message.remove(u"jsonrpc"_s);
                break;
            case 1:
                message.insert(u"jsonrpc"_s, 2.0);
                break;
            default:
                message.insert(u"method"_s, pick(2) ? QJsonValue(42) : QJsonValue(QJsonArray {}));
                break;
            }
            b.send(message);
            b.expect(id, -32600);
            break;
        }
        case 10: { // params that are not an object
            static const QJsonValue params[] = { QJsonArray { 1, 2 }, u"x"_s, 7, true };
            b.send(b.request(id, pick(2) ? u"tools/call"_s : u"resources/read"_s, params[pick(4)]));
            b.expect(id, -32602);
            break;
        }
        case 11: // batches
            b.hostile(pick(2) ? QByteArray("[]")
                              : R"([{"jsonrpc":"2.0","id":")" + id.toUtf8() + R"(","method":"ping"}])");
            b.expectNull(-32600);
            break;
        case 12: { // deep nesting
            const int depth = 1100 + pick(5000);
            b.hostile(R"({"jsonrpc":"2.0","id":1,"method":"ping","params":{"x":)" + QByteArray(depth, '[')
                + QByteArray(depth, ']') + "}}");
            b.expectNull(-32700);
            break;
        }
        case 13: // notifications: never answered
            b.send(QJsonObject { { u"jsonrpc"_s, u"2.0"_s },
                { u"method"_s, pick(2) ? u"notifications/whatever"_s : u"notifications/cancelled"_s },
                { u"params"_s, QJsonObject { { u"requestId"_s, u"nobody-%1"_s.arg(pick(100)) } } } });
            break;
        case 14: // responses from the client to requests the server never sent
            b.send(
                QJsonObject { { u"jsonrpc"_s, u"2.0"_s }, { u"id"_s, id }, { u"result"_s, QJsonObject {} } });
            break;
        case 15: // a request and its cancellation right behind it
            b.send(b.request(id, u"ping"_s));
            b.expect(id, 0);
            b.script.mayBeDropped.insert(idKey(id));
            b.send(QJsonObject { { u"jsonrpc"_s, u"2.0"_s }, { u"method"_s, u"notifications/cancelled"_s },
                { u"params"_s,
                    QJsonObject { { u"requestId"_s, id }, { u"reason"_s, u"changed my mind"_s } } } });
            break;
        case 16: // a valid call now and then
            b.toolCall(id, u"list_todays_moves"_s, QJsonObject { { u"limit"_s, 1 + pick(5) } }, 0);
            break;
        default: // a top-level JSON value that is not an object; rarely, a line over the 4 MiB cap
            if (oversized < 3 && pick(200) == 0) {
                ++oversized;
                b.hostile(QByteArray(5 * 1024 * 1024, 'z'));
                b.expectNull(-32600);
            } else {
                static const char* const scalars[] = { "42", "\"ping\"", "null", "true" };
                b.hostile(scalars[pick(4)]);
                b.expectNull(-32600);
            }
            break;
        }
    }
    b.toolCall(u"final"_s, u"list_todays_moves"_s, QJsonObject { { u"limit"_s, 10 } }, 0);
    return b.script;
}

TEST(McpRobustnessTest, TenThousandHostileMessagesGetTheRightErrorsAndAValidCallStillWorks)
{
    TempHome home;
    QByteArray seed;
    for (int i = 0; i < 5; ++i)
        seed += formLine(u"lead%1@example.com"_s.arg(i), u"f%1"_s.arg(i));
    const CliRun ingest = runCli(home.path(), { u"ingest"_s, home.writeFile(u"seed.jsonl"_s, seed) });
    ASSERT_EQ(ingest.exitCode, 0) << ingest.errText().toStdString();

    const Script script = buildScript();
    ASSERT_GE(script.hostile, kHostileMessages);
    const QString inputPath = home.writeFile(u"hostile.jsonl"_s, script.input);

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CASEYOS_HOME"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home.file(u"config"_s));
    process.setProcessEnvironment(env);
    process.setStandardInputFile(inputPath);
    process.start(QStringLiteral(CASEYOS_BINARY), { u"--home"_s, home.path(), u"mcp"_s });
    ASSERT_TRUE(process.waitForStarted(30000));
    ASSERT_TRUE(process.waitForFinished(240000)) << "the server did not finish";
    ASSERT_EQ(process.exitStatus(), QProcess::NormalExit) << "the server crashed";
    EXPECT_EQ(process.exitCode(), 0);
    const QByteArray out = process.readAllStandardOutput();

    QHash<QString, int> seen;
    QHash<int, int> nullIdErrors;
    QJsonObject finalResult;
    const QList<QByteArray> lines = out.split('\n');
    ASSERT_TRUE(out.endsWith('\n'));
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &error);
        ASSERT_EQ(error.error, QJsonParseError::NoError)
            << "stdout line " << i << " is not JSON: " << lines.at(i).left(200).toStdString();
        const QJsonObject message = document.object();
        ASSERT_EQ(message.value(u"jsonrpc"_s).toString(), u"2.0"_s);
        ASSERT_NE(message.contains(u"result"_s), message.contains(u"error"_s))
            << lines.at(i).left(200).toStdString();
        const int code = message.value(u"error"_s).toObject().value(u"code"_s).toInt();
        const QJsonValue id = message.value(u"id"_s);
        if (id.isNull()) {
            ASSERT_NE(code, 0) << "a result without an id";
            ++nullIdErrors[code];
            continue;
        }
        const QString key = idKey(id);
        ASSERT_TRUE(script.expectedById.contains(key)) << "unexpected id " << key.toStdString();
        EXPECT_EQ(code, script.expectedById.value(key))
            << key.toStdString() << ": " << lines.at(i).left(300).toStdString();
        EXPECT_EQ(++seen[key], 1) << "answered twice: " << key.toStdString();
        if (key == u"[\"final\"]"_s)
            finalResult = message.value(u"result"_s).toObject();
    }
    for (auto it = script.expectedById.cbegin(); it != script.expectedById.cend(); ++it)
        if (!script.mayBeDropped.contains(it.key())) {
            EXPECT_EQ(seen.value(it.key()), 1) << "no answer for " << it.key().toStdString();
        }
    EXPECT_EQ(nullIdErrors, script.expectedNullIdErrors);

    ASSERT_FALSE(finalResult.isEmpty()) << "the valid call at the end was not answered";
    EXPECT_FALSE(finalResult.value(u"isError"_s).toBool());
    EXPECT_EQ(finalResult.value(u"structuredContent"_s).toObject().value(u"count"_s).toInt(), 5);

    // Every tools/call that reached the tool layer is in the call log, valid or not.
    DbProbe db(home.databasePath());
    EXPECT_EQ(db.count(u"SELECT count(*) FROM mcp_calls"_s), script.expectedRecordedCalls);
    EXPECT_EQ(db.count(u"SELECT count(*) FROM mcp_calls WHERE is_error = 0"_s),
        db.count(
            u"SELECT count(*) FROM mcp_calls WHERE tool = 'list_todays_moves' AND arguments NOT LIKE '%drop_table%'"_s));
}

} // namespace
