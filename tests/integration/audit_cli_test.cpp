// `caseyos audit` with the real binary: verify after 10 000 entries (with the time it takes), a changed byte
// reported by entry and exit code, list --json, and two processes appending to one log at the same time.
#include "AuditTestSupport.h"
#include "IntegrationSupport.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "storage/Database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <gtest/gtest.h>

#include <iostream>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

// Appends `count` entries, one transaction each like the app does; returns the elapsed milliseconds.
qint64 appendEntries(const QString& path, int count)
{
    Database db;
    QString error;
    EXPECT_TRUE(db.open(path, &error)) << error.toStdString();
    AuditLog log(db, SystemClock::instance());
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        const auto entry = log.append(i % 3 == 0 ? u"approval"_s : u"execution"_s, u"executor"_s,
            u"move:%1"_s.arg(i), { { u"action"_s, u"send_email"_s }, { u"n"_s, i } });
        if (!entry) {
            ADD_FAILURE() << entry.error().toStdString();
            break;
        }
    }
    return timer.elapsed();
}

} // namespace

TEST(AuditCli, VerifyPassesAfterTenThousandEntriesAndNamesAChangedOne)
{
    TempHome home;
    const qint64 appendMs = appendEntries(home.databasePath(), 10000);
    qint64 verifyMs = 0;
    {
        Database db;
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error));
        QElapsedTimer timer;
        timer.start();
        const auto v = AuditLog(db, SystemClock::instance()).verify();
        verifyMs = timer.elapsed();
        ASSERT_TRUE(v && v.value().ok);
        EXPECT_EQ(v.value().checked, 10000);
    }
    QElapsedTimer cliTimer;
    cliTimer.start();
    const CliRun ok = runCli(home.path(), { u"audit"_s, u"verify"_s });
    const qint64 cliMs = cliTimer.elapsed();
    EXPECT_EQ(ok.exitCode, 0) << ok.errText().toStdString();
    EXPECT_TRUE(ok.outText().contains(u"10000 entries checked"_s)) << ok.outText().toStdString();
    std::cout << "[ figures ] append 10000 entries (one transaction each): " << appendMs << " ms ("
              << (appendMs * 1000.0 / 10000) << " us/entry); verify 10000 in-process: " << verifyMs
              << " ms; `caseyos audit verify` process: " << cliMs << " ms\n";

    const CliRun json = runCli(home.path(), { u"audit"_s, u"verify"_s, u"--json"_s });
    EXPECT_EQ(json.exitCode, 0);
    EXPECT_TRUE(json.json().value(u"ok"_s).toBool());
    EXPECT_EQ(json.json().value(u"last_id"_s).toInteger(), 10000);

    {
        AuditAttacker attacker(home.databasePath());
        QByteArray details = attacker.text("audit_log", "details", 5000).value();
        details[details.size() - 2] = '7'; // {"action":"send_email","n":4999} → …"n":4997}
        ASSERT_TRUE(attacker.setText("audit_log", "details", 5000, details));
    }
    const CliRun broken = runCli(home.path(), { u"audit"_s, u"verify"_s });
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_TRUE(broken.errText().contains(u"entry 5000"_s)) << broken.errText().toStdString();
    const CliRun brokenJson = runCli(home.path(), { u"audit"_s, u"verify"_s, u"--json"_s });
    EXPECT_EQ(brokenJson.exitCode, 1);
    EXPECT_EQ(brokenJson.json().value(u"broken_id"_s).toInteger(), 5000);
}

TEST(AuditCli, ListsNewestFirstWithFilters)
{
    TempHome home;
    appendEntries(home.databasePath(), 10);
    const CliRun all = runCli(home.path(), { u"audit"_s, u"list"_s, u"--json"_s, u"--limit"_s, u"3"_s });
    ASSERT_EQ(all.exitCode, 0) << all.errText().toStdString();
    const QJsonArray entries = all.jsonArray();
    ASSERT_EQ(entries.size(), 3);
    EXPECT_EQ(entries.at(0).toObject().value(u"id"_s).toInteger(), 10);
    EXPECT_EQ(entries.at(0).toObject().value(u"prev_hash"_s).toString(),
        entries.at(1).toObject().value(u"hash"_s).toString());
    const CliRun approvals = runCli(home.path(), { u"audit"_s, u"list"_s, u"--json"_s, u"--kind"_s, u"approval"_s });
    EXPECT_EQ(approvals.jsonArray().size(), 4); // entries 0, 3, 6, 9
    const CliRun text = runCli(home.path(), { u"audit"_s });
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.outText().contains(u"move:9"_s)) << text.outText().toStdString();
    EXPECT_EQ(runCli(home.path(), { u"audit"_s, u"list"_s, u"--limit"_s, u"0"_s }).exitCode, 2);
    EXPECT_EQ(runCli(home.path(), { u"audit"_s, u"rewrite"_s }).exitCode, 2);
    const CliRun prune = runCli(home.path(), { u"audit"_s, u"prune"_s, u"--json"_s });
    EXPECT_EQ(prune.exitCode, 0) << prune.errText().toStdString();
    EXPECT_EQ(prune.json().value(u"removed"_s).toInteger(), 0);
}

TEST(AuditCli, TwoProcessesAppendingAtOnceKeepOneValidChain)
{
    TempHome home;
    appendEntries(home.databasePath(), 1); // the schema exists before both start
    constexpr int kEach = 2000;
    const QString goFile = home.path() + u"/go"_s;
    QProcess first;
    QProcess second;
    for (auto [process, actor] : { std::pair { &first, u"alpha"_s }, std::pair { &second, u"beta"_s } }) {
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QStringLiteral(CASEYOS_AUDIT_PROBE), { home.databasePath(), QString::number(kEach), actor, goFile });
    }
    ASSERT_TRUE(first.waitForStarted() && second.waitForStarted());
    QFile go(goFile); // both are waiting for it: they start appending together
    ASSERT_TRUE(go.open(QIODevice::WriteOnly));
    go.close();
    ASSERT_TRUE(waitFor([&] { return first.state() == QProcess::NotRunning && second.state() == QProcess::NotRunning; },
        120000));
    EXPECT_EQ(first.exitCode(), 0);
    EXPECT_EQ(second.exitCode(), 0);

    Database db;
    QString error;
    ASSERT_TRUE(db.open(home.databasePath(), &error));
    AuditLog log(db, SystemClock::instance());
    const auto v = log.verify();
    ASSERT_TRUE(v);
    EXPECT_TRUE(v.value().ok) << v.value().reason.toStdString();
    EXPECT_EQ(v.value().checked, 1 + 2 * kEach);
    EXPECT_EQ(log.list({ {}, u"alpha"_s, {}, 0 }, 10000).value().size(), kEach);
    EXPECT_EQ(log.list({ {}, u"beta"_s, {}, 0 }, 10000).value().size(), kEach);
    // Interleaved, not one after the other: the test really had both writing at once.
    int switches = 0;
    const auto all = log.list({}, 10000).value();
    for (qsizetype i = 1; i < all.size(); ++i)
        switches += all[i].actor != all[i - 1].actor ? 1 : 0;
    std::cout << "[ figures ] two processes x " << kEach << " appends: " << switches << " switches between writers\n";
    EXPECT_GT(switches, 2);
    EXPECT_EQ(runCli(home.path(), { u"audit"_s, u"verify"_s }).exitCode, 0);
}
