#include "mcp/ApprovalService.h"

#include "audit/AuditLog.h"
#include "core/Timestamps.h"
#include "notifications/NotificationService.h"
#include "storage/Database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QString kApprovalColumns
    = u"id, tool, arguments, summary, status, decided_by, created_at, decided_at, executed_at, "
      "ifnull(execution_id, 0), handoff"_s;

// The tools whose approval makes something run; the others only record a decision.
bool runsWhenApproved(const QString& tool, const QJsonObject& arguments)
{
    return tool == u"execute_move"_s
        || (tool == u"create_email_draft"_s && arguments.value(u"send"_s).toBool(false));
}

QJsonValue timeOrNull(const QDateTime& value)
{
    return value.isValid() ? QJsonValue(toIsoUtc(value)) : QJsonValue(QJsonValue::Null);
}

Approval fromQuery(const QSqlQuery& query)
{
    Approval a;
    a.id = query.value(0).toLongLong();
    a.tool = query.value(1).toString();
    a.arguments = QJsonDocument::fromJson(query.value(2).toByteArray()).object();
    a.summary = query.value(3).toString();
    a.status = query.value(4).toString();
    a.decidedBy = query.value(5).toString();
    a.createdAt = fromEpochMs(query.value(6).toLongLong());
    a.decidedAt = fromEpochMs(query.value(7).toLongLong());
    a.executedAt = fromEpochMs(query.value(8).toLongLong());
    a.executionId = query.value(9).toLongLong();
    a.handoff = query.value(10).toString();
    return a;
}

// The decision's audit entry, written in the decision's own transaction so neither exists without the other.
Result<AuditEntry> auditDecision(Database& db, const Clock& clock, const Approval& a)
{
    return AuditLog(db, clock).appendInTransaction(QString::fromUtf16(auditkind::Approval),
        a.decidedBy == u"allowed_tool"_s ? u"allowed_tool"_s : u"user"_s, u"approval:%1"_s.arg(a.id),
        { { u"decision"_s, a.status }, { u"tool"_s, a.tool }, { u"summary"_s, a.summary },
            { u"arguments"_s, a.arguments } });
}

} // namespace

bool Approval::awaitsHandoff() const
{
    return status == u"approved"_s && handoff.isEmpty() && !executedAt.isValid()
        && runsWhenApproved(tool, arguments);
}

QString ApprovalService::notificationTitle(qint64 id)
{
    return u"Approval #%1 needed"_s.arg(id);
}

QJsonObject approvalToJson(const Approval& a)
{
    return { { u"id"_s, a.id }, { u"tool"_s, a.tool }, { u"arguments"_s, a.arguments },
        { u"summary"_s, a.summary }, { u"status"_s, a.status }, { u"decided_by"_s, a.decidedBy },
        { u"created_at"_s, timeOrNull(a.createdAt) }, { u"decided_at"_s, timeOrNull(a.decidedAt) },
        { u"executed"_s, a.executedAt.isValid() }, { u"executed_at"_s, timeOrNull(a.executedAt) },
        { u"execution_id"_s, a.executionId > 0 ? QJsonValue(a.executionId) : QJsonValue(QJsonValue::Null) },
        { u"handoff"_s, a.handoff } };
}

ApprovalService::ApprovalService(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

QJsonObject ApprovalService::redact(const QJsonObject& arguments)
{
    static const QStringList secretWords { u"token"_s, u"password"_s, u"secret"_s, u"api_key"_s, u"apikey"_s,
        u"authorization"_s, u"cookie"_s };
    QJsonObject clean = arguments;
    for (auto it = clean.begin(); it != clean.end(); ++it) {
        const QString key = it.key().toLower();
        for (const QString& word : secretWords)
            if (key.contains(word)) {
                it.value() = u"[redacted]"_s;
                break;
            }
    }
    return clean;
}

Result<Approval> ApprovalService::request(
    const QString& tool, const QJsonObject& arguments, const QString& summary, bool allowedPermanently)
{
    const QDateTime now = m_clock.now();
    Approval approval;
    approval.tool = tool;
    approval.arguments = redact(arguments);
    approval.summary = summary;
    approval.status = allowedPermanently ? u"approved"_s : u"pending"_s;
    approval.decidedBy = allowedPermanently ? u"allowed_tool"_s : QString();
    approval.createdAt = now;
    if (allowedPermanently)
        approval.decidedAt = now;
    QString error;
    const bool ok = m_db.transaction(
        [&] {
            QSqlQuery insert(m_db.sql());
            insert.prepare(
                u"INSERT INTO approvals (tool, arguments, summary, status, decided_by, created_at, "
                "decided_at) VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, ?)"_s);
            insert.addBindValue(tool);
            insert.addBindValue(
                QString::fromUtf8(QJsonDocument(approval.arguments).toJson(QJsonDocument::Compact)));
            insert.addBindValue(summary);
            insert.addBindValue(approval.status);
            insert.addBindValue(approval.decidedBy);
            insert.addBindValue(toEpochMs(now));
            insert.addBindValue(
                allowedPermanently ? QVariant(toEpochMs(now)) : QVariant(QMetaType(QMetaType::LongLong)));
            if (!insert.exec()) {
                error = insert.lastError().text();
                return false;
            }
            approval.id = insert.lastInsertId().toLongLong();
            if (allowedPermanently) {
                const Result<AuditEntry> audited = auditDecision(m_db, m_clock, approval);
                if (!audited)
                    error = audited.error();
                return audited.ok();
            }
            Notification note;
            note.title = notificationTitle(approval.id);
            note.message = summary + u" (requested by an MCP client through tool "_s + tool + u')';
            note.priority = NotificationPriority::High;
            note.kind = u"approval_pending"_s;
            const Result<Notification> created = NotificationService(m_db, m_clock).create(note);
            if (!created)
                error = created.error();
            return bool(created);
        },
        &error);
    if (!ok)
        return Result<Approval>::failure(u"Cannot store the approval: "_s + error);
    return Result<Approval>::success(approval);
}

Result<Approval> ApprovalService::approve(qint64 id)
{
    return decide(id, u"approved"_s);
}

Result<Approval> ApprovalService::reject(qint64 id)
{
    return decide(id, u"rejected"_s);
}

Result<Approval> ApprovalService::decide(qint64 id, const QString& status)
{
    QString error;
    QString problem;
    const qint64 now = toEpochMs(m_clock.now());
    const bool ok = m_db.transaction(
        [&] {
            QSqlQuery update(m_db.sql());
            update.prepare(u"UPDATE approvals SET status = ?, decided_by = 'user', decided_at = ? "
                           "WHERE id = ? AND status = 'pending'"_s);
            update.addBindValue(status);
            update.addBindValue(now);
            update.addBindValue(id);
            if (!update.exec()) {
                error = update.lastError().text();
                return false;
            }
            if (update.numRowsAffected() != 1) {
                const Result<Approval> existing = find(id);
                problem = existing ? u"Approval %1 is already %2"_s.arg(id).arg(existing.value().status)
                                   : existing.error();
                return false;
            }
            // The notification asked for a decision; once decided it has nothing left to say.
            QSqlQuery dismiss(m_db.sql());
            dismiss.prepare(u"UPDATE notifications SET dismissed_at = ? WHERE kind = 'approval_pending' "
                            "AND title = ? AND dismissed_at IS NULL"_s);
            dismiss.addBindValue(now);
            dismiss.addBindValue(notificationTitle(id));
            if (!dismiss.exec()) {
                error = dismiss.lastError().text();
                return false;
            }
            const Result<Approval> decided = find(id);
            const Result<AuditEntry> audited = decided ? auditDecision(m_db, m_clock, decided.value())
                                                       : Result<AuditEntry>::failure(decided.error());
            if (!audited)
                error = audited.error();
            return audited.ok();
        },
        &error);
    if (!problem.isEmpty())
        return Result<Approval>::failure(problem);
    if (!ok)
        return Result<Approval>::failure(u"Cannot decide approval %1: "_s.arg(id) + error);
    return find(id);
}

Result<Approval> ApprovalService::find(qint64 id) const
{
    QSqlQuery query(m_db.sql());
    query.prepare(u"SELECT "_s + kApprovalColumns + u" FROM approvals WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return Result<Approval>::failure(query.lastError().text());
    if (!query.next())
        return Result<Approval>::failure(u"No approval with id %1"_s.arg(id));
    return Result<Approval>::success(fromQuery(query));
}

Result<QList<Approval>> ApprovalService::list(const QString& status) const
{
    QSqlQuery query(m_db.sql());
    query.setForwardOnly(true);
    query.prepare(
        u"SELECT "_s + kApprovalColumns + u" FROM approvals WHERE (? = 'all' OR status = ?) ORDER BY id DESC"_s);
    const QString filter = status.isEmpty() ? u"all"_s : status;
    query.addBindValue(filter);
    query.addBindValue(filter);
    if (!query.exec())
        return Result<QList<Approval>>::failure(query.lastError().text());
    QList<Approval> approvals;
    while (query.next())
        approvals.append(fromQuery(query));
    return Result<QList<Approval>>::success(approvals);
}

Result<QList<Approval>> ApprovalService::awaitingHandoff() const
{
    QSqlQuery query(m_db.sql());
    query.setForwardOnly(true);
    query.prepare(u"SELECT "_s + kApprovalColumns
        + u" FROM approvals WHERE status = 'approved' AND handoff = '' AND executed_at IS NULL "
          "AND (tool = 'execute_move' OR tool = 'create_email_draft') ORDER BY id"_s);
    if (!query.exec())
        return Result<QList<Approval>>::failure(query.lastError().text());
    QList<Approval> approvals;
    while (query.next()) {
        Approval a = fromQuery(query);
        if (a.awaitsHandoff())
            approvals.append(a);
    }
    return Result<QList<Approval>>::success(approvals);
}

Result<bool> ApprovalService::recordHandoff(qint64 id, qint64 executionId, const QString& handoff)
{
    QSqlQuery update(m_db.sql());
    update.prepare(
        u"UPDATE approvals SET handoff = ?, execution_id = ? WHERE id = ? AND handoff = '' AND status = 'approved'"_s);
    update.addBindValue(handoff.isEmpty() ? u"Handed over"_s : handoff);
    update.addBindValue(executionId > 0 ? QVariant(executionId) : QVariant(QMetaType::fromType<qint64>()));
    update.addBindValue(id);
    if (!update.exec())
        return Result<bool>::failure(u"Cannot record what approval %1 became: "_s.arg(id) + update.lastError().text());
    return Result<bool>::success(update.numRowsAffected() == 1);
}

} // namespace caseyos
