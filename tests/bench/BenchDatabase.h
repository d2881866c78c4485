#pragma once

#include "core/Clock.h"

#include <QString>

namespace caseyos {
class Database;
}

namespace caseyos::bench {

// Deletes a SQLite database file with its -wal and -shm companions.
void removeDatabase(const QString& path);

// (Re)creates the database at `path` from `count` generated signals through the IngestPipeline and checks the
// moves it made against the generator's expectation. Reports build_seconds; false (after fail()) on error.
bool buildDatabase(const QString& path, int count, const Clock& clock);

// The first column of the first row of `sql`, or -1.
qint64 scalar(Database& db, const QString& sql);

} // namespace caseyos::bench
