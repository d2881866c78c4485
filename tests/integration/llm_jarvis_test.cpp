// Jarvis with a language model, end to end: the worker (as the app runs it) against in-process
// OpenAI-compatible and Gemini servers that stream real pieces, on a workspace with six seeded moves. Request
// and reply shapes follow /work/shared/contracts (the contract check replays these requests to Prism).
#include "FakeLlmServer.h"
#include "LlmTestSupport.h"
#include "WaitFor.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

// The tool messages (OpenAI shape) of a recorded request, in order.
QList<QJsonObject> toolMessages(const LlmRequest& request)
{
    QList<QJsonObject> out;
    for (const QJsonValue& m : request.json().value("messages"_L1).toArray())
        if (m.toObject().value("role"_L1).toString() == "tool"_L1)
            out.append(
                QJsonDocument::fromJson(m.toObject().value("content"_L1).toString().toUtf8()).object());
    return out;
}

class LlmJarvis : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_server.listen()); }
    FakeLlmServer m_server;
    JarvisHarness m_jarvis;
};

} // namespace

TEST_F(LlmJarvis, OpenAiStreamedTextArrivesInPieces)
{
    m_server.setHandler([](const LlmRequest&, int) {
        return LlmReply::sse(sse::openAiText({ u"You have "_s, u"six moves; "_s, u"Dana comes first."_s }));
    });
    const JarvisRun run = m_jarvis.ask(u"How busy am I?"_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    EXPECT_FALSE(run.reply.failed) << run.reply.markdown.toStdString();
    EXPECT_EQ(run.deltas, (QStringList { u"You have "_s, u"six moves; "_s, u"Dana comes first."_s }));
    EXPECT_EQ(run.reply.markdown, u"You have six moves; Dana comes first."_s);
    ASSERT_EQ(m_server.requests().size(), 1);
    const LlmRequest& sent = m_server.requests().first();
    EXPECT_EQ(sent.path, u"/v1/chat/completions"_s);
    EXPECT_TRUE(sent.header("authorization") == "Bearer " + llmCanaryKey().toUtf8())
        << "the key was not sent as expected";
    const QJsonObject body = sent.json();
    EXPECT_TRUE(body.value("stream"_L1).toBool());
    EXPECT_EQ(
        body.value("messages"_L1).toArray().first().toObject().value("role"_L1).toString(), u"system"_s);
    QStringList tools;
    for (const QJsonValue& t : body.value("tools"_L1).toArray())
        tools.append(t.toObject().value("function"_L1).toObject().value("name"_L1).toString());
    for (const char* name : { "whats_up", "list_moves", "show_move", "accept_move", "dismiss_move",
             "snooze_move", "complete_move", "draft_follow_up", "record_outcome", "outcome_stats",
             "search_memory", "run_agent", "execute_move" })
        EXPECT_TRUE(tools.contains(QLatin1StringView(name))) << name;
}

TEST_F(LlmJarvis, OpenAiMultiStepToolCallsChangeTheDatabase)
{
    m_server.setHandler([](const LlmRequest&, int index) {
        if (index == 0)
            return LlmReply::sse(sse::openAiToolCalls({ { u"whats_up"_s, u"{}"_s } }));
        if (index == 1)
            return LlmReply::sse(sse::openAiToolCalls({ { u"accept_move"_s, uR"({"move_id": 2})"_s } }, 4));
        return LlmReply::sse(sse::openAiText({ u"Done: "_s, u"I accepted the Globex proposal."_s }));
    });
    const JarvisRun run = m_jarvis.ask(
        u"What's up? Then take on the Globex one."_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    EXPECT_FALSE(run.reply.failed) << run.reply.markdown.toStdString();
    ASSERT_EQ(m_server.requests().size(), 3);
    // The whats_up result went back to the model with the real moves in it.
    const QList<QJsonObject> second = toolMessages(m_server.requests()[1]);
    ASSERT_EQ(second.size(), 1);
    EXPECT_TRUE(second[0].value("ok"_L1).toBool());
    EXPECT_TRUE(second[0].value("text"_L1).toString().contains("Send the Globex proposal"_L1));
    // The accept ran on the database, and its result went back too.
    EXPECT_EQ(m_jarvis.moveStatus(2), u"completed"_s);
    EXPECT_EQ(m_jarvis.moveStatus(1), u"pending"_s);
    const QList<QJsonObject> third = toolMessages(m_server.requests()[2]);
    ASSERT_EQ(third.size(), 2);
    EXPECT_TRUE(third[1].value("ok"_L1).toBool());
    EXPECT_EQ(third[1].value("changed_moves"_L1).toArray().first().toInt(), 2);
    // The assistant's tool-call turn is in the history with the id its result names.
    const QJsonArray messages = m_server.requests()[2].json().value("messages"_L1).toArray();
    QJsonObject lastCall;
    for (const QJsonValue& m : messages)
        if (m.toObject().contains("tool_calls"_L1))
            lastCall = m.toObject();
    EXPECT_EQ(lastCall.value("tool_calls"_L1)
                  .toArray()
                  .first()
                  .toObject()
                  .value("function"_L1)
                  .toObject()
                  .value("arguments"_L1)
                  .toString(),
        uR"({"move_id": 2})"_s);
    EXPECT_TRUE(run.reply.changedMoves.contains(2));
    ASSERT_EQ(run.rows.size(), 1);
    EXPECT_TRUE(run.reply.markdown.startsWith("Done: I accepted the Globex proposal."_L1))
        << run.reply.markdown.toStdString();
    EXPECT_TRUE(run.reply.markdown.contains("`accept_move` #2"_L1)) << run.reply.markdown.toStdString();
}

TEST_F(LlmJarvis, GeminiMultiStepFunctionCallsChangeTheDatabase)
{
    m_server.setHandler([](const LlmRequest&, int index) {
        if (index == 0)
            return LlmReply::sse(sse::geminiCalls({ { u"whats_up"_s, u"{}"_s } }));
        if (index == 1)
            return LlmReply::sse(
                sse::geminiCalls({ { u"snooze_move"_s, uR"({"move_id": 3, "until": "tomorrow"})"_s } }));
        return LlmReply::sse(
            sse::geminiText({ u"Snoozed "_s, u"the Initech demo "_s, u"until tomorrow."_s }));
    });
    const JarvisRun run = m_jarvis.ask(
        u"Push the Initech demo to tomorrow"_s, JarvisHarness::geminiAt(m_server.url(u"/v1beta"_s)));
    EXPECT_FALSE(run.reply.failed) << run.reply.markdown.toStdString();
    EXPECT_EQ(run.deltas.size(), 3);
    ASSERT_EQ(m_server.requests().size(), 3);
    const LlmRequest& first = m_server.requests().first();
    EXPECT_EQ(first.path, u"/v1beta/models/gemini-2.0-flash:streamGenerateContent"_s);
    EXPECT_EQ(first.query.queryItemValue(u"alt"_s), u"sse"_s);
    EXPECT_TRUE(first.header("x-goog-api-key") == llmCanaryKey().toUtf8()) << "the key was not sent as expected";
    EXPECT_FALSE(QString::fromUtf8(first.rawTarget).contains(llmCanaryKey())); // never in the URL
    EXPECT_TRUE(first.json().value("systemInstruction"_L1).isObject());
    EXPECT_FALSE(first.json()
                     .value("tools"_L1)
                     .toArray()
                     .first()
                     .toObject()
                     .value("functionDeclarations"_L1)
                     .toArray()
                     .isEmpty());
    // The second request carries the model's call and the function's response, by name.
    const QJsonArray contents = m_server.requests()[1].json().value("contents"_L1).toArray();
    ASSERT_GE(contents.size(), 3);
    const QJsonObject call = contents[contents.size() - 2].toObject();
    EXPECT_EQ(call.value("role"_L1).toString(), u"model"_s);
    EXPECT_EQ(call.value("parts"_L1)
                  .toArray()
                  .first()
                  .toObject()
                  .value("functionCall"_L1)
                  .toObject()
                  .value("name"_L1)
                  .toString(),
        u"whats_up"_s);
    const QJsonObject response = contents.last()
                                     .toObject()
                                     .value("parts"_L1)
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value("functionResponse"_L1)
                                     .toObject();
    EXPECT_EQ(response.value("name"_L1).toString(), u"whats_up"_s);
    EXPECT_TRUE(response.value("response"_L1).toObject().value("ok"_L1).toBool());
    EXPECT_EQ(m_jarvis.moveStatus(3), u"snoozed"_s);
    EXPECT_TRUE(run.reply.markdown.startsWith("Snoozed the Initech demo until tomorrow."_L1));
}

// Gemini's thinking models sign each function call and refuse (400) a follow-up whose call lost its
// thoughtSignature; this server does the same, so the conversation only goes on when it is sent back.
TEST_F(LlmJarvis, GeminiThoughtSignaturesGoBackWithTheirCalls)
{
    const QString signature = u"c2lnbmVkLWJ5LXRoZS1tb2RlbA=="_s;
    m_server.setHandler([&signature](const LlmRequest& request, int index) {
        if (index == 0)
            return LlmReply::sse(sse::geminiCalls({ { u"accept_move"_s, uR"({"move_id": 2})"_s } }, signature));
        const QJsonArray contents = request.json().value("contents"_L1).toArray();
        for (const QJsonValue& content : contents)
            for (const QJsonValue& part : content.toObject().value("parts"_L1).toArray())
                if (part.toObject().contains("functionCall"_L1)
                    && part.toObject().value("thoughtSignature"_L1).toString() != signature)
                    return LlmReply::json(400,
                        R"({"error":{"code":400,"message":"Function call is missing a thought_signature in functionCall parts.","status":"INVALID_ARGUMENT"}})");
        return LlmReply::sse(sse::geminiText({ u"Accepted the Globex proposal."_s }));
    });
    const JarvisRun run
        = m_jarvis.ask(u"accept the second one"_s, JarvisHarness::geminiAt(m_server.url(u"/v1beta"_s)));
    EXPECT_FALSE(run.reply.failed) << run.reply.markdown.toStdString();
    ASSERT_EQ(m_server.requests().size(), 2);
    EXPECT_EQ(m_jarvis.moveStatus(2), u"completed"_s); // accepting a move marks it done
    EXPECT_TRUE(run.reply.markdown.startsWith("Accepted the Globex proposal."_L1)) << run.reply.markdown.toStdString();
}

TEST_F(LlmJarvis, MalformedToolArgumentsGoBackToTheModelAsErrors)
{
    m_server.setHandler([](const LlmRequest&, int index) {
        if (index == 0)
            return LlmReply::sse(sse::openAiToolCalls({ { u"accept_move"_s, uR"({"move_id": )"_s },
                { u"dismiss_move"_s, uR"({"move_id": "two"})"_s },
                { u"snooze_move"_s, uR"({"move_id": 1, "until": "someday"})"_s },
                { u"delete_everything"_s, u"{}"_s } }));
        return LlmReply::sse(sse::openAiText({ u"Sorry, "_s, u"I could not do that."_s }));
    });
    const JarvisRun run = m_jarvis.ask(u"accept it"_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    EXPECT_FALSE(run.reply.failed) << run.reply.markdown.toStdString();
    ASSERT_EQ(m_server.requests().size(), 2);
    const QList<QJsonObject> results = toolMessages(m_server.requests()[1]);
    ASSERT_EQ(results.size(), 4);
    for (const QJsonObject& r : results)
        EXPECT_FALSE(r.value("ok"_L1).toBool());
    EXPECT_TRUE(results[0].value("error"_L1).toString().contains("could not be read"_L1));
    EXPECT_TRUE(results[1].value("error"_L1).toString().contains("move_id must be an integer"_L1))
        << results[1].value("error"_L1).toString().toStdString();
    EXPECT_TRUE(results[2].value("error"_L1).toString().contains("until must be one of"_L1));
    EXPECT_TRUE(results[3].value("error"_L1).toString().contains("no tool named"_L1));
    for (qint64 id = 1; id <= 6; ++id)
        EXPECT_EQ(m_jarvis.moveStatus(id), u"pending"_s) << id;
    EXPECT_TRUE(run.reply.markdown.startsWith("Sorry, I could not do that."_L1));
}

TEST_F(LlmJarvis, TheStepLimitEndsALoopingModel)
{
    m_server.setHandler([](const LlmRequest&, int) {
        return LlmReply::sse(sse::openAiToolCalls({ { u"list_moves"_s, u"{}"_s } }));
    });
    jarvis::LlmConfig config = JarvisHarness::openAiAt(m_server.url(u"/v1"_s));
    config.settings.maxSteps = 3;
    const JarvisRun run = m_jarvis.ask(u"loop forever"_s, config);
    EXPECT_TRUE(run.reply.failed);
    EXPECT_EQ(m_server.requests().size(), 3);
    EXPECT_TRUE(run.reply.markdown.contains("I stopped after 3 steps"_L1))
        << run.reply.markdown.toStdString();
}

TEST_F(LlmJarvis, RateLimitWithRetryAfterIsWaitedOut)
{
    m_server.setHandler([](const LlmRequest&, int index) {
        if (index == 0)
            return LlmReply::json(429, R"({"error":{"message":"Rate limit reached","type":"requests"}})",
                { { "Retry-After", "1" } });
        return LlmReply::sse(sse::openAiText({ u"Here "_s, u"now."_s }));
    });
    const JarvisRun run = m_jarvis.ask(u"hello"_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    EXPECT_FALSE(run.reply.failed) << run.reply.markdown.toStdString();
    EXPECT_EQ(m_server.requests().size(), 2);
    EXPECT_EQ(run.reply.markdown, u"Here now."_s);
}

TEST_F(LlmJarvis, ServerErrorsEndInOneClearSentence)
{
    m_server.setHandler([](const LlmRequest&, int) {
        return LlmReply::json(503, R"({"error":{"message":"The engine is currently overloaded"}})");
    });
    const JarvisRun run = m_jarvis.ask(u"hello"_s, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    EXPECT_TRUE(run.reply.failed);
    EXPECT_EQ(m_server.requests().size(), 3); // the first try and two retries (the harness's policy)
    EXPECT_TRUE(run.reply.markdown.contains("OpenAI had a server error"_L1))
        << run.reply.markdown.toStdString();
    EXPECT_FALSE(run.reply.markdown.contains("127.0.0.1"_L1)) << run.reply.markdown.toStdString();
}

TEST_F(LlmJarvis, ATimeoutEndsClearlyAndTheNextQuestionWorks)
{
    m_server.setHandler([](const LlmRequest& request, int) {
        const QString asked
            = request.json().value("messages"_L1).toArray().last().toObject().value("content"_L1).toString();
        if (asked == "hello?"_L1) {
            LlmReply silent;
            silent.neverAnswer = true;
            return silent;
        }
        return LlmReply::sse(sse::openAiText({ u"Back "_s, u"again."_s }));
    });
    jarvis::LlmConfig config = JarvisHarness::openAiAt(m_server.url(u"/v1"_s));
    config.settings.timeoutSeconds = 1;
    const JarvisRun first = m_jarvis.ask(u"hello?"_s, config, 20000);
    EXPECT_TRUE(first.reply.failed);
    EXPECT_TRUE(first.reply.markdown.contains("did not answer in time"_L1))
        << first.reply.markdown.toStdString();
    const JarvisRun second = m_jarvis.ask(u"hello again"_s, config);
    EXPECT_FALSE(second.reply.failed) << second.reply.markdown.toStdString();
    EXPECT_EQ(second.reply.markdown, u"Back again."_s);
}

TEST_F(LlmJarvis, ANewerQuestionDropsTheOlderStream)
{
    m_server.setHandler([](const LlmRequest& request, int) {
        const bool slow
            = request.json().value("messages"_L1).toArray().last().toObject().value("content"_L1).toString()
            == "slow"_L1;
        LlmReply reply = LlmReply::sse(sse::openAiText({ slow ? u"old "_s : u"new "_s, u"answer"_s }));
        reply.pieceDelayMs = slow ? 400 : 10;
        return reply;
    });
    const jarvis::LlmConfig config = JarvisHarness::openAiAt(m_server.url(u"/v1"_s));
    QList<qint64> answered;
    QStringList pieces;
    QObject context;
    QObject::connect(&m_jarvis.worker(), &JarvisWorker::answered, &context,
        [&answered](qint64 g, const jarvis::AssistantReply&, const QList<MoveRow>&) { answered.append(g); });
    QObject::connect(&m_jarvis.worker(), &JarvisWorker::delta, &context,
        [&pieces](qint64 g, const QString& t) { pieces.append(u"%1:%2"_s.arg(g).arg(t)); });
    m_jarvis.worker().ask(100, u"slow"_s, config);
    ASSERT_TRUE(waitFor([&] { return m_server.requests().size() == 1; }));
    m_jarvis.worker().ask(101, u"fast"_s, config);
    ASSERT_TRUE(waitFor([&] { return !answered.isEmpty(); }, 10000));
    QTest::qWait(1200); // the old stream would have finished by now
    EXPECT_EQ(answered, QList<qint64> { 101 });
    for (const QString& p : pieces)
        EXPECT_TRUE(p.startsWith("101:"_L1)) << p.toStdString();
}
