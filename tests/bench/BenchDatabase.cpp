#include "BenchDatabase.h"

#include "BenchSupport.h"
#include "SignalGenerator.h"
#include "core/DedupeKey.h"
#include "signals/IngestPipeline.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace caseyos::bench {

void removeDatabase(const QString& path)
{
    for (const QString& suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        QFile::remove(path + suffix);
}

bool buildDatabase(const QString& path, int count, const Clock& clock)
{
    removeDatabase(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    GeneratorOptions options;
    options.count = count;
    options.now = clock.now();
    GeneratedSignals gen = generateSignals(options);
    Database db;
    QString error;
    if (!db.open(path, &error)) {
        fail(u"cannot open %1: %2"_s.arg(path, error));
        return false;
    }
    Stopwatch timer;
    IngestPipeline pipeline(db, clock);
    for (Signal& signal : gen.items) {
        signal.dedupeKey = dedupeKey(signal);
        if (!pipeline.add(std::move(signal)))
            break;
    }
    if (!pipeline.flush() || pipeline.report().movesCreated != gen.moves) {
        fail(u"building the database failed (%1 moves, expected %2): %3"_s.arg(pipeline.report().movesCreated)
                 .arg(gen.moves)
                 .arg(pipeline.report().fatalError));
        return false;
    }
    report("build_seconds", timer.seconds(), "s", 2);
    return true;
}

qint64 scalar(Database& db, const QString& sql)
{
    QSqlQuery q(db.sql());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace caseyos::bench
