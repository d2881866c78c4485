#pragma once

#include "core/Move.h"
#include "core/Signal.h"

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace caseyos {

class Database;

// The ingest hot path: writes new signals, and the moves their rules made, through the raw SQLite API with
// statements prepared once per batch (QSqlQuery's per-row cost would halve the import rate).
// Use inside one write transaction (Database::transaction): beginBatch(), then write() per signal.
// Duplicates are found by the integer dedupe_hash index and confirmed on the full key, so a signal repeated
// within the same batch is caught too (the transaction sees its own rows).
// The move id is allocated before the signal row is written, so the signal's move_id and the move's
// signal_id are both set by plain INSERTs (no follow-up UPDATE); this is safe because the IMMEDIATE
// transaction holds the write lock.
// The indexed part of a dedupe key: its first 64 bits as a signed integer (the schema's dedupe_hash).
qint64 dedupeHash(const QString& dedupeKey);

class SignalBatchWriter
{
public:
    explicit SignalBatchWriter(Database& db);
    ~SignalBatchWriter();
    SignalBatchWriter(const SignalBatchWriter&) = delete;
    SignalBatchWriter& operator=(const SignalBatchWriter&) = delete;

    bool beginBatch(QString* error);

    enum class Outcome { Stored, Duplicate, Failed };
    // Stores `signal` (its state and error as given) unless its dedupe key already exists. With `move`, also
    // stores the move (source = the signal's source); its id goes to *moveId.
    Outcome write(const Signal& signal, const Move* move, qint64* signalId, qint64* moveId, QString* error);

    // Writes the move_created events of the moves this batch made, in one statement. Call before commit.
    bool finishBatch(QString* error);

private:
    bool prepare(sqlite3_stmt** stmt, const char* sql, QString* error);
    QString sqliteError() const;
    sqlite3* m_handle = nullptr;
    bool isStored(const Signal& signal, qint64 hash, bool* failed);
    sqlite3_stmt* m_findSignal = nullptr;
    sqlite3_stmt* m_insertSignal = nullptr;
    sqlite3_stmt* m_insertMove = nullptr;
    sqlite3_stmt* m_insertEvents = nullptr;
    qint64 m_firstMoveId = 1;
    qint64 m_nextMoveId = 1;
    // Reused for every row: UTF-8 text of the bound strings, the payload and the action context.
    QByteArray m_text;
    QByteArray m_payloadBuffer;
    QByteArray m_contextBuffer;
};

} // namespace caseyos
