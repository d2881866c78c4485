// The provider clients against a local misbehaving HTTP server (net_test_server): streamed SSE delivered through
// HttpClient, malformed tool arguments, 429 + Retry-After, timeouts, truncated JSON, auth failures and the
// health-check classes, and the credential never leaking into what a user or a log sees. HttpClient's own
// retry/breaker behaviour is covered by net_http_client_test.cpp and not repeated here.
#include "FakeClock.h"
#include "WaitFor.h"
#include "connectors/clients/GeminiClient.h"
#include "connectors/clients/HealthCheck.h"
#include "connectors/clients/MessagingClients.h"
#include "connectors/clients/OpenAiClient.h"
#include "net/HttpClient.h"
#include "net_test_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <optional>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

const QString kCanary = u"sk-canary-clients-4d81e2"_s;

HttpClientOptions fastOptions()
{
    HttpClientOptions options;
    options.retry.baseDelayMs = 20;
    options.random = [] { return 0.5; };
    return options;
}

template<typename T, typename Call>
ClientResult<T> await(Call call, int timeoutMs = 15000)
{
    std::optional<ClientResult<T>> result;
    call([&result](const ClientResult<T>& r) { result = r; });
    EXPECT_TRUE(waitFor([&] { return result.has_value(); }, timeoutMs)) << "no callback";
    return result.value_or(ClientResult<T> {});
}

ChatRequest hello()
{
    ChatRequest r;
    r.model = u"local-model"_s;
    r.messages = { { u"user"_s, u"Hello"_s, {}, {} } };
    return r;
}

QByteArray header(const SeenRequest& request, QByteArrayView name)
{
    for (const auto& [key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

class ClientsFakeServer : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_server.listen()); }

    ClientConfig config(const QString& basePath = u"/v1"_s, int timeoutMs = 5000)
    {
        ClientConfig c;
        c.baseUrl = m_server.url(basePath);
        c.token = fixedToken(kCanary);
        c.timeoutMs = timeoutMs;
        return c;
    }

    void expectNoCanary(const ClientError& error)
    {
        EXPECT_FALSE(error.message.contains(kCanary)) << error.message.toStdString();
    }

    FakeClock m_clock;
    HttpClient m_http { m_clock, fastOptions() };
    NetTestServer m_server;
    QObject m_context;
};

const QByteArray kSse = QByteArray("data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}\r\n\r\n")
    + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":\"stop\"}]}\n\n"
    + "data: [DONE]\n\n";

} // namespace

TEST_F(ClientsFakeServer, ChatSendsTheModelsRequestAndReadsToolCalls)
{
    m_server.setHandler([](const SeenRequest&, int) {
        return NetTestServer::json(200, R"({"id":"x","model":"m","choices":[{"index":0,"finish_reason":"tool_calls",
            "message":{"role":"assistant","content":null,"tool_calls":[
              {"id":"c1","type":"function","function":{"name":"find","arguments":"{\"email\":\"a@b.c\"}"}},
              {"id":"c2","type":"function","function":{"name":"find","arguments":"{\"email\":"}}]}}],
            "usage":{"prompt_tokens":3,"completion_tokens":4}})");
    });
    OpenAiClient client(m_http, config());
    ChatRequest request = hello();
    request.tools = { { u"find"_s, u"Find"_s, {} } };
    const auto r = await<ChatResponse>([&](auto done) { client.chat(request, &m_context, done); });
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    ASSERT_EQ(r.value.toolCalls.size(), 2);
    EXPECT_EQ(r.value.toolCalls[0].arguments.value("email"_L1).toString(), u"a@b.c"_s);
    EXPECT_FALSE(r.value.toolCalls[1].argumentsError.isEmpty()); // malformed arguments: reported, no crash
    EXPECT_EQ(r.value.completionTokens, 4);

    ASSERT_EQ(m_server.requests().size(), 1);
    const SeenRequest& seen = m_server.requests().first();
    EXPECT_EQ(seen.path, QByteArray("/v1/chat/completions"));
    EXPECT_EQ(header(seen, "authorization"), "Bearer " + kCanary.toUtf8());
    const QJsonObject body = QJsonDocument::fromJson(seen.body).object();
    EXPECT_EQ(body.value("model"_L1).toString(), u"local-model"_s);
    EXPECT_EQ(body.value("tools"_L1).toArray().first().toObject().value("type"_L1).toString(), u"function"_s);
}

TEST_F(ClientsFakeServer, StreamArrivesInChunksAndAssembles)
{
    m_server.setHandler([](const SeenRequest&, int) {
        ScriptedReply reply;
        reply.headers = { { "Content-Type", "text/event-stream" } };
        reply.body = kSse;
        reply.mode = ScriptedReply::Mode::NoLength; // streamed until close, like a real SSE answer
        return reply;
    });
    OpenAiClient client(m_http, config());
    QString deltas;
    const auto r = await<ChatResponse>([&](auto done) {
        client.chatStream(hello(), &m_context, [&deltas](const QString& t) { deltas += t; }, done);
    });
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    EXPECT_EQ(r.value.content, u"Hello"_s);
    EXPECT_EQ(deltas, u"Hello"_s);
    EXPECT_EQ(r.value.finishReason, u"stop"_s);
    EXPECT_TRUE(QJsonDocument::fromJson(m_server.requests().first().body).object().value("stream"_L1).toBool());
}

TEST_F(ClientsFakeServer, StreamWithoutDoneIsAnError)
{
    m_server.setHandler([](const SeenRequest&, int) {
        ScriptedReply reply;
        reply.headers = { { "Content-Type", "text/event-stream" } };
        reply.body = kSse.left(kSse.indexOf("data: [DONE]"));
        reply.mode = ScriptedReply::Mode::NoLength;
        return reply;
    });
    OpenAiClient client(m_http, config());
    const auto r = await<ChatResponse>([&](auto done) { client.chatStream(hello(), &m_context, nullptr, done); });
    EXPECT_EQ(r.error.kind, ClientErrorKind::Malformed);
}

TEST_F(ClientsFakeServer, StreamRetriedAfter429BeforeAnyData)
{
    m_server.setHandler([](const SeenRequest&, int index) {
        if (index == 0)
            return NetTestServer::json(429, R"({"error":{"message":"slow down"}})", { { "Retry-After", "1" } });
        ScriptedReply reply;
        reply.headers = { { "Content-Type", "text/event-stream" } };
        reply.body = kSse;
        return reply;
    });
    OpenAiClient client(m_http, config());
    const auto r = await<ChatResponse>([&](auto done) { client.chatStream(hello(), &m_context, nullptr, done); });
    ASSERT_TRUE(r.ok()) << r.error.message.toStdString();
    EXPECT_EQ(r.value.content, u"Hello"_s);
    ASSERT_EQ(m_server.requests().size(), 2);
    EXPECT_GE(m_server.requests()[1].atMs - m_server.requests()[0].atMs, 900); // Retry-After honoured
}

TEST_F(ClientsFakeServer, TruncatedJsonIsMalformed)
{
    m_server.setHandler([](const SeenRequest&, int) {
        ScriptedReply reply = NetTestServer::json(200, R"({"data":[{"index":0,"embedding":[0.1,0.2,0.3]}]})");
        reply.mode = ScriptedReply::Mode::CutShort;
        return reply;
    });
    OpenAiClient client(m_http, config());
    const auto r = await<QList<QList<float>>>(
        [&](auto done) { client.embeddings(u"e"_s, { u"a"_s }, &m_context, done); });
    EXPECT_EQ(r.error.kind, ClientErrorKind::Malformed);
    expectNoCanary(r.error);
}

TEST_F(ClientsFakeServer, TimeoutIsUnreachableInTheHealthCheck)
{
    m_server.setHandler([](const SeenRequest&, int) {
        ScriptedReply reply;
        reply.mode = ScriptedReply::Mode::NeverAnswer;
        return reply;
    });
    HttpClientOptions noRetry = fastOptions();
    noRetry.retry.maxRetries = 0;
    HttpClient http(m_clock, noRetry);
    OpenAiClient client(http, config(u"/v1"_s, 300));
    const auto r = await<QStringList>([&](auto done) { client.listModels(&m_context, done); });
    EXPECT_EQ(r.error.kind, ClientErrorKind::Unreachable);
    EXPECT_EQ(healthReportFor(r.error, {}).status, HealthStatus::Unreachable);
}

TEST_F(ClientsFakeServer, HealthChecksClassifyAuthAndSuccess)
{
    m_server.setHandler([](const SeenRequest& request, int) {
        if (request.path.startsWith("/openai/"))
            return NetTestServer::json(401, R"({"error":{"message":"Incorrect API key provided"}})");
        if (request.path.startsWith("/slack/"))
            return NetTestServer::json(200, R"({"ok":false,"error":"invalid_auth"})");
        if (request.path.startsWith("/gemini/"))
            return NetTestServer::json(200, R"({"models":[{"name":"models/gemini-2.0-flash"}]})");
        return NetTestServer::json(200, R"({"data":{"id":"1","name":"Casey","username":"casey"}})");
    });
    HealthEndpoints endpoints;
    for (const QString& p : { u"openai"_s, u"slack"_s, u"gemini"_s, u"x"_s })
        endpoints.set(p, m_server.url(u"/"_s + p));
    HealthChecker checker(m_http, endpoints);
    QHash<QString, HealthReport> reports;
    for (const QString& p : { u"openai"_s, u"slack"_s, u"gemini"_s, u"x"_s })
        checker.check(p, fixedToken(kCanary), &m_context, [&reports, p](const HealthReport& r) { reports.insert(p, r); });
    ASSERT_TRUE(waitFor([&] { return reports.size() == 4; }, 15000));
    EXPECT_EQ(reports[u"openai"_s].status, HealthStatus::AuthError);
    EXPECT_TRUE(reports[u"openai"_s].message.contains("Incorrect API key"_L1)) << reports[u"openai"_s].message.toStdString();
    EXPECT_EQ(reports[u"slack"_s].status, HealthStatus::AuthError);
    EXPECT_EQ(reports[u"gemini"_s].status, HealthStatus::Ok);
    EXPECT_EQ(reports[u"x"_s].status, HealthStatus::Ok);
    EXPECT_EQ(reports[u"x"_s].message, u"Working: @casey"_s);
    for (const HealthReport& r : reports)
        EXPECT_FALSE(r.message.contains(kCanary));
    // Gemini's key travels in the x-goog-api-key header, never in the URL.
    for (const SeenRequest& seen : m_server.requests()) {
        EXPECT_FALSE(seen.path.contains(kCanary.toUtf8()));
        if (seen.path.startsWith("/gemini/")) {
            EXPECT_EQ(header(seen, "x-goog-api-key"), kCanary.toUtf8());
        }
    }
}

TEST_F(ClientsFakeServer, NoCredentialIsReportedWithoutARequest)
{
    ClientConfig c = config();
    c.token = [](QObject*, CredentialCallback done) { done(Result<QString>::failure(u"Not connected"_s)); };
    OpenAiClient client(m_http, c);
    const auto r = await<QStringList>([&](auto done) { client.listModels(&m_context, done); });
    EXPECT_EQ(r.error.kind, ClientErrorKind::NoCredential);
    EXPECT_EQ(healthReportFor(r.error, {}).status, HealthStatus::AuthError);
    EXPECT_TRUE(m_server.requests().isEmpty());
}

TEST_F(ClientsFakeServer, TranscriptionSendsMultipartAndSlackPostIsNotRetried)
{
    m_server.setHandler([](const SeenRequest& request, int) {
        if (request.path.endsWith("/audio/transcriptions"))
            return NetTestServer::json(200, R"({"text":"hello there"})");
        return NetTestServer::json(503, R"({"ok":false,"error":"service_unavailable"})");
    });
    OpenAiClient openai(m_http, config());
    TranscriptionRequest t;
    t.audio = QByteArray("RIFF....WAVE");
    const auto text = await<QString>([&](auto done) { openai.transcribe(t, &m_context, done); });
    ASSERT_TRUE(text.ok()) << text.error.message.toStdString();
    EXPECT_EQ(text.value, u"hello there"_s);
    const SeenRequest& seen = m_server.requests().first();
    EXPECT_TRUE(header(seen, "content-type").startsWith("multipart/form-data; boundary="));
    EXPECT_TRUE(seen.body.contains("filename=\"audio.wav\""));

    SlackClient slack(m_http, config(u"/api"_s));
    const auto posted = await<SlackPosted>(
        [&](auto done) { slack.postMessage(u"C1"_s, u"hi"_s, {}, &m_context, done); });
    EXPECT_EQ(posted.error.kind, ClientErrorKind::Server);
    EXPECT_EQ(m_server.requests().size(), 2); // one transcription, one post: a 503 post is not sent again
}
