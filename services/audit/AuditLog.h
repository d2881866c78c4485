#pragma once

#include "audit/AuditTypes.h"
#include "core/Clock.h"
#include "core/Result.h"

#include <QList>

namespace caseyos {

class Database;

// The append-only, hash-chained audit log (PRODUCT.md §9; docs/audit-log.md) in table audit_log (migration 0007).
// Synchronous; use it on the thread that owns the Database, one AuditLog per connection. Several connections and
// processes may append at once: append() takes SQLite's write lock (BEGIN IMMEDIATE) before it reads the last
// entry's hash, so appends are serialised and the chain never forks.
class AuditLog
{
public:
    AuditLog(Database& db, const Clock& clock);

    // Adds one entry in a transaction of its own. kind: a lowercase word (auditkind::…); actor must not be empty.
    Result<AuditEntry> append(const QString& kind, const QString& actor, const QString& subject,
        const QJsonObject& details = {});
    // The same inside a write transaction the caller already holds (Database::transaction, which is BEGIN
    // IMMEDIATE), so that the audited change and its entry commit or roll back together.
    Result<AuditEntry> appendInTransaction(const QString& kind, const QString& actor, const QString& subject,
        const QJsonObject& details = {});

    // Recomputes every stored entry's hash and follows the chain from the checkpoint (or from the start). A failure
    // of the chain is a successful Result with ok false; a failed Result means the database could not be read.
    Result<AuditVerification> verify() const;

    // Newest first, at most `limit` (1 … 10 000) entries matching `filter`.
    Result<QList<AuditEntry>> list(const AuditFilter& filter = {}, int limit = 100) const;

    // Removes, from the front, the entries older than now − olderThan, after checking the chain and recording a
    // checkpoint (the last removed entry's id and hash); then appends an audit_prune entry. Refuses (failure) when
    // the chain does not verify: pruning must never erase the evidence of tampering.
    Result<AuditPruned> prune(std::chrono::milliseconds olderThan = kAuditRetention);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace caseyos
