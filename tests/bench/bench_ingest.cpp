// bench_ingest: how fast signals become stored, deduplicated, scored moves.
//   (a) pipeline: dedupe key + IngestPipeline add()/flush() (rules, APS, persist) on a fresh SQLite file;
//   (b) end to end: the same signals as a JSON Lines file through importSignalFile (read, parse, validate,
//       then the pipeline);
//   (a') the storage floor: the rows run (a) stored, stored again by SQLite alone (StorageFloor.h).
// Both runs must report exactly the counts the generator intended; otherwise the program exits 1.
// Usage: bench_ingest [--count N] [--batch N] [--dir DIR] [--pipeline-only]
//   DIR keeps the files (default: a temporary folder); --pipeline-only skips run (b).

#include "BenchSupport.h"
#include "SignalGenerator.h"
#include "StorageFloor.h"
#include "core/DedupeKey.h"
#include "signals/IngestPipeline.h"
#include "signals/SignalImporter.h"
#include "signals/SignalRules.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::bench;

namespace {

constexpr double kGoalSignalsPerSecond = 130000.0;

qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.sql());
    if (!q.exec(sql) || !q.next()) {
        fail(u"query failed: "_s + sql);
        return -1;
    }
    return q.value(0).toLongLong();
}

void expectEqual(const QString& what, qint64 actual, qint64 expected)
{
    if (actual != expected)
        fail(u"%1: got %2, expected %3"_s.arg(what).arg(actual).arg(expected));
}

// What is in the database after a run must match the generator's intent, whatever the report says.
void checkDatabase(const QString& run, Database& db, const GeneratedSignals& gen)
{
    expectEqual(run + u" stored signals"_s, scalar(db, u"SELECT COUNT(*) FROM signals"_s), gen.distinct);
    expectEqual(run + u" ignored signals"_s,
        scalar(db, u"SELECT COUNT(*) FROM signals WHERE state = 'ignored'"_s), gen.ignored);
    expectEqual(run + u" moves"_s, scalar(db, u"SELECT COUNT(*) FROM moves"_s), gen.moves);
    expectEqual(run + u" signals linked to a move"_s,
        scalar(
            db, u"SELECT COUNT(*) FROM signals s JOIN moves m ON m.id = s.move_id AND m.signal_id = s.id"_s),
        gen.moves);
}

bool openFresh(Database& db, const QString& path)
{
    for (const QString& suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        QFile::remove(path + suffix);
    QString error;
    if (!db.open(path, &error)) {
        fail(u"cannot open %1: %2"_s.arg(path, error));
        return false;
    }
    return true;
}

bool writeJsonLines(const QString& path, const QVector<Signal>& items, qint64* bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fail(u"cannot write "_s + path);
        return false;
    }
    QByteArray chunk;
    chunk.reserve(1 << 20);
    for (const Signal& s : items) {
        chunk += toJsonLine(s);
        if (chunk.size() > (1 << 20) - 4096) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    *bytes = file.size();
    return file.error() == QFileDevice::NoError;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        std::printf("usage: bench_ingest [--count N] [--batch N] [--dir DIR] [--pipeline-only]\n");
        return 0;
    }
    initBenchLogging();
    const int count = intOption(args, u"--count"_s, 200000);
    const QString keepDir = stringOption(args, u"--dir"_s, {});
    const int batchSize = intOption(args, u"--batch"_s, IngestPipeline::kDefaultBatchSize);
    const bool pipelineOnly = args.contains(u"--pipeline-only"_s); // e.g. for profiling run (a)
    QTemporaryDir tempDir;
    const QString dir = keepDir.isEmpty() ? tempDir.path() : keepDir;
    if (!QDir().mkpath(dir)) {
        fail(u"cannot create "_s + dir);
        return exitCode();
    }

    FixedClock clock(referenceNow());
    GeneratorOptions options;
    options.count = count;
    options.now = clock.now();
    Stopwatch generating;
    GeneratedSignals gen = generateSignals(options);
    report("generate_seconds", generating.seconds(), "s", 2);
    report("signals", qint64(gen.items.size()));
    report("expected_ingested", qint64(gen.distinct));
    report("expected_duplicates", qint64(gen.duplicates));
    report("expected_ignored", qint64(gen.ignored));
    report("expected_moves", qint64(gen.moves));
    for (auto it = gen.distinctBySource.cbegin(); it != gen.distinctBySource.cend(); ++it)
        report(("distinct_" + it.key().toStdString()).c_str(), qint64(it.value()));

    // The file for run (b) is written first because run (a) moves the signals into the pipeline.
    const QString jsonlPath = dir + u"/signals.jsonl"_s;
    qint64 fileBytes = 0;
    if (!writeJsonLines(jsonlPath, gen.items, &fileBytes))
        return exitCode();
    report("batch_size", qint64(batchSize));
    report("jsonl_file_size", fileBytes / 1e6, "MB", 1);

    // Where the time goes, for whoever optimises it: the dedupe keys alone and the rules (+ APS) alone, on
    // the same signals. Storage is roughly the pipeline's time minus these two.
    {
        Stopwatch keys;
        qint64 keyChars = 0;
        for (const Signal& signal : gen.items)
            keyChars += dedupeKey(signal).size();
        const double keySeconds = keys.seconds();
        Stopwatch rules;
        int moves = 0;
        for (const Signal& signal : gen.items)
            moves += applySignalRules(signal).kind == RuleOutcome::Kind::CreateMove ? 1 : 0;
        const double ruleSeconds = rules.seconds();
        report("breakdown_dedupe_keys_rate", count / keySeconds, "signals/s", 0);
        report("breakdown_rules_aps_rate", count / ruleSeconds, "signals/s", 0);
        // Duplicates are copies, so they make moves here too: moves + duplicates of non-ignored signals.
        if (keyChars != qint64(count) * 64)
            fail(u"dedupe keys are not 64 hex characters"_s);
        if (moves < gen.moves)
            fail(u"the rules made %1 moves from the signals, expected at least %2"_s.arg(moves).arg(
                gen.moves));
    }

    // (a) The pipeline alone: dedupe key, rules, APS and persistence, one write transaction per batch.
    {
        Database db;
        if (!openFresh(db, dir + u"/pipeline.db"_s))
            return exitCode();
        IngestPipeline pipeline(db, clock, {}, batchSize);
        Stopwatch timer;
        for (Signal& signal : gen.items) {
            signal.dedupeKey = dedupeKey(signal);
            if (!pipeline.add(std::move(signal))) {
                fail(u"pipeline add failed: "_s + pipeline.report().fatalError);
                break;
            }
        }
        if (!pipeline.flush())
            fail(u"pipeline flush failed: "_s + pipeline.report().fatalError);
        const double seconds = timer.seconds();
        const double cpuSeconds = timer.cpuSeconds();
        gen.items.clear();
        gen.items.squeeze();
        const IngestReport& r = pipeline.report();
        report("pipeline_seconds", seconds, "s", 3);
        report("pipeline_cpu_seconds", cpuSeconds, "s", 3);
        report("pipeline_rate", count / seconds, "signals/s", 0);
        report("pipeline_rate_cpu", count / cpuSeconds, "signals/s", 0);
        report("pipeline_goal", kGoalSignalsPerSecond, "signals/s", 0);
        reportText("pipeline_goal_met", count / seconds >= kGoalSignalsPerSecond ? u"yes"_s : u"no"_s);
        report("pipeline_ingested", qint64(r.ingested));
        report("pipeline_duplicates", qint64(r.duplicates));
        report("pipeline_moves", qint64(r.movesCreated));
        expectEqual(u"pipeline ingested"_s, r.ingested, gen.distinct);
        expectEqual(u"pipeline duplicates"_s, r.duplicates, gen.duplicates);
        expectEqual(u"pipeline moves"_s, r.movesCreated, gen.moves);
        expectEqual(u"pipeline created move ids"_s, pipeline.createdMoveIds().size(), gen.moves);
        checkDatabase(u"pipeline"_s, db, gen);

        // The ceiling: SQLite alone storing these same rows with the same statements (see StorageFloor.h).
        const StorageFloor floor = measureStorageFloor(db, dir + u"/floor.db"_s, batchSize);
        if (!floor.error.isEmpty())
            fail(u"storage floor: "_s + floor.error);
        report("storage_floor_seconds", floor.seconds, "s", 3);
        report("storage_floor_rate", count / floor.seconds, "signals/s", 0);
        report("storage_floor_rate_cpu", count / floor.cpuSeconds, "signals/s", 0);
        expectEqual(u"storage floor signals"_s, floor.signals, gen.distinct);
        expectEqual(u"storage floor moves"_s, floor.moves, gen.moves);
    }

    // (b) End to end from a JSON Lines file, as `caseyos ingest FILE` does.
    if (!pipelineOnly) {
        Database db;
        if (!openFresh(db, dir + u"/import.db"_s))
            return exitCode();
        Stopwatch timer;
        ImportOptions importOptions;
        importOptions.batchSize = batchSize;
        const IngestReport r = importSignalFile(jsonlPath, db, clock, importOptions);
        const double seconds = timer.seconds();
        const double cpuSeconds = timer.cpuSeconds();
        report("import_seconds", seconds, "s", 3);
        report("import_cpu_seconds", cpuSeconds, "s", 3);
        report("import_rate", count / seconds, "signals/s", 0);
        report("import_rate_cpu", count / cpuSeconds, "signals/s", 0);
        report("import_throughput", fileBytes / 1e6 / seconds, "MB/s", 1);
        report("import_read", qint64(r.read));
        report("import_ingested", qint64(r.ingested));
        report("import_duplicates", qint64(r.duplicates));
        report("import_invalid", qint64(r.invalid));
        report("import_moves", qint64(r.movesCreated));
        if (!r.fatalError.isEmpty())
            fail(u"import failed: "_s + r.fatalError);
        for (const IngestError& e : r.errors.mid(0, 5))
            fail(u"import line %1: %2"_s.arg(e.line).arg(e.message));
        expectEqual(u"import read"_s, r.read, count);
        expectEqual(u"import invalid"_s, r.invalid, 0);
        expectEqual(u"import ingested"_s, r.ingested, gen.distinct);
        expectEqual(u"import duplicates"_s, r.duplicates, gen.duplicates);
        expectEqual(u"import moves"_s, r.movesCreated, gen.moves);
        checkDatabase(u"import"_s, db, gen);
    }

    report("peak_rss", peakResidentMiB(), "MiB", 1);
    reportText("result", exitCode() == 0 ? u"ok"_s : u"FAILED"_s);
    return exitCode();
}
