#pragma once

#include "core/Clock.h"
#include "mcp/ApprovalService.h"

#include <QList>
#include <QObject>
#include <QString>
#include <memory>

class QTimer;

namespace caseyos {

class Database;

// Lives on the "approvals" thread (ApprovalsClient owns it) with a database connection of its own, opened on
// start. Lists the approvals, records the user's decisions through ApprovalService, and polls for approvals
// that another process (`caseyos mcp`, `caseyos approvals`) added or decided: each poll is one aggregate
// query over the approvals table, and only a change in its answer costs a listing.
class ApprovalsWorker : public QObject
{
    Q_OBJECT
public:
    static constexpr int kRecentDecided = 20; // decided approvals listed below the pending ones

    ApprovalsWorker(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~ApprovalsWorker() override;

public Q_SLOTS:
    void start(qint64 pollMs); // lists now, then polls every pollMs
    void refresh(); // lists now, changed or not
    void approve(qint64 id); // → decided or failed, then listed
    void reject(qint64 id);
    void stop();

Q_SIGNALS:
    // Pending ones (oldest first: the order they asked in) and the most recently decided ones.
    void listed(const QList<caseyos::Approval>& pending, const QList<caseyos::Approval>& decided);
    // Pending approvals that appeared since the previous listing (none at the first), with the ids of their
    // "approval_pending" notifications (0 where there is none).
    void arrived(const QList<caseyos::Approval>& approvals, const QList<qint64>& notificationIds);
    void decided(const caseyos::Approval& approval);
    void failed(const QString& message);

private:
    bool ensureOpen();
    void poll();
    void list();
    void decide(qint64 id, bool approve);
    qint64 notificationIdFor(qint64 approvalId);

    QString m_databasePath;
    const Clock& m_clock;
    std::unique_ptr<Database> m_db;
    QTimer* m_timer = nullptr;
    QString m_fingerprint; // the last poll's answer
    qint64 m_newestListed = -1; // the highest id of the previous listing; −1 before the first
};

} // namespace caseyos
