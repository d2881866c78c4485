#include "audit/AuditChain.h"

#include "audit/AuditHash.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// The storage classes every column must have: an attacker who stores '1700000000000' (text) in `at` changes the
// row even when the value reads the same.
const QString kExpectedTypes = u"integer|integer|text|text|text|text|text|text"_s;

Result<AuditVerification> broken(AuditVerification v, qint64 id, const QString& reason)
{
    v.ok = false;
    v.brokenId = id;
    v.reason = reason;
    return Result<AuditVerification>::success(v);
}

} // namespace

Result<AuditHead> auditHead(Database& db)
{
    QSqlQuery query(db.sql());
    if (!query.exec(u"SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"_s))
        return Result<AuditHead>::failure(query.lastError().text());
    if (query.next())
        return Result<AuditHead>::success({ query.value(0).toLongLong(), query.value(1).toString() });
    if (!query.exec(u"SELECT last_id, last_hash FROM audit_checkpoints ORDER BY last_id DESC LIMIT 1"_s))
        return Result<AuditHead>::failure(query.lastError().text());
    if (query.next())
        return Result<AuditHead>::success({ query.value(0).toLongLong(), query.value(1).toString() });
    return Result<AuditHead>::success({ 0, auditGenesisHash() });
}

Result<AuditVerification> verifyAuditChain(Database& db)
{
    AuditVerification v;
    qint64 expectedId = 1;
    QString expectedPrev = auditGenesisHash();

    // Checkpoints: each row's own hash, in increasing order; the newest is where the stored chain starts.
    QSqlQuery checkpoints(db.sql());
    checkpoints.setForwardOnly(true);
    if (!checkpoints.exec(u"SELECT id, last_id, last_hash, at, pruned, hash FROM audit_checkpoints ORDER BY id"_s))
        return Result<AuditVerification>::failure(checkpoints.lastError().text());
    qint64 previousLast = 0;
    while (checkpoints.next()) {
        const qint64 id = checkpoints.value(0).toLongLong();
        const qint64 lastId = checkpoints.value(1).toLongLong();
        const QString lastHash = checkpoints.value(2).toString();
        const QString stored = checkpoints.value(5).toString();
        if (auditCheckpointHash(id, lastId, lastHash, checkpoints.value(3).toLongLong(),
                checkpoints.value(4).toLongLong())
                != stored
            || lastId <= previousLast)
            return broken(v, lastId + 1,
                u"the pruning checkpoint %1 (entries up to %2 removed) was changed after it was written"_s.arg(id).arg(
                    lastId));
        previousLast = lastId;
        v.checkpointId = lastId;
        expectedId = lastId + 1;
        expectedPrev = lastHash;
    }

    QSqlQuery entries(db.sql());
    entries.setForwardOnly(true);
    if (!entries.exec(u"SELECT id, at, kind, actor, subject, details, prev_hash, hash, typeof(id) || '|' || "
                      "typeof(at) || '|' || typeof(kind) || '|' || typeof(actor) || '|' || typeof(subject) || '|' || "
                      "typeof(details) || '|' || typeof(prev_hash) || '|' || typeof(hash) FROM audit_log ORDER BY id"_s))
        return Result<AuditVerification>::failure(entries.lastError().text());
    while (entries.next()) {
        const qint64 id = entries.value(0).toLongLong();
        if (v.firstId == 0)
            v.firstId = id;
        if (id < expectedId)
            return broken(v, id,
                u"entry %1 should not exist: the chain continues after entry %2"_s.arg(id).arg(expectedId - 1));
        if (id > expectedId)
            return broken(v, expectedId,
                id == expectedId + 1 ? u"entry %1 is missing (the next stored entry is %2)"_s.arg(expectedId).arg(id)
                                     : u"entries %1 to %2 are missing"_s.arg(expectedId).arg(id - 1));
        if (entries.value(8).toString() != kExpectedTypes)
            return broken(v, id, u"entry %1 was changed: a column holds the wrong type of value"_s.arg(id));
        const QString prev = entries.value(6).toString();
        const QString stored = entries.value(7).toString();
        const QString computed = auditEntryHash(id, entries.value(1).toLongLong(), entries.value(2).toString(),
            entries.value(3).toString(), entries.value(4).toString(), entries.value(5).toString(), prev);
        ++v.checked;
        if (computed != stored)
            return broken(v, id, u"entry %1 was changed after it was written: its contents do not match its hash"_s.arg(id));
        if (prev != expectedPrev)
            return broken(v, id,
                expectedId == v.checkpointId + 1 && v.checkpointId > 0
                    ? u"entry %1 does not follow the pruning checkpoint (entry %2's hash differs)"_s.arg(id).arg(
                          v.checkpointId)
                    : u"entry %1 does not follow entry %2: its prev_hash is not that entry's hash"_s.arg(id).arg(id - 1));
        v.lastId = id;
        expectedPrev = stored;
        ++expectedId;
    }
    return Result<AuditVerification>::success(v);
}

} // namespace caseyos
