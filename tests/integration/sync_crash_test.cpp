// Crash safety: the sync runs in its own process (sync_probe) and is killed with SIGKILL at chosen requests;
// the next run completes, and the database holds exactly the expected signals and outcomes — none lost, none
// twice.
#include "FakeGmail.h"
#include "FakeHubspot.h"
#include "SyncTestSupport.h"
#include "TempHome.h"
#include "WaitFor.h"

#include <QProcess>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

// Starts the probe; kills it when the server sees request number `killAt` of those whose path contains
// `killPath` (before answering it). Returns the exit status: crashed (killed), or the code.
struct ProbeRun
{
    bool killed = false;
    int exitCode = -1;
};

ProbeRun runProbe(FakeHttpServer& server, const QStringList& args, int killAt, const QString& killPath)
{
    QProcess probe;
    ProbeRun run;
    int seen = 0;
    server.onRequest = [&](const FakeRequest& request) {
        if (killAt > 0 && request.path.contains(killPath) && ++seen == killAt
            && probe.state() == QProcess::Running) {
            probe.kill(); // SIGKILL: no cleanup, no destructors
            probe.waitForFinished(5000);
            run.killed = true;
        }
    };
    probe.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    probe.start(QStringLiteral(CASEYOS_SYNC_PROBE), args);
    EXPECT_TRUE(probe.waitForStarted(5000));
    EXPECT_TRUE(waitFor([&] { return probe.state() == QProcess::NotRunning; }, 60000));
    server.onRequest = nullptr;
    run.exitCode = probe.exitStatus() == QProcess::NormalExit ? probe.exitCode() : -1;
    return run;
}

QStringList column(Database& db, const QString& sql)
{
    QStringList values;
    QSqlQuery q(db.sql());
    if (q.exec(sql)) {
        while (q.next())
            values.append(q.value(0).toString());
    }
    return values;
}

} // namespace

TEST(SyncCrash, GmailKilledMidHistoryThenRerunHasExactlyTheReplies)
{
    TempHome home;
    FakeGmail gmail(u"casey@example.com"_s);
    ASSERT_TRUE(gmail.listen());
    gmail.addSent(u"t1"_s, u"ann@acme.com"_s, u"Proposal"_s, QDateTime::currentDateTimeUtc().addDays(-1));
    const QStringList args { home.databasePath(), u"gmail"_s, gmail.baseUrl().toString(),
        u"casey@example.com"_s, u"2"_s };
    ASSERT_EQ(runProbe(gmail, args, 0, {}).exitCode, 0); // first sync: the baseline

    QStringList expected;
    for (int i = 0; i < 9; ++i)
        expected.append(gmail.addInbound(
            u"t1"_s, u"Ann <ann@acme.com>"_s, u"Re %1"_s.arg(i), u"ok"_s, QDateTime::currentDateTimeUtc()));
    expected.sort();

    // Killed when asking for the third history page (two pages committed), then while reading a message of
    // the next page, then left to finish.
    EXPECT_TRUE(runProbe(gmail, args, 3, u"/history"_s).killed);
    EXPECT_TRUE(runProbe(gmail, args, 2, u"/messages/"_s).killed);
    EXPECT_EQ(runProbe(gmail, args, 0, {}).exitCode, 0);

    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    EXPECT_EQ(
        column(db, u"SELECT source_id FROM signals WHERE event_type = 'reply_received' ORDER BY source_id"_s),
        expected);
    EXPECT_EQ(column(db, u"SELECT COUNT(*) FROM outcomes WHERE type = 'email_replied'"_s),
        QStringList { QString::number(expected.size()) });
    EXPECT_EQ(column(db, u"SELECT cursor FROM sync_state WHERE stream = 'gmail'"_s),
        QStringList { QString::number(gmail.historyId()) });
}

TEST(SyncCrash, HubspotKilledMidPagingThenRerunHasExactlyTheStageChanges)
{
    TempHome home;
    FakeHubspot hubspot;
    ASSERT_TRUE(hubspot.listen());
    constexpr qint64 kT0 = 1'790'000'000'000;
    for (int i = 0; i < 12; ++i)
        hubspot.putDeal(QString::number(i + 1), u"Deal %1"_s.arg(i), u"appointmentscheduled"_s, 100, kT0 + i);
    const QStringList args { home.databasePath(), u"hubspot"_s, hubspot.baseUrl().toString(), u"portal-9"_s,
        u"3"_s };
    ASSERT_EQ(runProbe(hubspot, args, 0, {}).exitCode, 0);
    for (int i = 0; i < 12; ++i)
        hubspot.putDeal(QString::number(i + 1), u"Deal %1"_s.arg(i), u"qualifiedtobuy"_s, 100, kT0 + 100 + i);

    EXPECT_TRUE(runProbe(hubspot, args, 3, u"/deals/search"_s).killed);
    EXPECT_TRUE(runProbe(hubspot, args, 1, u"/pipelines"_s).killed);
    EXPECT_EQ(runProbe(hubspot, args, 0, {}).exitCode, 0);

    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    EXPECT_EQ(column(db, u"SELECT COUNT(*) FROM signals WHERE event_type = 'deal_stage_changed'"_s),
        QStringList { u"12"_s });
    EXPECT_EQ(
        column(db, u"SELECT COUNT(DISTINCT deal_id) FROM outcomes WHERE type = 'deal_stage_advanced'"_s),
        QStringList { u"12"_s });
    EXPECT_EQ(column(db, u"SELECT COUNT(*) FROM outcomes"_s), QStringList { u"12"_s });
}
