// Contract check of Jarvis's language-model requests (issue 7): the providers run their real tool loops
// against the scripted in-process servers (FakeLlmServer), every request they send is recorded, and each is
// then sent again, unchanged, to Prism mocking the provider's OpenAPI spec — chat with tools and streaming,
// assistant tool-call turns (also with broken arguments), tool results (also errors), embeddings; Gemini's
// streamGenerateContent with systemInstruction, functionDeclarations, functionCall and functionResponse
// parts. Replayed rather than sent to Prism directly because Prism cannot stream SSE answers or script tool
// calls. The negative control sends the same requests made wrong and requires Prism to refuse them.
#include "ContractHarness.h"
#include "FakeLlmServer.h"
#include "LlmTestSupport.h"

#include <QJsonArray>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

// The chat (and embeddings) requests of a multi-step OpenAI-compatible conversation and of one whose tool
// arguments were broken, in order.
QList<LlmRequest> recordOpenAi()
{
    FakeLlmServer server;
    EXPECT_TRUE(server.listen());
    int conversation = 0;
    server.setHandler([&conversation](const LlmRequest& request, int) {
        if (request.path.endsWith("/embeddings"_L1))
            return LlmReply::json(200,
                R"({"object":"list","model":"text-embedding-3-small","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]},{"object":"embedding","index":1,"embedding":[0.3,0.4]}]})");
        const int step = conversation++;
        if (step == 0)
            return LlmReply::sse(sse::openAiToolCalls({ { u"whats_up"_s, u"{}"_s } }));
        if (step == 1)
            return LlmReply::sse(sse::openAiToolCalls({ { u"accept_move"_s, uR"({"move_id": 2})"_s },
                { u"dismiss_move"_s, uR"({"move_id": 3, "reason": "closed"})"_s } }));
        if (step == 3)
            return LlmReply::sse(sse::openAiToolCalls({ { u"complete_move"_s, uR"({"move_id": )"_s },
                { u"snooze_move"_s, uR"({"move_id": "four"})"_s } }));
        return LlmReply::sse(sse::openAiText({ u"Done."_s }));
    });
    JarvisHarness jarvis;
    jarvis::LlmConfig config = JarvisHarness::openAiAt(server.url(u"/v1"_s));
    config.settings.cloudEmbeddings = true;
    EXPECT_FALSE(jarvis.ask(u"what's up, then take the Globex one"_s, config).reply.failed);
    EXPECT_FALSE(jarvis.ask(u"finish the fourth"_s, config).reply.failed);
    EXPECT_TRUE(waitFor([&] { return server.requestsTo(u"/embeddings"_s).size() == 2; }));
    return server.requests();
}

QList<LlmRequest> recordGemini()
{
    FakeLlmServer server;
    EXPECT_TRUE(server.listen());
    server.setHandler([](const LlmRequest& request, int index) {
        if (request.path.endsWith(":embedContent"_L1))
            return LlmReply::json(200, R"({"embedding":{"values":[0.1,0.2,0.3]}})");
        if (index == 0)
            return LlmReply::sse(sse::geminiCalls({ { u"list_moves"_s, u"{}"_s } }));
        if (index == 1)
            return LlmReply::sse(
                sse::geminiCalls({ { u"snooze_move"_s, uR"({"move_id": 3, "until": "tomorrow"})"_s },
                    { u"record_outcome"_s, uR"({"outcome": "email_replied", "move_id": 1})"_s } }));
        return LlmReply::sse(sse::geminiText({ u"Snoozed and recorded."_s }));
    });
    JarvisHarness jarvis;
    jarvis::LlmConfig config = JarvisHarness::geminiAt(server.url(u"/v1beta"_s));
    config.settings.cloudEmbeddings = true;
    EXPECT_FALSE(jarvis.ask(u"snooze Initech and note Dana replied"_s, config).reply.failed);
    EXPECT_TRUE(waitFor([&] { return server.requestsTo(u":embedContent"_s).size() == 2; }));
    return server.requests();
}

// The recorded request aimed at Prism: same method, path, query and body; the canary as credential.
HttpRequest replay(const LlmRequest& recorded, const QUrl& prism, const QString& stripPrefix, bool gemini)
{
    HttpRequest request;
    request.method = recorded.method;
    QString path = recorded.path;
    if (path.startsWith(stripPrefix))
        path = path.mid(stripPrefix.size());
    request.url = prism;
    request.url.setPath(path);
    if (!recorded.query.isEmpty())
        request.url.setQuery(recorded.query);
    request.body = recorded.body;
    request.expectJson = false; // a mocked stream answer is not what is checked here
    request.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
    const QByteArray key = QString::fromUtf16(kLlmCanaryKey).toUtf8();
    if (gemini)
        request.headers.append({ QByteArrayLiteral("x-goog-api-key"), key });
    else
        request.headers.append({ QByteArrayLiteral("Authorization"), "Bearer " + key });
    return request;
}

bool anyToolMessageFails(const QList<LlmRequest>& requests)
{
    for (const LlmRequest& r : requests)
        for (const QJsonValue& m : r.json().value("messages"_L1).toArray())
            if (m.toObject().value("role"_L1) == "tool"_L1
                && m.toObject().value("content"_L1).toString().contains("\"ok\":false"_L1))
                return true;
    return false;
}

} // namespace

class LlmContract : public ContractTest
{
protected:
    void expectAllPass(const QList<LlmRequest>& requests, const QString& stripPrefix, bool gemini)
    {
        for (const LlmRequest& recorded : requests) {
            const HttpResult result = sendRaw(replay(recorded, m_prism.url(), stripPrefix, gemini));
            const std::string what
                = QString(QString::fromUtf8(recorded.method) + u' ' + recorded.path).toStdString();
            EXPECT_TRUE(m_lastPassed) << what << ": Prism did not log that the request passed validation";
            EXPECT_TRUE(m_lastViolations.isEmpty())
                << what << ": " << m_lastViolations.join(u'\n').toStdString();
            EXPECT_NE(result.response.status, 422)
                << what << ": " << result.response.body.left(800).toStdString();
        }
    }
};

TEST_F(LlmContract, OpenAiToolLoopRequestsMatchTheOpenAiSpec)
{
    const QList<LlmRequest> recorded = recordOpenAi();
    QList<LlmRequest> chats;
    for (const LlmRequest& r : recorded)
        if (r.path == "/v1/chat/completions"_L1)
            chats.append(r);
    ASSERT_EQ(chats.size(), 5); // two questions: three steps and two steps
    EXPECT_TRUE(chats.first().json().value("stream"_L1).toBool());
    EXPECT_FALSE(chats.first().json().value("tools"_L1).toArray().isEmpty());
    EXPECT_TRUE(anyToolMessageFails(chats)) << "the broken-arguments turn was not recorded";
    ASSERT_EQ(recorded.size(), 7); // and the two embeddings calls
    startPrism(u"openai.chat-embeddings-audio.prism.openapi.yaml"_s);
    expectAllPass(recorded, u"/v1"_s, false);
}

TEST_F(LlmContract, OpenAiToolLoopRequestsMatchTheXaiSpec)
{
    QList<LlmRequest> chats;
    for (const LlmRequest& r : recordOpenAi())
        if (r.path == "/v1/chat/completions"_L1)
            chats.append(r);
    ASSERT_EQ(chats.size(), 5);
    startPrism(u"xai.openai-compatible.prism.openapi.yaml"_s);
    expectAllPass(chats, u"/v1"_s, false);
}

TEST_F(LlmContract, GeminiToolLoopRequestsMatchTheGeminiSpec)
{
    const QList<LlmRequest> recorded = recordGemini();
    ASSERT_EQ(recorded.size(), 5); // three steps, two embeddings
    const QJsonObject last = recorded[2].json();
    EXPECT_EQ(recorded[2].path, u"/v1beta/models/gemini-2.0-flash:streamGenerateContent"_s);
    EXPECT_TRUE(last.value("systemInstruction"_L1).isObject());
    const QJsonArray contents = last.value("contents"_L1).toArray();
    const QJsonArray answers = contents.last().toObject().value("parts"_L1).toArray();
    ASSERT_EQ(answers.size(), 2); // both function responses of one model turn, together
    EXPECT_EQ(answers[1].toObject().value("functionResponse"_L1).toObject().value("name"_L1).toString(),
        u"record_outcome"_s);
    startPrism(u"gemini-generativelanguage-v1beta.prism.openapi.json"_s);
    expectAllPass(recorded, {}, true);
}

TEST_F(LlmContract, WrongShapesAreRefused)
{
    // OpenAI: a tool result without the call it answers.
    QList<LlmRequest> chats;
    for (const LlmRequest& r : recordOpenAi())
        if (r.path == "/v1/chat/completions"_L1)
            chats.append(r);
    ASSERT_GE(chats.size(), 2);
    LlmRequest noCallId = chats[1];
    QJsonObject body = noCallId.json();
    QJsonArray messages = body.value("messages"_L1).toArray();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        QJsonObject m = messages[i].toObject();
        m.remove(u"tool_call_id"_s);
        messages[i] = m;
    }
    body.insert(u"messages"_s, messages);
    noCallId.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    startPrism(u"openai.chat-embeddings-audio.prism.openapi.yaml"_s);
    EXPECT_EQ(sendRaw(replay(noCallId, m_prism.url(), u"/v1"_s, false)).response.status, 422);
    EXPECT_FALSE(m_lastViolations.isEmpty());
    m_prism.stop();

    // Gemini: function declarations as an object instead of a list, and a function response that is text.
    const QList<LlmRequest> gemini = recordGemini();
    ASSERT_GE(gemini.size(), 3);
    LlmRequest badTools = gemini[0];
    QJsonObject g = badTools.json();
    g.insert(u"tools"_s,
        QJsonArray { QJsonObject { { u"functionDeclarations"_s, QJsonObject { { u"name"_s, u"x"_s } } } } });
    badTools.body = QJsonDocument(g).toJson(QJsonDocument::Compact);
    LlmRequest badResponse = gemini[2];
    QJsonObject r = badResponse.json();
    QJsonArray contents = r.value("contents"_L1).toArray();
    contents.append(QJsonObject { { u"role"_s, u"user"_s },
        { u"parts"_s,
            QJsonArray { QJsonObject { { u"functionResponse"_s,
                QJsonObject { { u"name"_s, u"list_moves"_s }, { u"response"_s, u"plain text"_s } } } } } } });
    r.insert(u"contents"_s, contents);
    badResponse.body = QJsonDocument(r).toJson(QJsonDocument::Compact);
    startPrism(u"gemini-generativelanguage-v1beta.prism.openapi.json"_s);
    EXPECT_EQ(sendRaw(replay(badTools, m_prism.url(), {}, true)).response.status, 422);
    EXPECT_FALSE(m_lastViolations.isEmpty());
    EXPECT_EQ(sendRaw(replay(badResponse, m_prism.url(), {}, true)).response.status, 422);
    EXPECT_FALSE(m_lastViolations.isEmpty());
}
