// Sync over the real accounts stack: a Google credential in the suite's unlocked gnome-keyring (TokenStore
// over SecretStore), SyncScheduler asking for it through tokenProviderFor(), a FakeGmail checking the bearer
// token. A revoked grant (the token endpoint answers invalid_grant) or a missing credential ends the run with
// needsReconnect and no request to Gmail. scripts/test.sh sets CASEYOS_EXPECT_KEYRING=1; elsewhere the tests
// are skipped (never the developer's own keyring).
#include "FakeGmail.h"
#include "SyncTestSupport.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "accounts/StoredCredential.h"
#include "accounts/SyncAccounts.h"
#include "accounts/TokenStore.h"
#include "auth/TokenEndpoint.h"
#include "connectors/SyncScheduler.h"
#include "oauth_fake_server.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QUuid>
#include <gtest/gtest.h>
#include <optional>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

class SyncAccounts : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (qEnvironmentVariable("CASEYOS_EXPECT_KEYRING") != u"1"_s) {
            qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/caseyos-test-bus");
            GTEST_SKIP() << "needs the suite's unlocked gnome-keyring (scripts/test.sh)";
        }
        m_email = u"sync-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12) + u"@example.com"_s;
        ASSERT_TRUE(m_auth.listen());
        ASSERT_TRUE(m_gmail.listen());
        Database db; // creates the schema
        QString error;
        ASSERT_TRUE(db.open(m_home.databasePath(), &error)) << error.toStdString();
        m_gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Hi"_s, QDateTime::currentDateTimeUtc().addDays(-1));
        m_gmail.addInbound(
            u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re: Hi"_s, u"sure"_s, QDateTime::currentDateTimeUtc());
        m_gmail.onRequest = [this](const FakeRequest& request) {
            m_authHeaders.append(QString::fromUtf8(request.header("Authorization")));
        };
    }

    void TearDown() override
    {
        if (m_email.isEmpty())
            return;
        bool done = false;
        m_secrets.remove(u"google"_s, m_email, &m_context, [&](const SecretError&) { done = true; });
        waitFor([&] { return done; }, 10000);
    }

    bool storeCredential(const StoredCredential& credential)
    {
        std::optional<OAuthError> result;
        m_tokens.store(
            u"google"_s, m_email, credential, &m_context, [&](const OAuthError& e) { result = e; });
        return waitFor([&] { return result.has_value(); }, 15000) && !result->isError();
    }

    SyncRunResult runGmailSync()
    {
        SyncScheduler scheduler(
            m_home.databasePath(), SystemClock::instance(), tokenProviderFor(&m_tokens), fastHttpOptions());
        QSignalSpy finished(&scheduler, &SyncScheduler::syncFinished);
        SyncAccountConfig config;
        config.provider = SyncProvider::Gmail;
        config.accountId = m_email;
        config.baseUrl = m_gmail.baseUrl();
        scheduler.addAccount(config);
        scheduler.syncNow(config.key());
        if (!waitForSignal(finished, 1, 30000))
            return {};
        return finished.first().first().value<SyncRunResult>();
    }

    int gmailSignals()
    {
        Database db;
        QString error;
        if (!db.open(m_home.databasePath(), &error))
            return -1;
        QSqlQuery q(db.sql());
        return q.exec(u"SELECT COUNT(*) FROM signals WHERE source = 'gmail'"_s) && q.next()
            ? q.value(0).toInt()
            : -1;
    }

    OAuthClientConfig config() const
    {
        OAuthClientConfig c;
        c.authorizationUrl = m_auth.authorizationUrl();
        c.tokenUrl = m_auth.tokenUrl();
        c.clientId = m_auth.clientId();
        c.tokenRequestTimeoutMs = 2000;
        return c;
    }

    TempHome m_home;
    FakeAuthServer m_auth;
    FakeGmail m_gmail { u"me@example.com"_s };
    QString m_email;
    QStringList m_authHeaders;
    SecretStore m_secrets;
    TokenEndpoint m_endpoint { SystemClock::instance() };
    TokenStore m_tokens { m_secrets, m_endpoint, SystemClock::instance(),
        [this](const QString&) { return config(); } };
    QObject m_context;
};

} // namespace

TEST_F(SyncAccounts, StoredAccessTokenReachesGmailAndSignalsLand)
{
    StoredCredential credential;
    credential.accessToken = u"at-"_s + QUuid::createUuid().toString(QUuid::Id128);
    credential.refreshToken = u"rt-"_s + QUuid::createUuid().toString(QUuid::Id128);
    credential.tokenType = u"Bearer"_s;
    credential.expiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    ASSERT_TRUE(storeCredential(credential));

    const SyncRunResult result = runGmailSync();
    EXPECT_EQ(result.account, u"gmail:"_s + m_email);
    EXPECT_TRUE(result.ok) << result.error.toStdString();
    EXPECT_FALSE(result.needsReconnect);
    ASSERT_FALSE(m_authHeaders.isEmpty());
    for (const QString& header : std::as_const(m_authHeaders))
        EXPECT_EQ(header, u"Bearer "_s + credential.accessToken);
    EXPECT_EQ(result.signalsMade, 1);
    EXPECT_EQ(gmailSignals(), 1);
    EXPECT_EQ(m_auth.refreshes(), 0); // the stored token was still good
}

TEST_F(SyncAccounts, RevokedGrantEndsTheRunWithNeedsReconnect)
{
    StoredCredential credential;
    credential.accessToken = u"at-"_s + QUuid::createUuid().toString(QUuid::Id128);
    credential.refreshToken = u"rt-"_s + QUuid::createUuid().toString(QUuid::Id128);
    credential.tokenType = u"Bearer"_s;
    credential.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-60); // must be refreshed first
    ASSERT_TRUE(storeCredential(credential));
    m_auth.revokeAll(); // the token endpoint answers invalid_grant
    QSignalSpy revoked(&m_tokens, &TokenStore::grantRevoked);

    const SyncRunResult result = runGmailSync();
    EXPECT_EQ(result.account, u"gmail:"_s + m_email);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.needsReconnect) << result.error.toStdString();
    EXPECT_TRUE(result.error.startsWith(u"Reconnect needed"_s)) << result.error.toStdString();
    EXPECT_FALSE(result.error.contains(credential.refreshToken));
    EXPECT_EQ(revoked.count(), 1);
    EXPECT_GE(m_auth.tokenRequests(), 1);
    EXPECT_TRUE(m_authHeaders.isEmpty()); // Gmail never asked
    EXPECT_EQ(gmailSignals(), 0);
}

TEST_F(SyncAccounts, NoCredentialEndsTheRunWithNeedsReconnect)
{
    const SyncRunResult result = runGmailSync();
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.needsReconnect);
    EXPECT_TRUE(result.error.startsWith(u"Reconnect needed"_s)) << result.error.toStdString();
    EXPECT_TRUE(m_authHeaders.isEmpty());
}
