// bench_today: how fast Today's Moves comes out of a database made from 200 000 signals, and what loading
// every move costs in memory.
//   - MoveRepository::today(10): the query `caseyos today` runs (pending moves in rank order, with signal);
//   - MoveRepository::allRows(): the whole ranked list of MoveRows that the window loads at start.
// Each is timed once cold (first use of the connection) and then over --runs runs (median and max).
// The process RSS is read from /proc/self/status after opening the database and after loading all rows.
// Usage: bench_today [--db PATH] [--count N] [--runs R] [--rebuild]
//   The database is built through the IngestPipeline from generated signals when missing (or --rebuild).

#include "BenchDatabase.h"
#include "BenchSupport.h"
#include "SignalGenerator.h"
#include "core/DedupeKey.h"
#include "signals/IngestPipeline.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>
#include <cstdio>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::bench;

namespace {

constexpr double kGoalTodayMs = 50.0;

struct Timing
{
    double coldMs = 0;
    std::vector<double> runsMs;
    std::vector<double> runsCpuMs;
};

template<typename Fn> Timing timeRuns(int runs, Fn&& fn)
{
    Timing t;
    {
        Stopwatch cold;
        fn();
        t.coldMs = cold.milliseconds();
    }
    for (int i = 0; i < runs; ++i) {
        Stopwatch timer;
        fn();
        t.runsMs.push_back(timer.milliseconds());
        t.runsCpuMs.push_back(timer.cpuMilliseconds());
    }
    return t;
}

void reportTiming(const char* name, const Timing& t)
{
    const std::string n(name);
    report((n + "_cold").c_str(), t.coldMs, "ms", 2);
    report((n + "_median").c_str(), median(t.runsMs), "ms", 2);
    report((n + "_max").c_str(), maximum(t.runsMs), "ms", 2);
    report((n + "_median_cpu").c_str(), median(t.runsCpuMs), "ms", 2);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        std::printf("usage: bench_today [--db PATH] [--count N] [--runs R] [--rebuild]\n");
        return 0;
    }
    initBenchLogging();
    const int count = intOption(args, u"--count"_s, 200000);
    const int runs = intOption(args, u"--runs"_s, 20);
    const QString path
        = stringOption(args, u"--db"_s, QDir::tempPath() + u"/caseyos-bench/today-%1.db"_s.arg(count));
    FixedClock clock(referenceNow());

    if (!args.contains(u"--rebuild"_s) && QFileInfo::exists(path))
        reportText("database", path); // printed once, also after the restart that follows a build
    if (args.contains(u"--rebuild"_s) || !QFileInfo::exists(path)) {
        if (!buildDatabase(path, count, clock))
            return exitCode();
        // Building leaves the generator's and the pipeline's memory in this process, which would inflate the
        // RSS figures: measure in a fresh process instead (same program, without --rebuild).
        QStringList again = args;
        again.removeAll(u"--rebuild"_s);
        std::vector<QByteArray> storage;
        for (const QString& arg : std::as_const(again))
            storage.push_back(arg.toLocal8Bit());
        std::vector<char*> argvAgain;
        for (QByteArray& arg : storage)
            argvAgain.push_back(arg.data());
        argvAgain.push_back(nullptr);
        std::fflush(stdout);
        ::execv(QCoreApplication::applicationFilePath().toLocal8Bit().constData(), argvAgain.data());
        fail(u"cannot restart the benchmark after building the database"_s);
        return exitCode();
    }
    const double rssStart = residentMiB();

    Database db;
    QString error;
    if (!db.open(path, &error)) {
        fail(u"cannot open %1: %2"_s.arg(path, error));
        return exitCode();
    }
    const qint64 signalCount = scalar(db, u"SELECT COUNT(*) FROM signals"_s);
    const qint64 moveCount = scalar(db, u"SELECT COUNT(*) FROM moves"_s);
    const qint64 pendingCount = scalar(db, u"SELECT COUNT(*) FROM moves WHERE status = 'pending'"_s);
    report("database_size", QFileInfo(path).size() / 1e6, "MB", 1);
    report("signals_in_database", signalCount);
    report("moves_in_database", moveCount);
    report("pending_moves", pendingCount);
    const double rssOpen = residentMiB();

    MoveRepository repo(db);
    QList<MoveWithSignal> top;
    const Timing today = timeRuns(runs, [&] { top = repo.today(10, &error); });
    if (!error.isEmpty())
        fail(u"today(10): "_s + error);
    reportTiming("today_top10", today);
    report("today_goal", kGoalTodayMs, "ms", 0);
    reportText("today_goal_met",
        median(today.runsMs) < kGoalTodayMs && today.coldMs < kGoalTodayMs ? u"yes"_s : u"no"_s);

    QList<MoveRow> rows;
    const Timing all = timeRuns(runs, [&] {
        rows.clear(); // the previous list is released first, as a reload in the window would
        rows = repo.allRows(&error);
    });
    if (!error.isEmpty())
        fail(u"allRows(): "_s + error);
    reportTiming("all_rows", all);
    report("all_rows_count", qint64(rows.size()));
    const double rssRows = residentMiB();
    report("rss_before_open", rssStart, "MiB", 1);
    report("rss_database_open", rssOpen, "MiB", 1);
    report("rss_all_rows_loaded", rssRows, "MiB", 1);
    report("rss_for_rows", rssRows - rssOpen, "MiB", 1);

    // The CLI and the window must agree: Today's top 10 are the first pending rows of the ranked list.
    if (rows.size() != moveCount)
        fail(u"allRows returned %1 rows, the database has %2 moves"_s.arg(rows.size()).arg(moveCount));
    const int expectedTop = int(qMin<qint64>(10, pendingCount));
    if (top.size() != expectedTop)
        fail(u"today(10) returned %1 moves, expected %2"_s.arg(top.size()).arg(expectedTop));
    const qint64 nowMs = clock.now().toMSecsSinceEpoch();
    QList<qint64> firstPending;
    for (const MoveRow& row : rows) {
        if (firstPending.size() == top.size())
            break;
        if (row.effectiveStatus(nowMs) == MoveStatus::Pending)
            firstPending.append(row.id);
    }
    for (int i = 0; i < top.size(); ++i) {
        if (i > 0 && ranksBefore(top.at(i).move, top.at(i - 1).move))
            fail(u"today(10) is not in rank order at position %1"_s.arg(i + 1));
        if (i < firstPending.size() && top.at(i).move.id != firstPending.at(i))
            fail(u"today(10) #%1 is move %2 but the ranked rows have %3"_s.arg(i + 1)
                     .arg(top.at(i).move.id)
                     .arg(firstPending.at(i)));
    }
    for (qsizetype i = 1; i < rows.size(); ++i) {
        if (ranksBefore(rows.at(i), rows.at(i - 1))) {
            fail(u"allRows is not in rank order at row %1"_s.arg(i + 1));
            break;
        }
    }
    if (!top.isEmpty())
        reportText("top_move", u"%1 (APS %2)"_s.arg(top.first().move.title).arg(top.first().move.aps));

    report("peak_rss", peakResidentMiB(), "MiB", 1);
    reportText("result", exitCode() == 0 ? u"ok"_s : u"FAILED"_s);
    return exitCode();
}
