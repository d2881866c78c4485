// HttpClient against a real local HTTP server (net_test_server) that fails on purpose: retries, Retry-After
// in both forms, final statuses, malformed and oversized bodies, timeouts, a closed port, the circuit
// breaker and the rate governor counted on the server side. Back-off is shrunk so real waits stay short.
#include "FakeClock.h"
#include "WaitFor.h"
#include "net/HttpClient.h"
#include "net_test_server.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTcpServer>

#include <gtest/gtest.h>

#include <optional>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

HttpClientOptions fastOptions()
{
    HttpClientOptions options;
    options.retry.baseDelayMs = 20;
    options.random = [] { return 0.5; };
    return options;
}

HttpResult run(HttpClient& client, const HttpRequest& request, int timeoutMs = 10000)
{
    std::optional<HttpResult> result;
    client.send(request, nullptr, [&result](const HttpResult& r) { result = r; });
    EXPECT_TRUE(waitFor([&] { return result.has_value(); }, timeoutMs)) << "no callback";
    return result.value_or(HttpResult {});
}

HttpRequest get(const NetTestServer& server, const QString& path = u"/v1/things"_s)
{
    HttpRequest request;
    request.url = server.url(path);
    return request;
}

class NetHttpClient : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_server.listen()); }
    NetTestServer m_server;
};

} // namespace

TEST_F(NetHttpClient, TwoServiceUnavailableThenSuccess)
{
    m_server.setHandler([](const SeenRequest&, int index) {
        return index < 2 ? NetTestServer::json(503, R"({"error":"busy"})")
                         : NetTestServer::json(200, R"({"results":[{"id":"7"}]})");
    });
    HttpClient client(SystemClock::instance(), fastOptions());
    const HttpResult result = run(client, get(m_server));
    ASSERT_TRUE(result.ok()) << result.error.message.toStdString();
    EXPECT_EQ(m_server.requests().size(), 3);
    EXPECT_EQ(result.attempts, 3);
    EXPECT_EQ(result.response.status, 200);
    EXPECT_EQ(result.response.json.object().value(u"results"_s).toArray().first().toObject().value(u"id"_s),
        u"7"_s);
    EXPECT_EQ(client.pendingCount(), 0);
}

TEST_F(NetHttpClient, RetryAfterSecondsIsWaitedOut)
{
    m_server.setHandler([](const SeenRequest&, int index) {
        return index == 0 ? NetTestServer::json(429, "{}", { { "Retry-After", "1" } })
                          : NetTestServer::json(200, "{}");
    });
    HttpClient client(SystemClock::instance(), fastOptions()); // back-off alone would retry after 20 ms
    const HttpResult result = run(client, get(m_server));
    ASSERT_TRUE(result.ok()) << result.error.message.toStdString();
    ASSERT_EQ(m_server.requests().size(), 2);
    EXPECT_GE(m_server.requests()[1].atMs - m_server.requests()[0].atMs, 1000);
}

TEST_F(NetHttpClient, RetryAfterHttpDateIsWaitedOut)
{
    m_server.setHandler([](const SeenRequest&, int index) {
        if (index > 0)
            return NetTestServer::json(200, "{}");
        // Two whole seconds ahead of the current second: between 1 and 2 s from now.
        const QDateTime when = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 2, Qt::UTC);
        const QByteArray date
            = QLocale::c().toString(when, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
        return NetTestServer::json(503, "{}", { { "Retry-After", date } });
    });
    HttpClient client(SystemClock::instance(), fastOptions());
    const HttpResult result = run(client, get(m_server));
    ASSERT_TRUE(result.ok()) << result.error.message.toStdString();
    ASSERT_EQ(m_server.requests().size(), 2);
    EXPECT_GE(m_server.requests()[1].atMs - m_server.requests()[0].atMs, 1000);
}

TEST_F(NetHttpClient, LongRetryAfterEndsAsRateLimitedWithTheDelay)
{
    m_server.setHandler(
        [](const SeenRequest&, int) { return NetTestServer::json(429, "{}", { { "Retry-After", "600" } }); });
    HttpClient client(SystemClock::instance(), fastOptions());
    const HttpResult result = run(client, get(m_server));
    EXPECT_EQ(result.error.kind, HttpErrorKind::RateLimited);
    EXPECT_EQ(result.error.status, 429);
    EXPECT_EQ(result.error.retryAfterMs, 600000);
    EXPECT_EQ(m_server.requests().size(), 1);
    EXPECT_TRUE(result.error.message.contains(u"127.0.0.1"_s));
}

TEST_F(NetHttpClient, RateLimitedWithoutRetryAfterUsesBackoffThenGivesUp)
{
    m_server.setHandler([](const SeenRequest&, int) { return NetTestServer::json(429, "{}"); });
    HttpClient client(SystemClock::instance(), fastOptions());
    const HttpResult result = run(client, get(m_server));
    EXPECT_EQ(result.error.kind, HttpErrorKind::RateLimited);
    EXPECT_EQ(result.error.retryAfterMs, -1);
    EXPECT_EQ(m_server.requests().size(), 4); // the first try and three retries
}

TEST_F(NetHttpClient, BadRequestIsNotRetried)
{
    m_server.setHandler(
        [](const SeenRequest&, int) { return NetTestServer::json(400, R"({"message":"bad filter"})"); });
    HttpClient client(SystemClock::instance(), fastOptions());
    const HttpResult result = run(client, get(m_server));
    EXPECT_EQ(result.error.kind, HttpErrorKind::Http);
    EXPECT_EQ(result.error.status, 400);
    EXPECT_EQ(result.response.body, R"({"message":"bad filter"})"); // the provider's reason stays readable
    EXPECT_EQ(m_server.requests().size(), 1);
}

TEST_F(NetHttpClient, TruncatedOrWrongTypeBodiesAreMalformed)
{
    const QByteArray full = R"({"results":[{"id":"1"},{"id":"2"}],"paging":{"next":{"after":"2"}}})";
    m_server.setHandler([&full](const SeenRequest& request, int) {
        if (request.path == "/cut-json")
            return NetTestServer::json(200, full.left(30)); // consistent length, broken JSON
        if (request.path == "/cut-short")
            return ScriptedReply { 200, { { "Content-Type", "application/json" } }, full,
                ScriptedReply::Mode::CutShort };
        return ScriptedReply { 200, { { "Content-Type", "text/html" } }, "<html>maintenance</html>" };
    });
    HttpClient client(SystemClock::instance(), fastOptions());
    for (const QString& path : { u"/cut-json"_s, u"/cut-short"_s, u"/html"_s }) {
        const HttpResult result = run(client, get(m_server, path));
        EXPECT_EQ(result.error.kind, HttpErrorKind::Malformed) << path.toStdString();
        EXPECT_TRUE(result.response.json.isNull()) << path.toStdString();
        EXPECT_FALSE(result.error.message.isEmpty());
    }
    EXPECT_EQ(m_server.requests().size(), 3); // malformed replies are not retried
}

TEST_F(NetHttpClient, FiftyMegabyteBodyIsAbortedAsTooLarge)
{
    const QByteArray huge(50 * 1024 * 1024, 'x');
    m_server.setHandler([&huge](const SeenRequest& request, int) {
        // Streamed without a length (the client must count) or declared up front (refused at once).
        return ScriptedReply { 200, { { "Content-Type", "application/json" } }, huge,
            request.path == "/stream" ? ScriptedReply::Mode::NoLength : ScriptedReply::Mode::Normal };
    });
    HttpClient client(SystemClock::instance(), fastOptions());
    for (const QString& path : { u"/stream"_s, u"/declared"_s }) {
        const HttpResult result = run(client, get(m_server, path), 30000);
        EXPECT_EQ(result.error.kind, HttpErrorKind::TooLarge) << path.toStdString();
        EXPECT_TRUE(result.response.body.isEmpty());
        EXPECT_TRUE(result.error.message.contains(u"16 MB"_s)) << result.error.message.toStdString();
    }
    EXPECT_EQ(m_server.requests().size(), 2);
}

TEST_F(NetHttpClient, SilentServerTimesOutAndIsRetried)
{
    m_server.setHandler([](const SeenRequest&, int) { return ScriptedReply { 200, {}, {}, ScriptedReply::Mode::NeverAnswer }; });
    HttpClient client(SystemClock::instance(), fastOptions());
    HttpRequest request = get(m_server);
    request.timeoutMs = 300;
    QElapsedTimer elapsed;
    elapsed.start();
    const HttpResult result = run(client, request, 15000);
    EXPECT_EQ(result.error.kind, HttpErrorKind::Timeout);
    EXPECT_EQ(result.attempts, 4);
    EXPECT_EQ(m_server.requests().size(), 4);
    EXPECT_GE(elapsed.elapsed(), 4 * 300);
}

TEST_F(NetHttpClient, ClosedPortIsANetworkError)
{
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress(QHostAddress::LocalHost), 0));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now
    HttpClient client(SystemClock::instance(), fastOptions());
    HttpRequest request;
    request.url = QUrl(u"http://127.0.0.1:%1/x?api_key=SECRET-CANARY"_s.arg(port));
    const HttpResult result = run(client, request);
    EXPECT_EQ(result.error.kind, HttpErrorKind::Network);
    EXPECT_EQ(result.attempts, 4);
    EXPECT_EQ(result.error.status, 0);
    EXPECT_TRUE(result.error.message.contains(u"refused"_s)) << result.error.message.toStdString();
    EXPECT_FALSE(result.error.message.contains(u"SECRET-CANARY"_s));
}

TEST_F(NetHttpClient, FiveFailuresOpenTheBreakerWhichRecovers)
{
    bool healthy = false;
    m_server.setHandler([&healthy](const SeenRequest&, int) {
        return healthy ? NetTestServer::json(200, "{}") : NetTestServer::json(500, "{}");
    });
    FakeClock clock(QDateTime::currentDateTimeUtc());
    HttpClientOptions options = fastOptions();
    options.retry.maxRetries = 0; // one attempt per request: five requests, five failures
    HttpClient client(clock, options);
    HttpRequest request = get(m_server);
    request.account = u"hubspot:acme"_s;
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(run(client, request).error.kind, HttpErrorKind::Http) << i;
    EXPECT_EQ(client.breaker(request.account).state(), CircuitBreaker::State::Open);

    const HttpResult refused = run(client, request);
    EXPECT_EQ(refused.error.kind, HttpErrorKind::CircuitOpen);
    EXPECT_EQ(refused.error.retryAfterMs, 60000);
    EXPECT_EQ(refused.attempts, 0);
    EXPECT_EQ(m_server.requests().size(), 5); // the open breaker sent nothing

    HttpRequest other = request;
    other.account = u"hubspot:other"_s; // breakers are per account
    EXPECT_EQ(run(client, other).error.kind, HttpErrorKind::Http);

    healthy = true;
    clock.advance(60);
    EXPECT_TRUE(run(client, request).ok());
    EXPECT_EQ(client.breaker(request.account).state(), CircuitBreaker::State::HalfOpen);
    EXPECT_TRUE(run(client, request).ok());
    EXPECT_EQ(client.breaker(request.account).state(), CircuitBreaker::State::Closed);
}

TEST_F(NetHttpClient, RetriesStopWhenTheBreakerOpens)
{
    m_server.setHandler([](const SeenRequest&, int) { return NetTestServer::json(503, "{}"); });
    HttpClient client(SystemClock::instance(), fastOptions());
    HttpRequest request = get(m_server);
    request.account = u"gmail:me"_s;
    EXPECT_EQ(run(client, request).error.kind, HttpErrorKind::Http); // 4 attempts, 4 failures
    const HttpResult second = run(client, request); // the 5th failure opens it; no retry follows
    EXPECT_EQ(second.error.kind, HttpErrorKind::CircuitOpen);
    EXPECT_EQ(second.attempts, 1);
    EXPECT_EQ(m_server.requests().size(), 5);
}

TEST_F(NetHttpClient, GovernorKeepsEveryServerWindowWithinBudget)
{
    m_server.setHandler([](const SeenRequest&, int) { return NetTestServer::json(200, "{}"); });
    HttpClient client(SystemClock::instance(), fastOptions());
    // 3 requests per 500 ms, padded by 50 ms the way ProviderLimits pads for arrival jitter.
    client.governor().setLimit(u"test:acct"_s, 3, 550);
    int done = 0;
    int failed = 0;
    for (int i = 0; i < 9; ++i) {
        HttpRequest request = get(m_server);
        request.rateCosts = { { u"test:acct"_s, 1 } };
        client.send(request, nullptr, [&](const HttpResult& r) {
            ++done;
            failed += r.ok() ? 0 : 1;
        });
    }
    ASSERT_TRUE(waitFor([&] { return done == 9; }, 10000));
    EXPECT_EQ(failed, 0);
    const auto& seen = m_server.requests();
    ASSERT_EQ(seen.size(), 9);
    // Counted where the server counts: any 4 consecutive arrivals span at least one 500 ms window.
    for (qsizetype i = 0; i + 3 < seen.size(); ++i)
        EXPECT_GE(seen[i + 3].atMs - seen[i].atMs, 500) << "arrivals " << i << ".." << i + 3;
}

TEST_F(NetHttpClient, CallbackIsDroppedWhenTheContextDies)
{
    m_server.setHandler([](const SeenRequest&, int) { return NetTestServer::json(200, "{}"); });
    HttpClient client(SystemClock::instance(), fastOptions());
    bool called = false;
    auto* context = new QObject;
    client.send(get(m_server), context, [&called](const HttpResult&) { called = true; });
    delete context;
    ASSERT_TRUE(waitFor([&] { return m_server.requests().size() == 1 && client.pendingCount() == 0; }));
    QTest::qWait(50);
    EXPECT_FALSE(called);
}
