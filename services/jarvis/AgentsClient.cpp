#include "jarvis/AgentsClient.h"

#include "core/BackgroundPriority.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

void registerAgentTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::AgentLastRun>();
        qRegisterMetaType<QList<caseyos::AgentLastRun>>();
        qRegisterMetaType<caseyos::AgentRunReport>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

AgentsClient::AgentsClient(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
{
    registerAgentTypes();
    m_thread.setObjectName(u"agents"_s);
    m_worker = new AgentsWorker(std::move(databasePath), clock);
    m_worker->moveToThread(&m_thread);
    // The worker (and its connection) is destroyed on its own thread when the thread ends.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // A run reads and folds the whole workspace: background work, the UI thread goes first.
    connect(&m_thread, &QThread::started, m_worker, [] { lowerCurrentThreadPriority(); });
    connect(m_worker, &AgentsWorker::listed, this, &AgentsClient::listed);
    connect(m_worker, &AgentsWorker::runStarted, this, &AgentsClient::runStarted);
    connect(m_worker, &AgentsWorker::runFinished, this, &AgentsClient::runFinished);
    connect(m_worker, &AgentsWorker::failed, this, &AgentsClient::failed);
    m_thread.start();
}

AgentsClient::~AgentsClient()
{
    // Quit through the worker's queue: runs already posted finish and are kept first.
    QThread* thread = &m_thread;
    post([thread](AgentsWorker*) { thread->quit(); });
    m_thread.wait();
}

template<typename Fn> void AgentsClient::post(Fn&& fn)
{
    AgentsWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, fn = std::forward<Fn>(fn)] { fn(worker); }, Qt::QueuedConnection);
}

void AgentsClient::list()
{
    post([](AgentsWorker* worker) { worker->list(); });
}

quint64 AgentsClient::run(const QString& agent, const QJsonObject& input)
{
    const quint64 id = ++m_nextRequest;
    const AgentRunAccess access = m_access ? m_access() : AgentRunAccess {};
    post([id, agent, input, access](AgentsWorker* worker) { worker->run(id, agent, input, access); });
    return id;
}

} // namespace caseyos
