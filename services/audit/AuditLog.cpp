#include "audit/AuditLog.h"

#include "audit/AuditChain.h"
#include "audit/AuditHash.h"
#include "core/CanonicalJson.h"
#include "core/Timestamps.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

AuditEntry entryFrom(const QSqlQuery& q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.at = fromEpochMs(q.value(1).toLongLong());
    e.kind = q.value(2).toString();
    e.actor = q.value(3).toString();
    e.subject = q.value(4).toString();
    e.details = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    e.prevHash = q.value(6).toString();
    e.hash = q.value(7).toString();
    return e;
}

} // namespace

AuditLog::AuditLog(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<AuditEntry> AuditLog::append(
    const QString& kind, const QString& actor, const QString& subject, const QJsonObject& details)
{
    Result<AuditEntry> result = Result<AuditEntry>::failure({});
    QString error;
    const bool ok = m_db.transaction(
        [&] {
            result = appendInTransaction(kind, actor, subject, details);
            return result.ok();
        },
        &error);
    if (!result)
        return result;
    if (!ok)
        return Result<AuditEntry>::failure(u"Cannot write the audit entry: "_s + error);
    return result;
}

Result<AuditEntry> AuditLog::appendInTransaction(
    const QString& kind, const QString& actor, const QString& subject, const QJsonObject& details)
{
    static const QRegularExpression kindPattern(u"^[a-z][a-z0-9_]{0,39}$"_s);
    if (!kindPattern.match(kind).hasMatch())
        return Result<AuditEntry>::failure(u"Audit kind \"%1\" is not a lowercase word"_s.arg(kind.left(60)));
    if (actor.trimmed().isEmpty())
        return Result<AuditEntry>::failure(u"An audit entry needs an actor"_s);
    // Read inside the caller's write transaction: nobody can append between this read and the insert.
    const Result<AuditHead> head = auditHead(m_db);
    if (!head)
        return Result<AuditEntry>::failure(u"Cannot read the audit log: "_s + head.error());
    AuditEntry e;
    e.id = head.value().id + 1;
    e.at = fromEpochMs(toEpochMs(m_clock.now()));
    e.kind = kind;
    e.actor = actor;
    e.subject = subject;
    e.details = details;
    e.prevHash = head.value().hash;
    const QString detailsJson = QString::fromUtf8(canonicalJson(details));
    e.hash = auditEntryHash(e.id, toEpochMs(e.at), kind, actor, subject, detailsJson, e.prevHash);
    QSqlQuery insert(m_db.sql());
    insert.prepare(u"INSERT INTO audit_log (id, at, kind, actor, subject, details, prev_hash, hash) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(e.id);
    insert.addBindValue(toEpochMs(e.at));
    insert.addBindValue(kind);
    insert.addBindValue(actor);
    insert.addBindValue(subject.isNull() ? u""_s : subject);
    insert.addBindValue(detailsJson);
    insert.addBindValue(e.prevHash);
    insert.addBindValue(e.hash);
    if (!insert.exec())
        return Result<AuditEntry>::failure(u"Cannot write the audit entry: "_s + insert.lastError().text());
    return Result<AuditEntry>::success(e);
}

Result<AuditVerification> AuditLog::verify() const
{
    // One read transaction: the checkpoints and the entries come from the same snapshot even while another
    // process prunes or appends.
    QString error;
    if (!m_db.exec(u"BEGIN"_s, &error))
        return Result<AuditVerification>::failure(u"Cannot read the audit log: "_s + error);
    const Result<AuditVerification> result = verifyAuditChain(m_db);
    m_db.exec(u"COMMIT"_s);
    return result;
}

Result<QList<AuditEntry>> AuditLog::list(const AuditFilter& filter, int limit) const
{
    QSqlQuery query(m_db.sql());
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, at, kind, actor, subject, details, prev_hash, hash FROM audit_log "
                  "WHERE (? = '' OR kind = ?) AND (? = '' OR actor = ?) AND (? = '' OR subject = ?) "
                  "AND (? = 0 OR id < ?) ORDER BY id DESC LIMIT ?"_s);
    for (const QString& value : { filter.kind, filter.actor, filter.subject }) {
        query.addBindValue(value.isNull() ? u""_s : value);
        query.addBindValue(value.isNull() ? u""_s : value);
    }
    query.addBindValue(filter.beforeId);
    query.addBindValue(filter.beforeId);
    query.addBindValue(qBound(1, limit, 10000));
    if (!query.exec())
        return Result<QList<AuditEntry>>::failure(u"Cannot read the audit log: "_s + query.lastError().text());
    QList<AuditEntry> entries;
    while (query.next())
        entries.append(entryFrom(query));
    return Result<QList<AuditEntry>>::success(entries);
}

Result<AuditPruned> AuditLog::prune(std::chrono::milliseconds olderThan)
{
    const qint64 cutoff = toEpochMs(m_clock.now()) - olderThan.count();
    AuditPruned pruned;
    QString problem;
    QString error;
    const bool ok = m_db.transaction(
        [&] {
            // Cheap way out first (the background checks call this every pass): is the front entry old enough?
            QSqlQuery front(m_db.sql());
            if (!front.exec(u"SELECT at FROM audit_log ORDER BY id LIMIT 1"_s)) {
                problem = front.lastError().text();
                return false;
            }
            if (!front.next() || front.value(0).toLongLong() >= cutoff)
                return true;
            const Result<AuditVerification> check = verifyAuditChain(m_db);
            if (!check) {
                problem = check.error();
                return false;
            }
            if (!check.value().ok) {
                problem = u"The audit log does not verify (%1); nothing was pruned"_s.arg(check.value().reason);
                return false;
            }
            // From the front only: up to the entry before the first one that is still young enough.
            QSqlQuery q(m_db.sql());
            q.prepare(u"SELECT COALESCE((SELECT MIN(id) FROM audit_log WHERE at >= ?) - 1, "
                      "(SELECT MAX(id) FROM audit_log))"_s);
            q.addBindValue(cutoff);
            if (!q.exec() || !q.next()) {
                problem = q.lastError().text();
                return false;
            }
            const qint64 lastId = q.value(0).toLongLong();
            if (lastId < check.value().firstId || check.value().firstId == 0)
                return true; // nothing old enough
            q.prepare(u"SELECT hash, (SELECT COUNT(*) FROM audit_log WHERE id <= ?), "
                      "(SELECT COALESCE(MAX(id), 0) + 1 FROM audit_checkpoints) FROM audit_log WHERE id = ?"_s);
            q.addBindValue(lastId);
            q.addBindValue(lastId);
            if (!q.exec() || !q.next()) {
                problem = q.lastError().text();
                return false;
            }
            pruned = { q.value(1).toLongLong(), lastId, q.value(0).toString() };
            const qint64 checkpointId = q.value(2).toLongLong();
            const qint64 now = toEpochMs(m_clock.now());
            q.prepare(u"INSERT INTO audit_checkpoints (id, last_id, last_hash, at, pruned, hash) "
                      "VALUES (?, ?, ?, ?, ?, ?)"_s);
            for (const QVariant& value : { QVariant(checkpointId), QVariant(lastId), QVariant(pruned.lastHash),
                     QVariant(now), QVariant(pruned.removed),
                     QVariant(auditCheckpointHash(checkpointId, lastId, pruned.lastHash, now, pruned.removed)) })
                q.addBindValue(value);
            if (!q.exec()) {
                problem = q.lastError().text();
                return false;
            }
            q.prepare(u"DELETE FROM audit_log WHERE id <= ?"_s);
            q.addBindValue(lastId);
            if (!q.exec()) {
                problem = q.lastError().text();
                return false;
            }
            const Result<AuditEntry> note = appendInTransaction(QString::fromUtf16(auditkind::Prune), u"system"_s,
                u"audit_log"_s,
                { { u"removed"_s, pruned.removed }, { u"up_to_id"_s, lastId }, { u"up_to_hash"_s, pruned.lastHash },
                    { u"older_than"_s, toIsoUtc(fromEpochMs(cutoff)) } });
            if (!note)
                problem = note.error();
            return note.ok();
        },
        &error);
    if (!problem.isEmpty())
        return Result<AuditPruned>::failure(problem);
    if (!ok)
        return Result<AuditPruned>::failure(u"Cannot prune the audit log: "_s + error);
    return Result<AuditPruned>::success(pruned);
}

} // namespace caseyos
