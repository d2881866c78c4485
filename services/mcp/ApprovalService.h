#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace caseyos {

class Database;

// A request to run one tool call that would send or change something outside CaseyOS (PRODUCT.md §8).
struct Approval
{
    qint64 id = 0;
    QString tool;
    QJsonObject arguments; // as the client sent them, secrets redacted
    QString summary; // one line for the user: "Execute move 12: Reply to Dana"
    QString status; // pending, approved, rejected
    QString decidedBy; // "", "user", "allowed_tool"
    QDateTime createdAt;
    QDateTime decidedAt;
    QDateTime executedAt; // set by the executor when the call it became succeeded
    qint64 executionId = 0; // the execution it was handed over as (0: none)
    QString handoff; // "" until handed to the executor; then "Execution 12 queued" or why it did not run

    // An approved call the executor should run that has not been handed over yet.
    bool awaitsHandoff() const;
};

QJsonObject approvalToJson(const Approval& approval);

// The approvals table for MCP, the CLI (`caseyos approvals`) and the desktop app. Synchronous; call it on
// the thread that owns the Database. Nothing here executes anything: approved calls are handed to the
// executor by ApprovedCalls (execution/); a rejected one is final and never runs.
class ApprovalService
{
public:
    ApprovalService(Database& db, const Clock& clock);

    // In one transaction: stores the approval, pending (with an "approval_pending" notification so the
    // app's panel and tray show it), or approved at once with decided_by "allowed_tool" when the user
    // allowed the tool permanently.
    Result<Approval> request(
        const QString& tool, const QJsonObject& arguments, const QString& summary, bool allowedPermanently);
    Result<Approval> approve(qint64 id); // only a pending one
    Result<Approval> reject(qint64 id); // only a pending one
    Result<Approval> find(qint64 id) const;
    Result<QList<Approval>> list(const QString& status = {}) const; // newest first; status empty: all
    // Approved execute_move / create_email_draft (send) calls with no hand-over yet, oldest first.
    Result<QList<Approval>> awaitingHandoff() const;
    // Records what the hand-over did, once: false (nothing changed) when another process recorded it first.
    Result<bool> recordHandoff(qint64 id, qint64 executionId, const QString& handoff);

    // The title of a pending approval's "approval_pending" notification ("Approval #12 needed").
    static QString notificationTitle(qint64 id);

    // Argument keys that look like secrets are replaced by "[redacted]" before anything is stored.
    static QJsonObject redact(const QJsonObject& arguments);

private:
    Result<Approval> decide(qint64 id, const QString& status);
    Database& m_db;
    const Clock& m_clock;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::Approval)
