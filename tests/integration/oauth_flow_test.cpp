// The OAuth 2 loopback flow (services/auth/OAuthLoopbackFlow) end to end against a local authorization
// server: the browser is a plain HTTP client that loads the authorization URL and follows the 302 to the
// app's redirect listener on 127.0.0.1. No keychain involved here (see accounts_keychain_test.cpp).
#include "FakeClock.h"
#include "WaitFor.h"
#include "auth/OAuthLoopbackFlow.h"
#include "auth/Pkce.h"
#include "oauth_fake_server.h"

#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QUrlQuery>
#include <gtest/gtest.h>
#include <optional>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {

struct FlowRun
{
    std::optional<OAuthTokens> tokens;
    std::optional<OAuthError> error;
    QUrl browserUrl;
    bool done() const { return tokens || error; }
};

class OAuthFlow : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_server.listen()); }

    OAuthClientConfig config() const
    {
        OAuthClientConfig c;
        c.authorizationUrl = m_server.authorizationUrl();
        c.tokenUrl = m_server.tokenUrl();
        c.clientId = m_server.clientId();
        c.scopes = { u"openid"_s, u"email"_s, u"https://www.googleapis.com/auth/gmail.modify"_s };
        c.extraAuthorizationParameters = { { u"access_type"_s, u"offline"_s } };
        return c;
    }

    // Starts a flow and records what it reports.
    void start(OAuthLoopbackFlow& flow, FlowRun& run)
    {
        QObject::connect(&flow, &OAuthLoopbackFlow::openBrowser, &m_context, [&run](const QUrl& u) { run.browserUrl = u; });
        QObject::connect(&flow, &OAuthLoopbackFlow::succeeded, &m_context, [&run](const OAuthTokens& t) { run.tokens = t; });
        QObject::connect(&flow, &OAuthLoopbackFlow::failed, &m_context, [&run](const OAuthError& e) { run.error = e; });
        ASSERT_TRUE(flow.start());
        ASSERT_TRUE(run.browserUrl.isValid());
    }

    test::FakeAuthServer m_server;
    test::FakeClock m_clock;
    QObject m_context;
};

} // namespace

TEST_F(OAuthFlow, SucceedsWithPkceAndReturnsTokens)
{
    OAuthLoopbackFlow flow(config(), m_clock);
    FlowRun run;
    start(flow, run);

    // What the app asked the browser to open: the server's address with PKCE S256, state and loopback redirect.
    const QUrlQuery asked(run.browserUrl);
    EXPECT_EQ(run.browserUrl.adjusted(QUrl::RemoveQuery), m_server.authorizationUrl());
    EXPECT_EQ(asked.queryItemValue(u"code_challenge_method"_s), u"S256"_s);
    EXPECT_EQ(asked.queryItemValue(u"code_challenge"_s).size(), 43);
    EXPECT_EQ(asked.queryItemValue(u"state"_s).size(), 43); // pkce::generateState(), not Qt's short default
    EXPECT_EQ(asked.queryItemValue(u"access_type"_s), u"offline"_s);
    const QUrl redirect(asked.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    EXPECT_EQ(redirect.host(), u"127.0.0.1"_s);
    EXPECT_GT(redirect.port(), 0);
    EXPECT_EQ(redirect.port(), flow.redirectUri().port());

    // The listener is bound to the loopback interface only.
    {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(redirect.port()));
        EXPECT_TRUE(probe.waitForConnected(2000));
    }

    EXPECT_EQ(test::simulateBrowser(run.browserUrl), 200);
    ASSERT_TRUE(test::waitFor([&] { return run.done(); }, 10000));
    ASSERT_TRUE(run.tokens.has_value()) << run.error->detail.toStdString();
    EXPECT_EQ(m_server.lastVerifierCheck(), u"ok"_s);
    EXPECT_EQ(m_server.codeExchanges(), 1);
    EXPECT_EQ(m_server.lastScope(), u"openid email https://www.googleapis.com/auth/gmail.modify"_s);
    EXPECT_EQ(run.tokens->accessToken, m_server.lastAccessToken());
    EXPECT_EQ(run.tokens->refreshToken, m_server.currentRefreshToken());
    EXPECT_EQ(run.tokens->expiresAt, m_clock.now().addSecs(3600)); // from the injected clock
    EXPECT_FALSE(run.tokens->idToken.isEmpty());
    EXPECT_FALSE(run.tokens->extras.contains(u"access_token"_s));
    EXPECT_TRUE(flow.isFinished());
    // Finished: the listener is closed.
    QTcpSocket after;
    after.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(redirect.port()));
    EXPECT_FALSE(after.waitForConnected(1000));
}

TEST_F(OAuthFlow, WrongStateIsRejectedAndNoTokenIsRequested)
{
    m_server.setForgeState(true);
    OAuthLoopbackFlow flow(config(), m_clock);
    FlowRun run;
    start(flow, run);
    QUrl redirectedTo;
    test::simulateBrowser(run.browserUrl, &redirectedTo);
    ASSERT_TRUE(test::waitFor([&] { return run.done(); }, 10000));
    ASSERT_TRUE(run.error.has_value());
    EXPECT_EQ(run.error->kind, OAuthErrorKind::StateMismatch) << oauthErrorKindName(run.error->kind).toStdString();
    EXPECT_FALSE(run.tokens.has_value());
    // The redirect did carry a code: it was not exchanged.
    EXPECT_FALSE(QUrlQuery(redirectedTo).queryItemValue(u"code"_s).isEmpty());
    QTest::qWait(300); // a late token request would show up now
    EXPECT_EQ(m_server.tokenRequests(), 0);
}

TEST_F(OAuthFlow, MissingStateIsRejected)
{
    OAuthLoopbackFlow flow(config(), m_clock);
    FlowRun run;
    start(flow, run);
    QUrl callback = flow.redirectUri();
    callback.setQuery(u"code=stolen-code"_s);
    QNetworkAccessManager browser;
    QNetworkReply* reply = browser.get(QNetworkRequest(callback));
    ASSERT_TRUE(test::waitFor([&] { return run.done(); }, 10000));
    test::waitFor([&] { return reply->isFinished(); }, 5000);
    ASSERT_TRUE(run.error.has_value());
    EXPECT_EQ(run.error->kind, OAuthErrorKind::StateMismatch);
    EXPECT_EQ(m_server.tokenRequests(), 0);
}

TEST_F(OAuthFlow, WrongVerifierIsRejectedByTheServerAndSurfacesAsError)
{
    OAuthLoopbackFlow flow(config(), m_clock);
    FlowRun run;
    start(flow, run);
    // The server is told a challenge for some other verifier, so the app's real verifier will not match.
    QUrl tampered = run.browserUrl;
    QUrlQuery q(tampered);
    q.removeQueryItem(u"code_challenge"_s);
    q.addQueryItem(u"code_challenge"_s, QString::fromLatin1(pkce::codeChallengeS256(pkce::generateCodeVerifier())));
    tampered.setQuery(q);
    EXPECT_EQ(test::simulateBrowser(tampered), 200);
    ASSERT_TRUE(test::waitFor([&] { return run.done(); }, 10000));
    ASSERT_TRUE(run.error.has_value());
    EXPECT_FALSE(run.tokens.has_value());
    EXPECT_EQ(m_server.lastVerifierCheck(), u"mismatch"_s);
    EXPECT_EQ(m_server.rejectedTokenRequests(), 1);
    EXPECT_EQ(run.error->kind, OAuthErrorKind::InvalidGrant) << run.error->detail.toStdString();
    EXPECT_TRUE(run.error->detail.contains(u"invalid_grant"_s)) << run.error->detail.toStdString();
}

TEST_F(OAuthFlow, DeniedConsentEndsWithAccessDenied)
{
    m_server.setDenyAccess(true);
    OAuthLoopbackFlow flow(config(), m_clock);
    FlowRun run;
    start(flow, run);
    test::simulateBrowser(run.browserUrl);
    ASSERT_TRUE(test::waitFor([&] { return run.done(); }, 10000));
    ASSERT_TRUE(run.error.has_value());
    EXPECT_EQ(run.error->kind, OAuthErrorKind::AccessDenied);
    EXPECT_EQ(m_server.tokenRequests(), 0);
}

TEST_F(OAuthFlow, AbandonedSignInTimesOutWithAClearError)
{
    OAuthClientConfig c = config();
    c.authorizationTimeoutMs = 300;
    OAuthLoopbackFlow flow(c, m_clock);
    FlowRun run;
    start(flow, run);
    const QUrl redirect = flow.redirectUri();
    // The user never comes back from the browser.
    ASSERT_TRUE(test::waitFor([&] { return run.done(); }, 5000));
    ASSERT_TRUE(run.error.has_value());
    EXPECT_EQ(run.error->kind, OAuthErrorKind::Timeout);
    EXPECT_TRUE(run.error->message.contains(u"not completed"_s)) << run.error->message.toStdString();
    // A redirect arriving afterwards finds nobody listening.
    QTcpSocket late;
    late.connectToHost(QHostAddress(QHostAddress::LocalHost), quint16(redirect.port()));
    EXPECT_FALSE(late.waitForConnected(1000));
    EXPECT_EQ(m_server.tokenRequests(), 0);
}

TEST_F(OAuthFlow, UnconfiguredProviderFailsAtOnce)
{
    OAuthClientConfig c = config();
    c.clientId.clear();
    OAuthLoopbackFlow flow(c, m_clock);
    QSignalSpy failed(&flow, &OAuthLoopbackFlow::failed);
    QSignalSpy browser(&flow, &OAuthLoopbackFlow::openBrowser);
    EXPECT_FALSE(flow.start());
    ASSERT_TRUE(test::waitForSignal(failed));
    EXPECT_EQ(failed.at(0).at(0).value<OAuthError>().kind, OAuthErrorKind::NotConfigured);
    EXPECT_EQ(browser.count(), 0);
}
