#include "mcp/ApprovalsWorker.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace caseyos {

ApprovalsWorker::ApprovalsWorker(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &ApprovalsWorker::poll);
}

ApprovalsWorker::~ApprovalsWorker() = default;

bool ApprovalsWorker::ensureOpen()
{
    if (m_db)
        return true;
    auto db = std::make_unique<Database>();
    QString error;
    if (!db->open(m_databasePath, &error)) {
        Q_EMIT failed(u"Approvals are unavailable: "_s + error);
        return false;
    }
    m_db = std::move(db);
    return true;
}

void ApprovalsWorker::start(qint64 pollMs)
{
    m_timer->start(std::chrono::milliseconds(qMax<qint64>(pollMs, 1)));
    refresh();
}

void ApprovalsWorker::stop()
{
    m_timer->stop();
}

void ApprovalsWorker::refresh()
{
    m_fingerprint.clear();
    poll();
}

void ApprovalsWorker::poll()
{
    if (!ensureOpen())
        return;
    // New rows raise max(id); a decision (here or by another process) changes the pending count and
    // max(decided_at); the executor's hand-over changes the count still waiting for it, and its success
    // max(executed_at). The table stays small (one row per MCP call that would act).
    QSqlQuery q(m_db->sql());
    if (!q.exec(u"SELECT COALESCE(MAX(id), 0), SUM(status = 'pending'), COALESCE(MAX(decided_at), 0), "
                "SUM(status = 'approved' AND handoff = ''), COALESCE(MAX(executed_at), 0) FROM approvals"_s)
        || !q.next()) {
        Q_EMIT failed(u"Cannot read the approvals: "_s + q.lastError().text());
        return;
    }
    QStringList parts;
    for (int i = 0; i < 5; ++i)
        parts << QString::number(q.value(i).toLongLong());
    const QString fingerprint = parts.join(u'/');
    if (fingerprint == m_fingerprint)
        return;
    m_fingerprint = fingerprint;
    list();
}

void ApprovalsWorker::list()
{
    const Result<QList<Approval>> all = ApprovalService(*m_db, m_clock).list();
    if (!all) {
        Q_EMIT failed(u"Cannot read the approvals: "_s + all.error());
        return;
    }
    QList<Approval> pending;
    QList<Approval> decided;
    QList<Approval> fresh;
    QList<qint64> notifications;
    qint64 newest = 0;
    for (const Approval& a : all.value()) { // newest first
        newest = qMax(newest, a.id);
        if (a.status == u"pending"_s) {
            pending.prepend(a);
            if (m_newestListed >= 0 && a.id > m_newestListed) {
                fresh.prepend(a);
                notifications.prepend(notificationIdFor(a.id));
            }
        } else if (decided.size() < kRecentDecided) {
            decided.append(a);
        }
    }
    m_newestListed = qMax(m_newestListed, newest);
    Q_EMIT listed(pending, decided);
    if (!fresh.isEmpty())
        Q_EMIT arrived(fresh, notifications);
}

qint64 ApprovalsWorker::notificationIdFor(qint64 approvalId)
{
    QSqlQuery q(m_db->sql());
    q.prepare(
        u"SELECT id FROM notifications WHERE kind = 'approval_pending' AND title = ? ORDER BY id DESC"_s);
    q.addBindValue(ApprovalService::notificationTitle(approvalId));
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

void ApprovalsWorker::approve(qint64 id)
{
    decide(id, true);
}

void ApprovalsWorker::reject(qint64 id)
{
    decide(id, false);
}

void ApprovalsWorker::decide(qint64 id, bool approve)
{
    if (!ensureOpen())
        return;
    ApprovalService service(*m_db, m_clock);
    const Result<Approval> result = approve ? service.approve(id) : service.reject(id);
    if (result)
        Q_EMIT decided(result.value());
    else
        Q_EMIT failed(result.error());
    refresh();
}

} // namespace caseyos
