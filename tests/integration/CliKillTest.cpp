// A SIGKILL in the middle of `caseyos ingest` leaves a consistent database holding whole batches only, and
// running the import again completes it without duplicates.
#include "IntegrationSupport.h"
#include "TempHome.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThread>
#include <cstdio>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::test;

namespace {

constexpr int kLines = 150000;
constexpr int kBatch = 5000; // IngestPipeline::kDefaultBatchSize, the CLI's batch

// Every 10th line is an ignored signal; the rest make one move each. No duplicates, no invalid lines, so each
// committed batch holds exactly kBatch signals.
int expectedMoves()
{
    int moves = 0;
    for (int i = 0; i < kLines; ++i)
        moves += i % 10 == 9 ? 0 : 1;
    return moves;
}

QString writeLargeFile(const TempHome& home)
{
    const QString path = home.file(u"large.jsonl"_s);
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    QByteArray chunk;
    for (int i = 0; i < kLines; ++i) {
        chunk += i % 10 == 9 ? ignoredLine(u"big-%1"_s.arg(i))
                             : formLine(u"lead%1@example.com"_s.arg(i), u"big-%1"_s.arg(i));
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    return path;
}

} // namespace

TEST(CliKill, KilledImportLeavesWholeBatchesAndReimportCompletesIt)
{
    TempHome home;
    const QString file = writeLargeFile(home);
    const QString dbPath = home.databasePath();

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"CASEYOS_HOME"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(CASEYOS_BINARY), { u"--home"_s, home.path(), u"ingest"_s, file });
    ASSERT_TRUE(process.waitForStarted(10000));

    // Wait until some batches are committed (visible to another connection), then kill without warning.
    qint64 committedBeforeKill = 0;
    {
        QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && process.state() == QProcess::Running) {
            if (QFile::exists(dbPath)) {
                DbProbe probe(dbPath);
                committedBeforeKill = probe.count(u"SELECT COUNT(*) FROM signals"_s);
                if (committedBeforeKill >= 2 * kBatch)
                    break;
            }
            QThread::msleep(20);
        }
    }
    ASSERT_EQ(process.state(), QProcess::Running) << "the import finished before it could be killed";
    process.kill(); // SIGKILL
    ASSERT_TRUE(process.waitForFinished(10000));
    EXPECT_EQ(process.exitStatus(), QProcess::CrashExit);

    {
        DbProbe db(dbPath);
        ASSERT_TRUE(db.isOpen());
        EXPECT_EQ(db.value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
        EXPECT_EQ(db.value(u"PRAGMA foreign_key_check"_s), QVariant()) << "dangling foreign keys";
        const qint64 signalsAfterKill = db.count(u"SELECT COUNT(*) FROM signals"_s);
        std::printf(
            "killed with %lld of %d signals committed\n", static_cast<long long>(signalsAfterKill), kLines);
        EXPECT_GE(signalsAfterKill, committedBeforeKill);
        EXPECT_LT(signalsAfterKill, kLines) << "the kill came too late to test anything";
        // Only whole batches: a signal never without its move, a move never without its signal and event.
        EXPECT_EQ(signalsAfterKill % kBatch, 0)
            << signalsAfterKill << " signals is not a whole number of batches";
        EXPECT_EQ(
            db.count(u"SELECT COUNT(*) FROM signals WHERE state = 'processed' AND move_id IS NULL"_s), 0);
        EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM moves m LEFT JOIN signals s ON s.id = m.signal_id "
                           "WHERE s.id IS NULL OR s.move_id <> m.id"_s),
            0);
        EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM move_events"_s), db.count(u"SELECT COUNT(*) FROM moves"_s));
    }

    const CliRun rerun = runCli(home.path(), { u"ingest"_s, file, u"--json"_s }, 300000);
    ASSERT_TRUE(rerun.finished);
    EXPECT_EQ(rerun.exitCode, 0) << rerun.errText().toStdString();
    const QJsonObject report = rerun.json();
    EXPECT_EQ(report.value(u"read"_s).toInt(), kLines);
    EXPECT_EQ(report.value(u"ingested"_s).toInt() + report.value(u"duplicates"_s).toInt(), kLines);
    EXPECT_GE(report.value(u"duplicates"_s).toInt(), committedBeforeKill);

    DbProbe db(dbPath);
    EXPECT_EQ(db.value(u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals"_s), kLines);
    EXPECT_EQ(db.count(u"SELECT COUNT(DISTINCT dedupe_key) FROM signals"_s), kLines);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM moves"_s), expectedMoves());
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals WHERE state = 'ignored'"_s), kLines - expectedMoves());
}
