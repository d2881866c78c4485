#pragma once

#include "execution/ExecutionRecord.h"

#include <QList>
#include <QString>
#include <optional>

namespace caseyos {

class Database;

// Reads and writes the executions table. Synchronous; use it on the thread that owns the Database. Errors
// come back as text in `error`.
class ExecutionRepository
{
public:
    explicit ExecutionRepository(Database& db);

    bool insert(ExecutionRecord& record, QString* error); // sets record.id
    bool update(const ExecutionRecord& record, QString* error); // every column but id and created_at
    // Moves the row from `from` to `to` only if it is still in `from` (another process may have claimed or
    // cancelled it); false when it was not — then nothing changed.
    bool transition(qint64 id, ExecutionState from, ExecutionState to, const QString& runner, qint64 nowMs,
        QString* error);

    std::optional<ExecutionRecord> find(qint64 id, QString* error = nullptr) const;
    std::optional<ExecutionRecord> findByKey(const QString& idempotencyKey, QString* error = nullptr) const;
    QList<ExecutionRecord> inState(ExecutionState state, QString* error = nullptr) const; // oldest first
    QList<ExecutionRecord> dueQueued(qint64 nowMs, QString* error = nullptr) const; // by due_at
    std::optional<QDateTime> nextDue(QString* error = nullptr) const; // earliest queued due_at
    QList<ExecutionRecord> forMove(qint64 moveId, QString* error = nullptr) const; // newest first
    QList<ExecutionRecord> recent(int limit, QString* error = nullptr) const; // newest first

    // Sends of `action` that left or will leave (queued, running, succeeded) with due_at in [fromMs, toMs);
    // only those written to `recipient` when it is given.
    int countSends(
        ActionKind action, qint64 fromMs, qint64 toMs, const QString& recipient, QString* error) const;

private:
    QList<ExecutionRecord> select(const QString& where, const QVariantList& values, QString* error) const;
    Database& m_db;
};

} // namespace caseyos
