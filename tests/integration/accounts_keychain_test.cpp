// Accounts end to end with the real OS keychain: OAuth sign-in against a local authorization server, tokens in
// gnome-keyring through QtKeychain, refresh before expiry with rotation persisted, a revoked grant turning
// into one "reconnect" notification, API keys, disconnect — and afterwards no secret in the database, the
// settings or the logs. scripts/test.sh runs this in a private D-Bus session with an unlocked gnome-keyring
// (CASEYOS_EXPECT_KEYRING=1). Elsewhere the tests never touch a developer's keyring: they point D-Bus at
// nothing and check the no-keychain path instead, and say so.
#include "FakeClock.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "accounts/AccountRegistry.h"
#include "accounts/AccountsRuntime.h"
#include "audit/AuditLog.h"
#include "accounts/AccountsService.h"
#include "accounts/ReconnectNotice.h"
#include "accounts/StoredCredential.h"
#include "accounts/TokenStore.h"
#include "auth/TokenEndpoint.h"
#include "logging/Logging.h"
#include "oauth_fake_server.h"
#include "secrets/SecretKey.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"

#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QUuid>
#include <gtest/gtest.h>
#include <iostream>
#include <optional>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {

bool suiteKeyring()
{
    return qEnvironmentVariable("CASEYOS_EXPECT_KEYRING") == u"1"_s;
}

struct ConnectOutcome
{
    bool ok = false;
    QString message;
};

class AccountsKeychain : public ::testing::Test
{
protected:
    AccountsKeychain()
    {
        if (!suiteKeyring()) // never the developer's own keyring
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/caseyos-test-bus");
        m_email = u"it-"_s % QUuid::createUuid().toString(QUuid::Id128).left(12) % u"@example.com"_s;
        // Tests run in parallel on one keyring: every test has keys of its own.
        m_keyAccount = u"key-"_s % QUuid::createUuid().toString(QUuid::Id128).left(12);
    }

    void SetUp() override
    {
        ASSERT_TRUE(m_server.listen());
        m_server.setEmail(m_email);
        QString error;
        ASSERT_TRUE(m_db.open(m_home.databasePath(), &error)) << error.toStdString();
        build();
    }

    void TearDown() override
    {
        // Leave nothing in the suite's keyring.
        if (suiteKeyring()) {
            for (const auto& [provider, account] : { std::pair(u"google"_s, m_email), std::pair(u"openai"_s, m_keyAccount) }) {
                bool done = false;
                m_secrets.remove(provider, account, &m_context, [&](const SecretError&) { done = true; });
                test::waitFor([&] { return done; }, 10000);
            }
        }
        m_service.reset();
        m_tokens.reset();
        m_registry.reset();
    }

    // (Re)creates everything above the keychain, as a restart of the app would.
    void build()
    {
        m_service.reset();
        m_tokens.reset();
        m_registry = std::make_unique<AccountRegistry>(settingsPath());
        const auto resolver = [this](const QString&) { return config(); };
        m_tokens = std::make_unique<TokenStore>(m_secrets, m_endpoint, m_clock, resolver);
        m_service = std::make_unique<AccountsService>(*m_registry, *m_tokens, m_clock, resolver);
        m_service->setReconnectNotifier([this](const Account& account) {
            const Result<bool> posted = postReconnectNotice(m_db, m_clock, account);
            EXPECT_TRUE(posted.ok()) << posted.error().toStdString();
        });
    }

    QString settingsPath() const { return m_home.file(u"settings.ini"_s); }

    OAuthClientConfig config() const
    {
        OAuthClientConfig c;
        c.authorizationUrl = m_server.authorizationUrl();
        c.tokenUrl = m_server.tokenUrl();
        c.clientId = m_server.clientId();
        c.scopes = { u"openid"_s, u"email"_s };
        c.tokenRequestTimeoutMs = 1000;
        return c;
    }

    ConnectOutcome connectGoogle()
    {
        std::optional<ConnectOutcome> outcome;
        QUrl url;
        QObject context;
        QObject::connect(m_service.get(), &AccountsService::browserRequested, &context,
            [&](const QString&, const QUrl& u) { url = u; });
        QObject::connect(m_service.get(), &AccountsService::connectFinished, &context,
            [&](const QString&, bool ok, const QString& message) { outcome = ConnectOutcome { ok, message }; });
        m_service->connectOAuth(u"google"_s);
        EXPECT_TRUE(url.isValid());
        EXPECT_EQ(test::simulateBrowser(url), 200);
        EXPECT_TRUE(test::waitFor([&] { return outcome.has_value(); }, 15000)) << "connect timed out";
        return outcome.value_or(ConnectOutcome { false, u"timeout"_s });
    }

    ConnectOutcome connectKey(const QString& provider, const QString& key)
    {
        std::optional<ConnectOutcome> outcome;
        QObject context;
        QObject::connect(m_service.get(), &AccountsService::connectFinished, &context,
            [&](const QString&, bool ok, const QString& message) { outcome = ConnectOutcome { ok, message }; });
        m_service->connectWithToken(provider, m_keyAccount, key);
        EXPECT_TRUE(test::waitFor([&] { return outcome.has_value(); }, 15000)) << "connect timed out";
        return outcome.value_or(ConnectOutcome { false, u"timeout"_s });
    }

    bool disconnect(const QString& provider, const QString& account)
    {
        std::optional<bool> ok;
        QObject context;
        QObject::connect(m_service.get(), &AccountsService::disconnectFinished, &context,
            [&](const QString&, const QString&, bool success, const QString&) { ok = success; });
        m_service->disconnectAccount(provider, account);
        EXPECT_TRUE(test::waitFor([&] { return ok.has_value(); }, 15000));
        return ok.value_or(false);
    }

    AccessTokenResult token(const QString& provider, const QString& account)
    {
        std::optional<AccessTokenResult> result;
        m_tokens->validAccessToken(provider, account, &m_context, [&](const AccessTokenResult& r) { result = r; });
        EXPECT_TRUE(test::waitFor([&] { return result.has_value(); }, 15000)) << "token request timed out";
        return result.value_or(AccessTokenResult { {}, makeOAuthError(OAuthErrorKind::Timeout, u"timeout"_s) });
    }

    std::optional<StoredCredential> stored(const QString& provider, const QString& account)
    {
        std::optional<SecretReadResult> result;
        m_secrets.read(provider, account, &m_context, [&](const SecretReadResult& r) { result = r; });
        EXPECT_TRUE(test::waitFor([&] { return result.has_value(); }, 15000));
        if (!result || !result->ok())
            return std::nullopt;
        return StoredCredential::fromJson(result->secret);
    }

    int reconnectNotifications()
    {
        QSqlQuery q(m_db.sql());
        EXPECT_TRUE(q.exec(u"SELECT COUNT(*) FROM notifications WHERE kind = 'account_reconnect'"_s));
        return q.next() ? q.value(0).toInt() : -1;
    }

    // Items under the keychain key, as the user would find them with libsecret's own tool.
    int keyringItems(const QString& provider, const QString& account)
    {
        QProcess p;
        p.start(u"secret-tool"_s, { u"search"_s, u"--all"_s, u"server"_s, QString::fromUtf16(kSecretServiceName),
                                      u"user"_s, secretKey(provider, account) });
        EXPECT_TRUE(p.waitForFinished(10000));
        int items = 0;
        for (const QByteArray& line : p.readAllStandardOutput().split('\n'))
            items += line.startsWith('[') ? 1 : 0;
        return items;
    }

    test::TempHome m_home;
    test::FakeAuthServer m_server;
    test::FakeClock m_clock;
    Database m_db;
    SecretStore m_secrets;
    TokenEndpoint m_endpoint { m_clock };
    std::unique_ptr<AccountRegistry> m_registry;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<AccountsService> m_service;
    QObject m_context;
    QString m_email;
    QString m_keyAccount;
};

// Outside the suite's session: connecting fails with the keychain's message and lists nothing.
void expectNoKeychainPath(AccountsKeychain& t, const std::function<ConnectOutcome()>& connect,
    const std::function<QList<Account>()>& accounts)
{
    std::cout << "[ NOTE     ] CASEYOS_EXPECT_KEYRING is not 1 (not in scripts/test.sh's session): checking that "
                 "connecting without a keychain fails cleanly instead of the keychain round trip\n";
    (void)t;
    const ConnectOutcome outcome = connect();
    EXPECT_FALSE(outcome.ok);
    EXPECT_TRUE(outcome.message.contains(u"keychain"_s, Qt::CaseInsensitive)) << outcome.message.toStdString();
    EXPECT_TRUE(accounts().isEmpty());
}

} // namespace

TEST_F(AccountsKeychain, OAuthConnectStoresTokensOnlyInTheKeychain)
{
    if (!suiteKeyring())
        return expectNoKeychainPath(*this, [this] { return connectGoogle(); }, [this] { return m_registry->accounts(); });

    const ConnectOutcome outcome = connectGoogle();
    ASSERT_TRUE(outcome.ok) << outcome.message.toStdString();
    EXPECT_EQ(m_server.lastVerifierCheck(), u"ok"_s);

    // The settings list the account by the id_token's e-mail, state connected.
    const std::optional<Account> account = m_registry->find(u"google"_s, m_email);
    ASSERT_TRUE(account.has_value());
    EXPECT_EQ(account->displayName, m_email);
    EXPECT_EQ(account->state, AccountState::Connected);
    EXPECT_EQ(account->credential, Account::Credential::OAuth);

    // The keychain holds the tokens under caseyos:google:<email>, as one item.
    const std::optional<StoredCredential> credential = stored(u"google"_s, m_email);
    ASSERT_TRUE(credential.has_value());
    EXPECT_EQ(credential->accessToken, m_server.lastAccessToken());
    EXPECT_EQ(credential->refreshToken, m_server.currentRefreshToken());
    EXPECT_EQ(credential->expiresAt, m_clock.now().addSecs(3600));
    EXPECT_EQ(keyringItems(u"google"_s, m_email), 1);

    // The settings file does not.
    m_registry->sync();
    QFile settings(settingsPath());
    ASSERT_TRUE(settings.open(QIODevice::ReadOnly));
    const QByteArray text = settings.readAll();
    EXPECT_TRUE(text.contains(m_email.toUtf8()));
    EXPECT_FALSE(text.contains(m_server.canaryPrefix().toUtf8())) << text.constData();

    // A token is handed out without a refresh while it is fresh.
    const AccessTokenResult first = token(u"google"_s, m_email);
    ASSERT_TRUE(first.ok()) << first.error.message.toStdString();
    EXPECT_EQ(first.token, m_server.lastAccessToken());
    EXPECT_EQ(m_server.refreshes(), 0);

    // Disconnect removes both.
    ASSERT_TRUE(disconnect(u"google"_s, m_email));
    EXPECT_FALSE(m_registry->find(u"google"_s, m_email).has_value());
    EXPECT_FALSE(stored(u"google"_s, m_email).has_value());
    EXPECT_EQ(keyringItems(u"google"_s, m_email), 0);
    const AccessTokenResult gone = token(u"google"_s, m_email);
    EXPECT_EQ(gone.error.kind, OAuthErrorKind::NotConnected);
}

TEST_F(AccountsKeychain, RefreshesBeforeExpiryAndPersistsEveryRotation)
{
    if (!suiteKeyring())
        return expectNoKeychainPath(*this, [this] { return connectGoogle(); }, [this] { return m_registry->accounts(); });

    ASSERT_TRUE(connectGoogle().ok);
    const QString firstAccess = m_server.lastAccessToken();
    const QString firstRefresh = m_server.currentRefreshToken();

    // 61 s before expiry: outside the 60 s margin, no refresh.
    m_clock.advance(3600 - 61);
    EXPECT_EQ(token(u"google"_s, m_email).token, firstAccess);
    EXPECT_EQ(m_server.refreshes(), 0);

    // 59 s before expiry: inside the margin, refreshed first.
    m_clock.advance(2);
    const AccessTokenResult second = token(u"google"_s, m_email);
    ASSERT_TRUE(second.ok()) << second.error.detail.toStdString();
    EXPECT_EQ(m_server.refreshes(), 1);
    EXPECT_EQ(second.token, m_server.lastAccessToken());
    EXPECT_NE(second.token, firstAccess);
    // The rotated refresh token is already in the keychain (and the old one is dead at the server).
    std::optional<StoredCredential> credential = stored(u"google"_s, m_email);
    ASSERT_TRUE(credential.has_value());
    EXPECT_EQ(credential->accessToken, second.token);
    EXPECT_EQ(credential->refreshToken, m_server.currentRefreshToken());
    EXPECT_NE(credential->refreshToken, firstRefresh);
    EXPECT_EQ(credential->expiresAt, m_clock.now().addSecs(3600));
    EXPECT_EQ(keyringItems(u"google"_s, m_email), 1);

    // Three requests during one refresh share it: one refresh, one token for all.
    m_clock.advance(3600);
    QList<AccessTokenResult> results;
    for (int i = 0; i < 3; ++i)
        m_tokens->validAccessToken(u"google"_s, m_email, &m_context, [&](const AccessTokenResult& r) { results.append(r); });
    ASSERT_TRUE(test::waitFor([&] { return results.size() == 3; }, 15000));
    EXPECT_EQ(m_server.refreshes(), 2);
    for (const AccessTokenResult& r : results) {
        EXPECT_TRUE(r.ok());
        EXPECT_EQ(r.token, m_server.lastAccessToken());
    }

    // After a restart the persisted refresh token still works (the one in memory is gone).
    build();
    m_clock.advance(3600);
    const AccessTokenResult afterRestart = token(u"google"_s, m_email);
    ASSERT_TRUE(afterRestart.ok()) << afterRestart.error.detail.toStdString();
    EXPECT_EQ(m_server.refreshes(), 3);
    EXPECT_EQ(m_server.rejectedTokenRequests(), 0);
    EXPECT_EQ(m_registry->find(u"google"_s, m_email)->state, AccountState::Connected);
}

TEST_F(AccountsKeychain, KeptRefreshTokenWhenTheServerDoesNotRotate)
{
    if (!suiteKeyring())
        return expectNoKeychainPath(*this, [this] { return connectGoogle(); }, [this] { return m_registry->accounts(); });

    m_server.setRotateRefreshTokens(false);
    ASSERT_TRUE(connectGoogle().ok);
    const QString refresh = m_server.currentRefreshToken();
    m_clock.advance(3600);
    ASSERT_TRUE(token(u"google"_s, m_email).ok());
    m_clock.advance(3600);
    ASSERT_TRUE(token(u"google"_s, m_email).ok());
    EXPECT_EQ(m_server.refreshes(), 2);
    EXPECT_EQ(stored(u"google"_s, m_email)->refreshToken, refresh);
}

TEST_F(AccountsKeychain, RevokedGrantNeedsReconnectWithExactlyOneNotification)
{
    if (!suiteKeyring())
        return expectNoKeychainPath(*this, [this] { return connectGoogle(); }, [this] { return m_registry->accounts(); });

    ASSERT_TRUE(connectGoogle().ok);
    QSignalSpy reconnect(m_service.get(), &AccountsService::reconnectNeeded);
    m_server.revokeAll();
    m_clock.advance(3600);

    const AccessTokenResult failed = token(u"google"_s, m_email);
    EXPECT_FALSE(failed.ok());
    EXPECT_EQ(failed.error.kind, OAuthErrorKind::InvalidGrant) << failed.error.detail.toStdString();
    EXPECT_TRUE(failed.token.isEmpty());
    std::optional<Account> account = m_registry->find(u"google"_s, m_email);
    ASSERT_TRUE(account.has_value());
    EXPECT_EQ(account->state, AccountState::NeedsReconnect);
    EXPECT_FALSE(account->lastError.isEmpty());
    EXPECT_EQ(reconnectNotifications(), 1);
    EXPECT_EQ(reconnect.count(), 1);

    // Failing again (and again, concurrently) adds nothing.
    EXPECT_EQ(token(u"google"_s, m_email).error.kind, OAuthErrorKind::InvalidGrant);
    int done = 0;
    for (int i = 0; i < 2; ++i)
        m_tokens->validAccessToken(u"google"_s, m_email, &m_context, [&](const AccessTokenResult&) { ++done; });
    ASSERT_TRUE(test::waitFor([&] { return done == 2; }, 15000));
    EXPECT_EQ(reconnectNotifications(), 1);
    EXPECT_EQ(reconnect.count(), 1);

    // Nor does a restart: the state is in the settings.
    build();
    EXPECT_EQ(m_registry->find(u"google"_s, m_email)->state, AccountState::NeedsReconnect);
    EXPECT_EQ(token(u"google"_s, m_email).error.kind, OAuthErrorKind::InvalidGrant);
    EXPECT_EQ(reconnectNotifications(), 1);

    // Connecting again clears the state; the notification stays the single one.
    ASSERT_TRUE(connectGoogle().ok);
    EXPECT_EQ(m_registry->find(u"google"_s, m_email)->state, AccountState::Connected);
    EXPECT_TRUE(token(u"google"_s, m_email).ok());
    EXPECT_EQ(reconnectNotifications(), 1);
}

TEST_F(AccountsKeychain, ApiKeyStoreReadRotateDelete)
{
    const QString key = u"canary-key-"_s % QUuid::createUuid().toString(QUuid::Id128);
    if (!suiteKeyring())
        return expectNoKeychainPath(*this, [&] { return connectKey(u"openai"_s, key); }, [this] { return m_registry->accounts(); });

    ASSERT_TRUE(connectKey(u"openai"_s, key).ok);
    std::optional<Account> account = m_registry->find(u"openai"_s, m_keyAccount);
    ASSERT_TRUE(account.has_value());
    EXPECT_EQ(account->credential, Account::Credential::Token);
    EXPECT_EQ(token(u"openai"_s, m_keyAccount).token, key);

    const QString rotated = u"canary-key-rotated-"_s % QUuid::createUuid().toString(QUuid::Id128);
    ASSERT_TRUE(connectKey(u"openai"_s, rotated).ok);
    EXPECT_EQ(token(u"openai"_s, m_keyAccount).token, rotated);
    EXPECT_EQ(keyringItems(u"openai"_s, m_keyAccount), 1);
    EXPECT_EQ(m_registry->accountsOf(u"openai"_s).size(), 1);

    ASSERT_TRUE(disconnect(u"openai"_s, m_keyAccount));
    EXPECT_TRUE(m_registry->accountsOf(u"openai"_s).isEmpty());
    EXPECT_EQ(keyringItems(u"openai"_s, m_keyAccount), 0);
    EXPECT_EQ(token(u"openai"_s, m_keyAccount).error.kind, OAuthErrorKind::NotConnected);

    // An OAuth-only provider refuses a key; a key-only one refuses OAuth.
    EXPECT_FALSE(connectKey(u"google"_s, key).ok);
    EXPECT_TRUE(m_registry->accounts().isEmpty());
}

TEST_F(AccountsKeychain, NoCanarySecretInDatabaseSettingsOrLogs)
{
    // Logs as the app writes them (spdlog file in the data folder), at debug level for our categories.
    LoggingOptions logging;
    logging.logDirectory = m_home.file(u"logs"_s);
    logging.level = u"debug"_s;
    QString error;
    ASSERT_TRUE(initLogging(logging, &error)) << error.toStdString();
    QLoggingCategory::setFilterRules(u"caseyos.*.debug=true"_s);

    QStringList canaries;
    const QString key = u"canary-key-"_s % QUuid::createUuid().toString(QUuid::Id128);
    const QString rotatedKey = u"canary-key-"_s % QUuid::createUuid().toString(QUuid::Id128);
    canaries << key << rotatedKey << m_server.canaryPrefix();

    if (suiteKeyring()) {
        // Sign in, refresh twice with rotation, lose the grant (a notification in the database), reconnect,
        // store and rotate an API key, disconnect everything.
        ASSERT_TRUE(connectGoogle().ok);
        m_clock.advance(3600);
        ASSERT_TRUE(token(u"google"_s, m_email).ok());
        m_clock.advance(3600);
        ASSERT_TRUE(token(u"google"_s, m_email).ok());
        m_server.revokeAll();
        m_clock.advance(3600);
        EXPECT_FALSE(token(u"google"_s, m_email).ok());
        EXPECT_EQ(reconnectNotifications(), 1);
        ASSERT_TRUE(connectGoogle().ok);
        ASSERT_TRUE(connectKey(u"openai"_s, key).ok);
        ASSERT_TRUE(connectKey(u"openai"_s, rotatedKey).ok);
        EXPECT_EQ(token(u"openai"_s, m_keyAccount).token, rotatedKey);
        ASSERT_TRUE(disconnect(u"openai"_s, m_keyAccount));
        ASSERT_TRUE(disconnect(u"google"_s, m_email));
        EXPECT_GE(m_server.refreshes(), 2);
    } else {
        std::cout << "[ NOTE     ] CASEYOS_EXPECT_KEYRING is not 1: scanning after failed keychain writes only\n";
        EXPECT_FALSE(connectKey(u"openai"_s, key).ok);
        EXPECT_FALSE(connectGoogle().ok);
    }
    m_registry->sync();
    shutdownLogging();
    QLoggingCategory::setFilterRules({});

    // Every file of the data folder: caseyos.db (+ -wal, -shm), settings.ini, logs/*.
    int files = 0;
    qint64 logBytes = 0;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
        const QByteArray content = f.readAll();
        ++files;
        if (path.contains(u"/logs/"_s))
            logBytes += content.size();
        for (const QString& canary : canaries)
            EXPECT_FALSE(content.contains(canary.toUtf8())) << canary.toStdString() << " found in " << path.toStdString();
    }
    EXPECT_GE(files, 3); // database, settings, log at least
    EXPECT_GT(logBytes, 0); // the scan looked at real log lines
    QFile log(m_home.file(u"logs/caseyos.log"_s));
    if (log.open(QIODevice::ReadOnly)) {
        const QByteArray lines = log.readAll();
        EXPECT_TRUE(lines.contains("caseyos.auth")) << "the sign-in wrote no log lines";
    } else {
        ADD_FAILURE() << "no logs/caseyos.log";
    }
}

TEST_F(AccountsKeychain, ServerTroubleIsPassingNotAReconnect)
{
    if (!suiteKeyring())
        return expectNoKeychainPath(*this, [this] { return connectGoogle(); }, [this] { return m_registry->accounts(); });

    ASSERT_TRUE(connectGoogle().ok);
    const QString refresh = m_server.currentRefreshToken();
    m_clock.advance(3600);

    m_server.setTokenTrouble(503);
    AccessTokenResult r = token(u"google"_s, m_email);
    EXPECT_EQ(r.error.kind, OAuthErrorKind::Server) << r.error.detail.toStdString();
    EXPECT_EQ(m_registry->find(u"google"_s, m_email)->state, AccountState::Error);

    m_server.setTokenTrouble(-1); // the token endpoint says nothing: the 1 s transfer timeout ends it
    r = token(u"google"_s, m_email);
    EXPECT_EQ(r.error.kind, OAuthErrorKind::Timeout) << r.error.detail.toStdString();
    EXPECT_EQ(m_registry->find(u"google"_s, m_email)->state, AccountState::Error);
    EXPECT_EQ(reconnectNotifications(), 0);
    EXPECT_EQ(stored(u"google"_s, m_email)->refreshToken, refresh); // nothing lost

    m_server.setTokenTrouble(0);
    r = token(u"google"_s, m_email);
    ASSERT_TRUE(r.ok()) << r.error.detail.toStdString();
    EXPECT_EQ(m_registry->find(u"google"_s, m_email)->state, AccountState::Connected);
    EXPECT_TRUE(m_registry->find(u"google"_s, m_email)->lastError.isEmpty());
}

// The stack as the app assembles it (AccountsRuntime): provider endpoints and client id from the settings file,
// the reconnect notice written to the database from a pool thread.
TEST_F(AccountsKeychain, RuntimeUsesSettingsEndpointsAndPostsTheReconnectNotice)
{
    const QString runtimeSettings = m_home.file(u"runtime.ini"_s);
    {
        QSettings s(runtimeSettings, QSettings::IniFormat);
        s.setValue(u"providers/google/authorizationUrl"_s, m_server.authorizationUrl().toString());
        s.setValue(u"providers/google/tokenUrl"_s, m_server.tokenUrl().toString());
        s.setValue(u"providers/google/clientId"_s, m_server.clientId());
    }
    AccountsRuntime runtime(m_clock, m_home.databasePath(), runtimeSettings);
    std::optional<ConnectOutcome> outcome;
    QUrl url;
    QObject::connect(&runtime.service(), &AccountsService::browserRequested, &m_context,
        [&](const QString&, const QUrl& u) { url = u; });
    QObject::connect(&runtime.service(), &AccountsService::connectFinished, &m_context,
        [&](const QString&, bool ok, const QString& message) { outcome = ConnectOutcome { ok, message }; });
    runtime.service().connectOAuth(u"google"_s);
    ASSERT_TRUE(url.isValid());
    // The catalogue's Google scopes went to the configured server.
    EXPECT_TRUE(QUrlQuery(url).queryItemValue(u"scope"_s, QUrl::FullyDecoded).contains(u"gmail"_s));
    EXPECT_EQ(test::simulateBrowser(url), 200);
    ASSERT_TRUE(test::waitFor([&] { return outcome.has_value(); }, 15000));
    if (!suiteKeyring()) {
        std::cout << "[ NOTE     ] CASEYOS_EXPECT_KEYRING is not 1: the sign-in worked, the keychain write must fail\n";
        EXPECT_FALSE(outcome->ok);
        EXPECT_TRUE(runtime.registry().accounts().isEmpty());
        return;
    }
    ASSERT_TRUE(outcome->ok) << outcome->message.toStdString();
    ASSERT_TRUE(runtime.registry().find(u"google"_s, m_email).has_value());

    m_server.revokeAll();
    m_clock.advance(3600);
    std::optional<AccessTokenResult> result;
    runtime.tokens().validAccessToken(u"google"_s, m_email, &m_context, [&](const AccessTokenResult& r) { result = r; });
    ASSERT_TRUE(test::waitFor([&] { return result.has_value(); }, 15000));
    EXPECT_EQ(result->error.kind, OAuthErrorKind::InvalidGrant);
    EXPECT_EQ(runtime.registry().find(u"google"_s, m_email)->state, AccountState::NeedsReconnect);
    EXPECT_TRUE(test::waitFor([&] { return reconnectNotifications() == 1; }, 10000));
    QTest::qWait(200);
    EXPECT_EQ(reconnectNotifications(), 1);

    // Connecting and disconnecting are audited (PRODUCT.md §9), from a pool thread's own connection.
    runtime.service().disconnectAccount(u"google"_s, m_email);
    AuditLog audit(m_db, m_clock);
    const auto accountEntries = [&] { return audit.list({ u"account"_s, {}, {}, 0 }, 10).value(); };
    ASSERT_TRUE(test::waitFor([&] { return accountEntries().size() == 2; }, 10000));
    EXPECT_EQ(accountEntries().last().details.value(u"change"_s).toString(), u"connected"_s);
    EXPECT_EQ(accountEntries().first().details.value(u"change"_s).toString(), u"disconnected"_s);
    EXPECT_EQ(accountEntries().first().subject, u"google:"_s + m_email);
    EXPECT_TRUE(audit.verify().value().ok);
}
