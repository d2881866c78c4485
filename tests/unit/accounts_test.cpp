// The pure parts of accounts and OAuth: refresh margin, the account state machine, the keychain value,
// token-endpoint answers and errors, identities, the provider catalogue, the settings registry and the
// one-per-account reconnect notification (on a real SQLite file).
#include "FakeClock.h"
#include "TempHome.h"
#include "accounts/AccountIdentity.h"
#include "accounts/AccountRegistry.h"
#include "accounts/Providers.h"
#include "accounts/ReconnectNotice.h"
#include "accounts/StoredCredential.h"
#include "auth/OAuthTokens.h"
#include "auth/TokenExpiry.h"
#include "storage/Database.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QDateTime kNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);

} // namespace

TEST(TokenExpiry, RefreshesWithinTheMarginOnly)
{
    const QDateTime expires = kNow.addSecs(3600);
    EXPECT_FALSE(needsRefresh(expires, kNow));
    EXPECT_FALSE(needsRefresh(expires, expires.addSecs(-61)));
    EXPECT_TRUE(needsRefresh(expires, expires.addSecs(-60))); // exactly the margin: refresh
    EXPECT_TRUE(needsRefresh(expires, expires.addSecs(-1)));
    EXPECT_TRUE(needsRefresh(expires, expires.addSecs(3600))); // long expired
    EXPECT_FALSE(needsRefresh(expires, expires.addSecs(-301), 300s));
    EXPECT_TRUE(needsRefresh(expires, expires.addSecs(-299), 300s));
    EXPECT_FALSE(needsRefresh(QDateTime(), kNow)); // no lifetime given: used until refused
}

TEST(TokenExpiry, ExpiryFromExpiresIn)
{
    EXPECT_EQ(expiryFromExpiresIn(kNow, 3599), kNow.addSecs(3599));
    EXPECT_FALSE(expiryFromExpiresIn(kNow, 0).isValid());
    EXPECT_FALSE(expiryFromExpiresIn(kNow, -5).isValid());
}

TEST(AccountStateMachine, Transitions)
{
    using S = AccountState;
    using E = AccountEvent;
    EXPECT_EQ(nextAccountState(S::NotConnected, E::ConnectSucceeded), S::Connected);
    EXPECT_EQ(nextAccountState(S::Connected, E::TokenOk), S::Connected);
    EXPECT_EQ(nextAccountState(S::Connected, E::TransientFailure), S::Error);
    EXPECT_EQ(nextAccountState(S::Error, E::TokenOk), S::Connected);
    EXPECT_EQ(nextAccountState(S::Connected, E::GrantRevoked), S::NeedsReconnect);
    EXPECT_EQ(nextAccountState(S::Error, E::GrantRevoked), S::NeedsReconnect);
    // Only connecting again (or disconnecting) leaves NeedsReconnect.
    EXPECT_EQ(nextAccountState(S::NeedsReconnect, E::TransientFailure), S::NeedsReconnect);
    EXPECT_EQ(nextAccountState(S::NeedsReconnect, E::TokenOk), S::NeedsReconnect);
    EXPECT_EQ(nextAccountState(S::NeedsReconnect, E::GrantRevoked), S::NeedsReconnect);
    EXPECT_EQ(nextAccountState(S::NeedsReconnect, E::ConnectFailed), S::NeedsReconnect);
    EXPECT_EQ(nextAccountState(S::NeedsReconnect, E::ConnectSucceeded), S::Connected);
    EXPECT_EQ(nextAccountState(S::NeedsReconnect, E::Disconnected), S::NotConnected);
    EXPECT_EQ(nextAccountState(S::Connected, E::ConnectFailed), S::Connected); // a failed re-sign-in changes nothing
    EXPECT_EQ(nextAccountState(S::NotConnected, E::GrantRevoked), S::NotConnected);
}

TEST(AccountStateMachine, NotifiesOnlyOnEnteringNeedsReconnect)
{
    EXPECT_TRUE(entersNeedsReconnect(AccountState::Connected, AccountState::NeedsReconnect));
    EXPECT_TRUE(entersNeedsReconnect(AccountState::Error, AccountState::NeedsReconnect));
    EXPECT_FALSE(entersNeedsReconnect(AccountState::NeedsReconnect, AccountState::NeedsReconnect));
    EXPECT_FALSE(entersNeedsReconnect(AccountState::Connected, AccountState::Error));
    for (AccountState s : { AccountState::NotConnected, AccountState::Connected, AccountState::NeedsReconnect,
             AccountState::Error })
        EXPECT_EQ(accountStateFromString(toString(s)), s);
    EXPECT_FALSE(accountStateFromString(u"bogus"_s).has_value());
}

TEST(StoredCredentialJson, RoundTripsAndRotates)
{
    OAuthTokens tokens;
    tokens.accessToken = u"a1"_s;
    tokens.refreshToken = u"r1"_s;
    tokens.expiresAt = kNow.addSecs(3600);
    tokens.tokenType = u"Bearer"_s;
    tokens.scope = u"email"_s;
    const StoredCredential c = StoredCredential::fromTokens(tokens);
    const auto back = StoredCredential::fromJson(c.toJson());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->kind, StoredCredential::Kind::OAuth);
    EXPECT_EQ(back->accessToken, u"a1"_s);
    EXPECT_EQ(back->refreshToken, u"r1"_s);
    EXPECT_EQ(back->expiresAt, kNow.addSecs(3600));
    EXPECT_EQ(back->usableToken(), u"a1"_s);

    OAuthTokens refreshed;
    refreshed.accessToken = u"a2"_s;
    refreshed.expiresAt = kNow.addSecs(7200);
    const StoredCredential kept = c.rotated(refreshed); // no new refresh token: keep r1
    EXPECT_EQ(kept.accessToken, u"a2"_s);
    EXPECT_EQ(kept.refreshToken, u"r1"_s);
    EXPECT_EQ(kept.expiresAt, kNow.addSecs(7200));
    refreshed.refreshToken = u"r2"_s;
    EXPECT_EQ(c.rotated(refreshed).refreshToken, u"r2"_s);

    const auto key = StoredCredential::fromJson(StoredCredential::fromToken(u"sk-1"_s).toJson());
    ASSERT_TRUE(key.has_value());
    EXPECT_EQ(key->kind, StoredCredential::Kind::Token);
    EXPECT_EQ(key->usableToken(), u"sk-1"_s);

    EXPECT_FALSE(StoredCredential::fromJson(u"not json"_s).has_value());
    EXPECT_FALSE(StoredCredential::fromJson(u"{\"v\":2,\"kind\":\"token\",\"token\":\"x\"}"_s).has_value());
    EXPECT_FALSE(StoredCredential::fromJson(u"{\"v\":1,\"kind\":\"token\"}"_s).has_value());
}

TEST(TokenResponse, ParsesTheFields)
{
    const QVariantMap fields { { u"access_token"_s, u"at"_s }, { u"refresh_token"_s, u"rt"_s },
        { u"expires_in"_s, u"3599"_s }, { u"token_type"_s, u"Bearer"_s }, { u"team"_s, u"acme"_s } };
    const TokenResponseParse parsed = parseTokenResponse(fields, kNow);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.tokens.accessToken, u"at"_s);
    EXPECT_EQ(parsed.tokens.refreshToken, u"rt"_s);
    EXPECT_EQ(parsed.tokens.expiresAt, kNow.addSecs(3599)); // a numeric string counts
    EXPECT_EQ(parsed.tokens.extras.value(u"team"_s).toString(), u"acme"_s);
    EXPECT_FALSE(parsed.tokens.extras.contains(u"access_token"_s));
    EXPECT_FALSE(parsed.tokens.extras.contains(u"refresh_token"_s));

    EXPECT_EQ(parseTokenResponse({ { u"token_type"_s, u"Bearer"_s } }, kNow).error.kind,
        OAuthErrorKind::InvalidResponse);
    EXPECT_EQ(parseTokenResponse({ { u"error"_s, u"invalid_grant"_s } }, kNow).error.kind, OAuthErrorKind::InvalidGrant);
    EXPECT_FALSE(parseTokenResponse({ { u"access_token"_s, u"x"_s } }, kNow).tokens.expiresAt.isValid());
}

TEST(TokenResponse, ClassifiesErrors)
{
    EXPECT_EQ(classifyTokenError(400, R"({"error":"invalid_grant","error_description":"Token has been expired or revoked."})").kind,
        OAuthErrorKind::InvalidGrant);
    EXPECT_EQ(classifyTokenError(401, R"({"error":"invalid_client"})").kind, OAuthErrorKind::InvalidGrant);
    EXPECT_EQ(classifyTokenError(400, "error=invalid_grant").kind, OAuthErrorKind::InvalidGrant); // form-encoded
    EXPECT_EQ(classifyTokenError(400, R"({"error":"invalid_request"})").kind, OAuthErrorKind::Server);
    EXPECT_EQ(classifyTokenError(503, "<html>down</html>").kind, OAuthErrorKind::Server);
    const OAuthError e = classifyTokenError(400, R"({"error":"invalid_grant","error_description":"Bad Request"})");
    EXPECT_TRUE(e.needsReconnect());
    EXPECT_TRUE(e.detail.contains(u"invalid_grant"_s));
    EXPECT_TRUE(e.detail.contains(u"400"_s));
}

TEST(AccountIdentityTest, FromIdTokenSlackOrDefault)
{
    const auto b64 = [](const QByteArray& s) {
        return s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    OAuthTokens google;
    google.idToken = QString::fromLatin1(b64(R"({"alg":"RS256"})") + '.'
        + b64(R"({"email":"casey@example.com","sub":"42"})") + '.' + b64("sig"));
    EXPECT_EQ(identityFromTokens(u"google"_s, google).id, u"casey@example.com"_s);
    EXPECT_EQ(idTokenClaims(google.idToken).value(u"sub"_s).toString(), u"42"_s);
    EXPECT_TRUE(idTokenClaims(u"garbage"_s).isEmpty());

    OAuthTokens slack;
    slack.extras.insert(u"team"_s, QVariantMap { { u"id"_s, u"T1"_s }, { u"name"_s, u"Acme"_s } });
    const AccountIdentity s = identityFromTokens(u"slack"_s, slack);
    EXPECT_EQ(s.id, u"T1"_s);
    EXPECT_EQ(s.displayName, u"Acme"_s);
    EXPECT_EQ(identityFromTokens(u"x"_s, OAuthTokens {}).id, u"default"_s);
}

TEST(ProviderCatalog, EightProvidersWithTheirMethodsAndScopes)
{
    QStringList ids;
    for (const ProviderInfo& p : providerCatalog())
        ids << p.id;
    EXPECT_EQ(ids, (QStringList { u"google"_s, u"hubspot"_s, u"slack"_s, u"x"_s, u"openai"_s, u"gemini"_s, u"xai"_s,
        u"openai-compatible"_s }));
    const ProviderInfo google = *providerInfo(u"google"_s);
    const QString scopes = google.scopes.join(u' ');
    for (const QString& part : { u"gmail"_s, u"calendar"_s, u"drive"_s, u"documents"_s })
        EXPECT_TRUE(scopes.contains(part)) << part.toStdString();
    EXPECT_TRUE(providerInfo(u"hubspot"_s)->supportsOAuth());
    EXPECT_TRUE(providerInfo(u"hubspot"_s)->supportsToken());
    EXPECT_FALSE(providerInfo(u"openai"_s)->supportsOAuth());
    EXPECT_FALSE(providerInfo(u"google"_s)->supportsToken());
    EXPECT_FALSE(providerInfo(u"nope"_s).has_value());
}

TEST(ProviderCatalog, EndpointsAndClientIdComeFromSettings)
{
    test::TempHome home;
    QSettings settings(home.file(u"s.ini"_s), QSettings::IniFormat);
    const ProviderInfo google = *providerInfo(u"google"_s);
    OAuthClientConfig c = oauthConfigFor(google, settings);
    EXPECT_EQ(c.tokenUrl, QUrl(u"https://oauth2.googleapis.com/token"_s));
    EXPECT_FALSE(c.isUsable()); // no client id yet
    settings.setValue(u"providers/google/tokenUrl"_s, u"http://127.0.0.1:9/token"_s);
    settings.setValue(u"providers/google/authorizationUrl"_s, u"http://127.0.0.1:9/auth"_s);
    settings.setValue(u"providers/google/clientId"_s, u"cid"_s);
    c = oauthConfigFor(google, settings);
    EXPECT_EQ(c.tokenUrl, QUrl(u"http://127.0.0.1:9/token"_s));
    EXPECT_EQ(c.authorizationUrl, QUrl(u"http://127.0.0.1:9/auth"_s));
    EXPECT_TRUE(c.isUsable());
    EXPECT_TRUE(c.clientSecret.isEmpty());
    EXPECT_EQ(c.authorizationTimeoutMs, 300000);
    settings.setValue(u"accounts/signInTimeoutSeconds"_s, 90);
    EXPECT_EQ(oauthConfigFor(google, settings).authorizationTimeoutMs, 90000);
    settings.setValue(u"accounts/signInTimeoutSeconds"_s, 1); // out of range: default
    EXPECT_EQ(oauthConfigFor(google, settings).authorizationTimeoutMs, 300000);
}

TEST(AccountRegistryTest, KeepsIdentifiersAndStateAcrossInstances)
{
    test::TempHome home;
    const QString path = home.file(u"settings.ini"_s);
    {
        AccountRegistry registry(path);
        registry.upsert({ u"google"_s, u"casey@example.com"_s, u"casey@example.com"_s, Account::Credential::OAuth,
            AccountState::Connected, {} });
        registry.upsert({ u"openai"_s, u"default"_s, {}, Account::Credential::Token, AccountState::Connected, {} });
        const auto change = registry.apply(u"google"_s, u"casey@example.com"_s, AccountEvent::GrantRevoked,
            u"Reconnect please"_s);
        ASSERT_TRUE(change.has_value());
        EXPECT_EQ(change->first, AccountState::Connected);
        EXPECT_EQ(change->second, AccountState::NeedsReconnect);
        EXPECT_FALSE(registry.apply(u"google"_s, u"other@example.com"_s, AccountEvent::TokenOk).has_value());
    }
    AccountRegistry again(path);
    ASSERT_EQ(again.accounts().size(), 2);
    const auto google = again.find(u"google"_s, u"casey@example.com"_s);
    ASSERT_TRUE(google.has_value());
    EXPECT_EQ(google->state, AccountState::NeedsReconnect);
    EXPECT_EQ(google->lastError, u"Reconnect please"_s);
    EXPECT_EQ(again.find(u"openai"_s, u"default"_s)->credential, Account::Credential::Token);
    // A success clears the message.
    again.apply(u"google"_s, u"casey@example.com"_s, AccountEvent::ConnectSucceeded);
    EXPECT_TRUE(again.find(u"google"_s, u"casey@example.com"_s)->lastError.isEmpty());
    EXPECT_TRUE(again.remove(u"openai"_s, u"default"_s));
    EXPECT_FALSE(again.remove(u"openai"_s, u"default"_s));
    EXPECT_EQ(again.accounts().size(), 1);
}

TEST(ReconnectNoticeTest, OneNotificationPerAccountUntilDismissed)
{
    test::TempHome home;
    test::FakeClock clock;
    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    const Account a { u"google"_s, u"casey@example.com"_s, u"casey@example.com"_s, Account::Credential::OAuth,
        AccountState::NeedsReconnect, {} };
    const Account b { u"hubspot"_s, u"default"_s, {}, Account::Credential::Token, AccountState::NeedsReconnect, {} };
    EXPECT_TRUE(postReconnectNotice(db, clock, a).value());
    EXPECT_FALSE(postReconnectNotice(db, clock, a).value()); // already there
    EXPECT_TRUE(postReconnectNotice(db, clock, b).value()); // another account: its own
    QSqlQuery q(db.sql());
    ASSERT_TRUE(q.exec(u"SELECT title, priority, kind FROM notifications ORDER BY id"_s));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), u"Reconnect Google (casey@example.com)"_s);
    EXPECT_EQ(q.value(1).toInt(), 75);
    EXPECT_EQ(q.value(2).toString(), u"account_reconnect"_s);
    ASSERT_TRUE(q.next());
    EXPECT_FALSE(q.next());
    // Once dismissed, a later loss of the grant notifies again.
    ASSERT_TRUE(q.exec(u"UPDATE notifications SET dismissed_at = 1"_s));
    EXPECT_TRUE(postReconnectNotice(db, clock, a).value());
}
