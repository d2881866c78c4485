// SyncScheduler runs the engines on its "sync" thread with its own connection: "sync now", progress and the
// last status per account arrive as signals on the test (UI) thread.
#include "FakeGmail.h"
#include "FakeHubspot.h"
#include "SyncTestSupport.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "connectors/SyncScheduler.h"
#include "storage/Database.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

TEST(SyncScheduler, SyncNowRunsEachAccountOnTheSyncThreadAndReportsStatus)
{
    TempHome home;
    {
        Database db; // creates the schema first, as the app's open does
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }
    FakeGmail gmail(u"casey@example.com"_s);
    FakeHubspot hubspot;
    ASSERT_TRUE(gmail.listen());
    ASSERT_TRUE(hubspot.listen());
    gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Hi"_s, QDateTime::currentDateTimeUtc().addDays(-1));
    gmail.addInbound(
        u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re: Hi"_s, u"sure"_s, QDateTime::currentDateTimeUtc());
    hubspot.putDeal(u"1"_s, u"Acme"_s, u"qualifiedtobuy"_s, 100, 1'790'000'000'000);

    QThread* tokenThread = nullptr;
    QStringList askedFor; // the provider is told which account's token is wanted
    AccessTokenProvider tokens = [&tokenThread, &askedFor](
                                     const SyncAccountConfig& account, QObject* context, TokenCallback done) {
        tokenThread = QThread::currentThread();
        askedFor.append(account.key());
        QMetaObject::invokeMethod(
            context, [done] { done(u"tok"_s, {}); }, Qt::QueuedConnection);
    };
    SyncScheduler scheduler(home.databasePath(), SystemClock::instance(), tokens, fastHttpOptions());
    QSignalSpy finished(&scheduler, &SyncScheduler::syncFinished);
    QSignalSpy progress(&scheduler, &SyncScheduler::syncProgress);
    SyncAccountConfig g;
    g.provider = SyncProvider::Gmail;
    g.accountId = u"casey@example.com"_s;
    g.baseUrl = gmail.baseUrl();
    SyncAccountConfig h;
    h.provider = SyncProvider::Hubspot;
    h.accountId = u"portal-1"_s;
    h.baseUrl = hubspot.baseUrl();
    scheduler.addAccount(g);
    scheduler.addAccount(h);
    scheduler.syncNow();
    ASSERT_TRUE(waitForSignal(finished, 2, 20000));
    EXPECT_EQ(tokenThread, scheduler.syncThread());
    askedFor.sort();
    EXPECT_EQ(askedFor, (QStringList { u"gmail:casey@example.com"_s, u"hubspot:portal-1"_s }));
    EXPECT_GT(progress.count(), 0);
    EXPECT_TRUE(scheduler.lastResult(g.key()).ok) << scheduler.lastResult(g.key()).error.toStdString();
    EXPECT_TRUE(scheduler.lastResult(h.key()).ok);
    EXPECT_FALSE(scheduler.isSyncing(g.key()));
    EXPECT_EQ(scheduler.lastResult(g.key()).signalsMade, 1);

    // A failing account reports its error and keeps its status row.
    gmail.addFaults(4, { FakeFault::Kind::Status, 500, {}, {} });
    scheduler.syncNow(g.key());
    ASSERT_TRUE(waitForSignal(finished, 3, 20000));
    EXPECT_FALSE(scheduler.lastResult(g.key()).ok);
    EXPECT_TRUE(scheduler.lastResult(g.key()).error.contains(u"500"_s));

    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error));
    QSqlQuery q(db.sql());
    ASSERT_TRUE(
        q.exec(u"SELECT status, last_error FROM sync_state WHERE account = 'gmail:casey@example.com'"_s));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), u"error"_s);
    EXPECT_TRUE(q.value(1).toString().contains(u"500"_s));
    ASSERT_TRUE(q.exec(u"SELECT status FROM sync_state WHERE account = 'hubspot:portal-1'"_s));
    int rows = 0;
    while (q.next()) {
        EXPECT_EQ(q.value(0).toString(), u"ok"_s);
        ++rows;
    }
    EXPECT_EQ(rows, 2);
}
