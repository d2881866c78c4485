#pragma once

#include "core/Clock.h"
#include "mcp/ApprovalService.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace caseyos {

class ApprovalsWorker;

// The UI-thread side of the approvals: an ApprovalsWorker on a thread of its own named "approvals" (a
// decision may wait on another process's write lock, and must not hold up the storage thread's moves), with
// calls forwarded as queued invocations and the worker's signals re-emitted here. Nothing waits, except the
// destructor, which lets a decision in progress finish.
class ApprovalsClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultPollMs = 2000;

    ApprovalsClient(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~ApprovalsClient() override;

    void start(int pollMs = kDefaultPollMs); // call once the workspace's migrations have run
    void refresh();
    void approve(qint64 id);
    void reject(qint64 id);
    QThread* workerThread() { return &m_thread; }

Q_SIGNALS:
    void listed(const QList<caseyos::Approval>& pending, const QList<caseyos::Approval>& decided);
    void arrived(const QList<caseyos::Approval>& approvals, const QList<qint64>& notificationIds);
    void decided(const caseyos::Approval& approval);
    void failed(const QString& message);

private:
    template<typename Fn> void post(Fn&& fn);

    QThread m_thread;
    ApprovalsWorker* m_worker = nullptr;
};

} // namespace caseyos
