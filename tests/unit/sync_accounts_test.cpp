// Which sync configs the connected accounts give (accounts/SyncAccounts): provider mapping, states, base URLs
// and interval from the settings.
#include "TempHome.h"
#include "accounts/SyncAccounts.h"

#include <QSettings>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {

Account account(const QString& provider, const QString& id, AccountState state = AccountState::Connected)
{
    Account a;
    a.provider = provider;
    a.id = id;
    a.displayName = id;
    a.state = state;
    return a;
}

} // namespace

TEST(SyncAccountsFor, GoogleGivesGmailAndCalendarHubspotGivesHubspotWithDefaults)
{
    test::TempHome home;
    QSettings settings(home.file(u"settings.ini"_s), QSettings::IniFormat);
    const QList<SyncAccountConfig> configs
        = syncAccountsFor({ account(u"google"_s, u"casey@example.com"_s),
                              account(u"hubspot"_s, u"portal-1"_s), account(u"openai"_s, u"default"_s),
                              account(u"google"_s, u"old@example.com"_s, AccountState::NeedsReconnect),
                              account(u"google"_s, u"flaky@example.com"_s, AccountState::Error) },
            settings);
    QStringList keys;
    for (const SyncAccountConfig& c : configs)
        keys << c.key();
    EXPECT_EQ(keys,
        (QStringList { u"gmail:casey@example.com"_s, u"calendar:casey@example.com"_s, u"hubspot:portal-1"_s,
            u"gmail:flaky@example.com"_s, u"calendar:flaky@example.com"_s }));
    ASSERT_EQ(configs.size(), 5);
    EXPECT_EQ(configs[0].baseUrl, QUrl(u"https://gmail.googleapis.com"_s));
    EXPECT_EQ(configs[1].baseUrl, QUrl(u"https://www.googleapis.com/calendar/v3"_s));
    EXPECT_EQ(configs[2].baseUrl, QUrl(u"https://api.hubapi.com"_s));
    EXPECT_EQ(configs[0].userEmail, u"casey@example.com"_s);
    EXPECT_TRUE(configs[2].userEmail.isEmpty());
    for (const SyncAccountConfig& c : configs)
        EXPECT_EQ(c.intervalMs, 5 * 60 * 1000);
}

TEST(SyncAccountsFor, SettingsOverrideBaseUrlsAndInterval)
{
    test::TempHome home;
    QSettings settings(home.file(u"settings.ini"_s), QSettings::IniFormat);
    settings.setValue(u"sync/gmail/baseUrl"_s, u"http://127.0.0.1:8080"_s);
    settings.setValue(u"sync/hubspot/baseUrl"_s, u"not a url"_s); // ignored: the default stays
    settings.setValue(u"sync/intervalMinutes"_s, 15);
    QList<SyncAccountConfig> configs = syncAccountsFor(
        { account(u"google"_s, u"c@example.com"_s), account(u"hubspot"_s, u"p"_s) }, settings);
    ASSERT_EQ(configs.size(), 3);
    EXPECT_EQ(configs[0].baseUrl, QUrl(u"http://127.0.0.1:8080"_s));
    EXPECT_EQ(configs[1].baseUrl, QUrl(u"https://www.googleapis.com/calendar/v3"_s));
    EXPECT_EQ(configs[2].baseUrl, QUrl(u"https://api.hubapi.com"_s));
    EXPECT_EQ(configs[0].intervalMs, 15 * 60 * 1000);

    settings.setValue(u"sync/intervalMinutes"_s, 0); // at least a minute
    configs = syncAccountsFor({ account(u"hubspot"_s, u"p"_s) }, settings);
    ASSERT_EQ(configs.size(), 1);
    EXPECT_EQ(configs[0].intervalMs, 60 * 1000);
}

TEST(SyncAccountsFor, SyncProvidersUseTheirAccountsCredential)
{
    EXPECT_EQ(accountProviderFor(SyncProvider::Gmail), u"google"_s);
    EXPECT_EQ(accountProviderFor(SyncProvider::Calendar), u"google"_s);
    EXPECT_EQ(accountProviderFor(SyncProvider::Hubspot), u"hubspot"_s);
}
