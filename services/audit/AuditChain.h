#pragma once

#include "audit/AuditTypes.h"
#include "core/Result.h"

namespace caseyos {

class Database;

// Internal to services/audit: the chain check without transaction handling, for AuditLog::verify (in a read
// transaction of its own) and AuditLog::prune (inside its write transaction).
Result<AuditVerification> verifyAuditChain(Database& db);

// The entry (or, with nothing stored, the checkpoint) a new entry follows: its id and hash; 0 and 64 zeros when
// the log has never held anything.
struct AuditHead
{
    qint64 id = 0;
    QString hash;
};
Result<AuditHead> auditHead(Database& db);

} // namespace caseyos
