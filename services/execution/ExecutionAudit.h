#pragma once

#include "execution/Executor.h"

namespace caseyos {

class Clock;
class Database;

// The executor's audit sink writing to the hash-chained audit log (PRODUCT.md §9) on `db`'s connection:
// "execution.undone" → kind undo, "kill_switch.changed" → kill_switch, every other "execution.*" → execution,
// with the event (the part after the dot) in the details. The executor calls it outside its transactions. A
// failed append is logged, never thrown: the execution itself already happened or was refused.
Executor::AuditSink executionAuditSink(Database& db, const Clock& clock, const QString& actor);

// The same for an executor on another thread (ExecutionWorker): the sink opens a connection of its own to
// `databasePath` on its first call, on the thread that calls it, and keeps it while the sink lives (destroy the
// sink on that thread too). When the database cannot be opened the events are logged as not recorded.
Executor::AuditSink executionAuditSinkFor(const QString& databasePath, const Clock& clock, const QString& actor);

} // namespace caseyos
