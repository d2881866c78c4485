#pragma once

#include <QString>

namespace caseyos {
class Database;
}

namespace caseyos::bench {

struct StorageFloor
{
    qint64 signals = 0;
    qint64 moves = 0;
    double seconds = 0.0;
    double cpuSeconds = 0.0;
    QString error; // empty when the run worked
};

// The ceiling SQLite puts on the ingest pipeline: re-stores the exact rows a pipeline run wrote (signals with
// their payload text, moves, the batch's move_events) into a fresh database with the same schema and pragmas,
// using the same statements as SignalBatchWriter — dedupe probe, signal insert, move insert, one events
// statement per batch, one write transaction per batch — but with every value already made. What is left is
// SQLite's own cost for these rows; no rules, APS, JSON or text conversion can make the pipeline faster than
// this.
StorageFloor measureStorageFloor(Database& stored, const QString& freshPath, int batchSize);

} // namespace caseyos::bench
