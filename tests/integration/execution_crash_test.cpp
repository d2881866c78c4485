// Crash safety of the executor: exec_probe runs one execution (a send_email through FakeGmail, or a log_note
// through FakeHubspot) and is ended without cleanup before the call (CASEYOS_EXEC_CRASH_AT=before_call, row
// committed as running), during it (SIGKILL while the server handles the request) and after it
// (CASEYOS_EXEC_CRASH_AT=after_call, the server answered, result not stored) — 20 rounds each. A fresh
// executor then reconciles: every round's email / note is on the server exactly once and every execution ends
// succeeded.
#include "FakeGmail.h"
#include "FakeHubspot.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "execution/ExecutionRepository.h"
#include "execution/ExecutionSettings.h"
#include "execution/Executor.h"
#include "execution/GmailPerformers.h"
#include "execution/HubspotPerformers.h"
#include "execution/IdempotencyKey.h"
#include "net/HttpClient.h"
#include "storage/Database.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

enum class Crash { BeforeCall, DuringCall, AfterCall };

// Runs one round in exec_probe against `server` (`action`: send_email or log_note; the call that counts is
// the request whose path ends with `callPath`); returns true when the process did not finish normally with 0
// (it crashed).
bool crashRound(FakeHttpServer& server, const QString& action, const QString& callPath,
    const QString& database, int round, Crash crash)
{
    QProcess probe;
    bool killed = false;
    server.onRequest = [&](const FakeRequest& request) {
        // Killed while the server handles the call: the server has it, the probe never hears back.
        if (crash == Crash::DuringCall && request.method == "POST" && request.path.endsWith(callPath)
            && probe.state() == QProcess::Running) {
            probe.kill();
            probe.waitForFinished(5000);
            killed = true;
        }
    };
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (crash == Crash::BeforeCall)
        env.insert(u"CASEYOS_EXEC_CRASH_AT"_s, u"before_call"_s);
    else if (crash == Crash::AfterCall)
        env.insert(u"CASEYOS_EXEC_CRASH_AT"_s, u"after_call"_s);
    probe.setProcessEnvironment(env);
    probe.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    probe.start(QStringLiteral(CASEYOS_EXEC_PROBE),
        { database, server.baseUrl().toString(), QString::number(round), action });
    EXPECT_TRUE(probe.waitForStarted(5000));
    EXPECT_TRUE(waitFor([&] { return probe.state() == QProcess::NotRunning; }, 30000));
    server.onRequest = nullptr;
    const bool crashed = killed || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() == 86;
    return crashed;
}

} // namespace

TEST(ExecutionCrash, TwentyCrashesThenReconcileNoDuplicateNoneLost)
{
    TempHome home;
    FakeGmail gmail(u"casey@example.com"_s);
    ASSERT_TRUE(gmail.listen());
    {
        Database db;
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ExecutionSettings settings(db);
        ASSERT_TRUE(settings.setUndoWindowMs(0, now));
        ASSERT_TRUE(settings.setEmailsPerDay(100, now));
    }
    constexpr int kRounds = 20;
    int before = 0;
    for (int round = 0; round < kRounds; ++round) {
        const Crash crash = Crash(round % 3);
        EXPECT_TRUE(
            crashRound(gmail, u"send_email"_s, u"/messages/send"_s, home.databasePath(), round, crash))
            << "round " << round;
        if (crash == Crash::BeforeCall)
            ++before;
    }
    // Before-call crashes never reached Gmail; the others did, once each.
    EXPECT_EQ(gmail.sentCount(), kRounds - before);

    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    ExecutionRepository executions(db);
    ASSERT_EQ(executions.inState(ExecutionState::Running).size(), kRounds); // every row left mid-flight

    HttpClient http(SystemClock::instance());
    PerformerRegistry registry;
    addGmailPerformers(
        registry, http, ClientConfig { gmail.baseUrl(), fixedToken(u"t"_s), u"google:crash"_s, 5000 });
    Executor executor(db, SystemClock::instance(), registry);
    QSignalSpy reconciled(&executor, &Executor::reconciled);
    executor.start();
    ASSERT_TRUE(waitForSignal(reconciled, 1, 20000));
    EXPECT_EQ(reconciled.first().first().toInt(), kRounds);
    ASSERT_TRUE(
        waitFor([&] { return executions.inState(ExecutionState::Succeeded).size() == kRounds; }, 20000))
        << executions.inState(ExecutionState::Succeeded).size() << " succeeded";
    QTest::qWait(300);

    // Zero duplicates, zero lost: each execution's Message-ID exactly once on the server, and its remote ref.
    EXPECT_EQ(gmail.sentCount(), kRounds);
    QSet<QString> subjects;
    for (const ExecutionRecord& r : executions.inState(ExecutionState::Succeeded)) {
        EXPECT_EQ(gmail.sentCount(r.remoteKey + u"@caseyos.local"_s), 1) << r.id;
        EXPECT_FALSE(r.remoteRef.isEmpty());
        subjects.insert(r.payload.value("subject"_L1).toString());
    }
    EXPECT_EQ(subjects.size(), kRounds);
    // Only the rows that never reached Gmail were sent by the reconciling executor.
    EXPECT_EQ(gmail.requestCount(u"/messages/send"_s), kRounds);
}

TEST(ExecutionCrash, TwentyCrashesAroundAHubspotNoteThenReconcileNoDuplicateNoneLost)
{
    TempHome home;
    FakeHubspot hubspot(false); // the rounds and the reconcile stay far below HubSpot's budget anyway
    ASSERT_TRUE(hubspot.listen());
    hubspot.putDeal(u"701"_s, u"Acme renewal"_s, u"qualifiedtobuy"_s, 10000, 1000);
    {
        Database db;
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }
    constexpr int kRounds = 20;
    int before = 0;
    for (int round = 0; round < kRounds; ++round) {
        const Crash crash = Crash(round % 3);
        EXPECT_TRUE(
            crashRound(hubspot, u"log_note"_s, u"/crm/v3/objects/notes"_s, home.databasePath(), round, crash))
            << "round " << round;
        if (crash == Crash::BeforeCall)
            ++before;
    }
    EXPECT_EQ(hubspot.objectCount(u"notes"_s), kRounds - before);

    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    ExecutionRepository executions(db);
    ASSERT_EQ(executions.inState(ExecutionState::Running).size(), kRounds);

    HttpClient http(SystemClock::instance());
    PerformerRegistry registry;
    addHubspotPerformers(registry, http,
        ClientConfig { hubspot.baseUrl(), fixedToken(u"t"_s), u"hubspot:crash"_s, 5000 },
        SystemClock::instance());
    Executor executor(db, SystemClock::instance(), registry);
    QSignalSpy reconciled(&executor, &Executor::reconciled);
    executor.start();
    ASSERT_TRUE(waitForSignal(reconciled, 1, 20000));
    EXPECT_EQ(reconciled.first().first().toInt(), kRounds);
    ASSERT_TRUE(
        waitFor([&] { return executions.inState(ExecutionState::Succeeded).size() == kRounds; }, 20000))
        << executions.inState(ExecutionState::Succeeded).size() << " succeeded";
    QTest::qWait(300);

    // Zero duplicates, zero lost: each execution's ref word in exactly one note, and that note is its remote
    // ref.
    EXPECT_EQ(hubspot.objectCount(u"notes"_s), kRounds);
    for (const ExecutionRecord& r : executions.inState(ExecutionState::Succeeded)) {
        const QString token = remoteToken(r.remoteKey);
        QStringList holders;
        for (const QString& id : hubspot.ids(u"notes"_s))
            if (hubspot.properties(u"notes"_s, id)->value("hs_note_body"_L1).toString().contains(token))
                holders << id;
        EXPECT_EQ(holders, QStringList { r.remoteRef }) << r.id;
    }
    // Only the rows that never reached HubSpot were created by the reconciling executor.
    int creates = 0;
    for (const FakeLogEntry& e : hubspot.log())
        creates += e.method == "POST" && e.path == u"/crm/v3/objects/notes"_s;
    EXPECT_EQ(creates, kRounds);
}
