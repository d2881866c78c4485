// The Accounts page's Sync section offscreen: a connected Google account in a temporary settings file, the
// background sync (SyncController → SyncScheduler) against a FakeGmail with a fixed token (no keychain
// needed), "Sync now" starting a run and the status text following it.
#include "FakeGmail.h"
#include "SyncTestSupport.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "accounts/AccountRegistry.h"
#include "accounts/AccountsDialog.h"
#include "accounts/AccountsPage.h"
#include "accounts/AccountsRuntime.h"
#include "accounts/SyncController.h"
#include "connectors/SyncScheduler.h"
#include "storage/Database.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTest>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

TEST(AccountsSyncPage, SyncNowRunsAndTheStatusFollows)
{
    if (qEnvironmentVariable("CASEYOS_EXPECT_KEYRING") != u"1"_s) // the page never touches the keychain here
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/caseyos-test-bus");
    TempHome home;
    FakeGmail gmail(u"casey@example.com"_s);
    ASSERT_TRUE(gmail.listen());
    gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Hi"_s, QDateTime::currentDateTimeUtc().addDays(-1));
    gmail.addInbound(
        u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re: Hi"_s, u"sure"_s, QDateTime::currentDateTimeUtc());
    {
        Database db; // the workspace's schema
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }
    const QString settingsPath = home.file(u"settings.ini"_s);
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        settings.setValue(u"sync/gmail/baseUrl"_s, gmail.baseUrl().toString());
        settings.setValue(u"sync/calendar/baseUrl"_s, u"http://127.0.0.1:9"_s); // nothing listens: an error
    }
    AccountsRuntime runtime(SystemClock::instance(), {}, settingsPath);
    Account account;
    account.provider = u"google"_s;
    account.id = u"casey@example.com"_s;
    account.displayName = account.id;
    runtime.registry().upsert(account);

    SyncController sync(runtime.service(), fixedToken(u"ui-token"_s), home.databasePath(),
        SystemClock::instance(), settingsPath, fastHttpOptions());
    AccountsDialog dialog(SystemClock::instance(), runtime, &sync);
    dialog.show();
    AccountsPage* page = dialog.page();
    const QString gmailKey = u"gmail:casey@example.com"_s;
    const QString calendarKey = u"calendar:casey@example.com"_s;
    QPushButton* syncNow = page->syncNowButton(gmailKey);
    ASSERT_NE(syncNow, nullptr);
    EXPECT_EQ(syncNow->text(), u"Sync now"_s);
    EXPECT_NE(page->syncNowButton(calendarKey), nullptr);
    EXPECT_EQ(page->syncNowButton(u"hubspot:casey@example.com"_s), nullptr);
    EXPECT_EQ(page->syncStatusText(gmailKey), u"Not synced yet"_s);

    QStringList seen;
    QObject::connect(&sync, &SyncController::statusChanged, &dialog, [&](const QString& key) {
        if (key == gmailKey)
            seen << page->syncStatusText(gmailKey);
    });
    QTest::mouseClick(syncNow, Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return page->syncStatusText(gmailKey).startsWith(u"Last sync"_s); }, 30000))
        << page->syncStatusText(gmailKey).toStdString();
    EXPECT_TRUE(seen.contains(u"Syncing…"_s)) << seen.join(u" | "_s).toStdString();
    EXPECT_TRUE(QRegularExpression(u"^Last sync \\d\\d:\\d\\d · 1 new signal$"_s)
                    .match(page->syncStatusText(gmailKey))
                    .hasMatch())
        << page->syncStatusText(gmailKey).toStdString();
    EXPECT_TRUE(page->syncNowButton(gmailKey)->isEnabled());
    EXPECT_EQ(page->syncStatusText(calendarKey), u"Not synced yet"_s); // only the clicked account ran

    // A failing run shows its error.
    QTest::mouseClick(page->syncNowButton(calendarKey), Qt::LeftButton);
    ASSERT_TRUE(waitFor(
        [&] {
            const QString text = page->syncStatusText(calendarKey);
            return text != u"Not synced yet"_s && text != u"Syncing…"_s;
        },
        30000));
    EXPECT_FALSE(page->syncStatusText(calendarKey).startsWith(u"Last sync"_s));

    // A lost grant: the account stays listed as "Reconnect needed" and is not synced until connected again.
    ASSERT_TRUE(runtime.registry().apply(u"google"_s, account.id, AccountEvent::GrantRevoked).has_value());
    sync.reload();
    ASSERT_NE(page->syncNowButton(gmailKey), nullptr);
    EXPECT_EQ(page->syncStatusText(gmailKey), u"Reconnect needed"_s);
    EXPECT_FALSE(page->syncNowButton(gmailKey)->isEnabled());
    const int requests = gmail.requestCount();
    sync.syncNow(gmailKey); // ignored: the scheduler no longer has the account
    QTest::qWait(300);
    EXPECT_EQ(gmail.requestCount(), requests);
    EXPECT_FALSE(sync.scheduler().isSyncing(gmailKey));

    // Disconnected elsewhere: the account leaves the Sync section.
    runtime.registry().remove(u"google"_s, account.id);
    sync.reload();
    EXPECT_EQ(page->syncNowButton(gmailKey), nullptr);
    EXPECT_TRUE(sync.accounts().isEmpty());
}
