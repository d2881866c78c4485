#pragma once

#include "execution/ExecutionRecord.h"

#include <QDateTime>
#include <QString>

namespace caseyos {

class Database;

// Keeps a move in step with its execution (PRODUCT.md §7): in_progress while queued or running, completed
// with executed_at when it succeeded, failed when it failed, pending again when it was cancelled or undone.
// Each change writes its move_events row in the same transaction. Moves that are dismissed are left alone,
// and a completed move stays completed. Call inside Database::transaction.
class MoveLink
{
public:
    MoveLink(Database& db, const QDateTime& now);

    bool started(const ExecutionRecord& record, QString* error); // queued or running
    bool succeeded(const ExecutionRecord& record, QString* error);
    bool failed(const ExecutionRecord& record, QString* error);
    bool reverted(const ExecutionRecord& record, QString* error); // cancelled or undone

    // Refuses a move that cannot be executed (unknown, dismissed): the reason, or empty.
    static QString refusal(Database& db, qint64 moveId);

private:
    Database& m_db;
    QDateTime m_now;
};

} // namespace caseyos
