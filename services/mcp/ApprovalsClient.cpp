#include "mcp/ApprovalsClient.h"

#include "mcp/ApprovalsWorker.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

void registerApprovalTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::Approval>();
        qRegisterMetaType<QList<caseyos::Approval>>();
        qRegisterMetaType<QList<qint64>>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

ApprovalsClient::ApprovalsClient(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
{
    registerApprovalTypes();
    m_thread.setObjectName(u"approvals"_s);
    m_worker = new ApprovalsWorker(std::move(databasePath), clock);
    m_worker->moveToThread(&m_thread);
    // The worker (and its connection) is destroyed on its own thread when the thread ends.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ApprovalsWorker::listed, this, &ApprovalsClient::listed);
    connect(m_worker, &ApprovalsWorker::arrived, this, &ApprovalsClient::arrived);
    connect(m_worker, &ApprovalsWorker::decided, this, &ApprovalsClient::decided);
    connect(m_worker, &ApprovalsWorker::failed, this, &ApprovalsClient::failed);
    m_thread.start();
}

ApprovalsClient::~ApprovalsClient()
{
    // Quit through the worker's queue: a decision already posted completes its transaction first.
    QThread* thread = &m_thread;
    post([thread](ApprovalsWorker*) { thread->quit(); });
    m_thread.wait();
}

template<typename Fn> void ApprovalsClient::post(Fn&& fn)
{
    ApprovalsWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, fn = std::forward<Fn>(fn)] { fn(worker); }, Qt::QueuedConnection);
}

void ApprovalsClient::start(int pollMs)
{
    post([pollMs](ApprovalsWorker* worker) { worker->start(pollMs); });
}

void ApprovalsClient::refresh()
{
    post([](ApprovalsWorker* worker) { worker->refresh(); });
}

void ApprovalsClient::approve(qint64 id)
{
    post([id](ApprovalsWorker* worker) { worker->approve(id); });
}

void ApprovalsClient::reject(qint64 id)
{
    post([id](ApprovalsWorker* worker) { worker->reject(id); });
}

} // namespace caseyos
