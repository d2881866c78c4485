// JarvisClient's session calls: queued to the JarvisWorker's slots (JarvisWorkerSessions.cpp), answers
// relayed. Kept apart from the question flow in JarvisClient.cpp.
#include "jarvis/JarvisClient.h"
#include "jarvis/JarvisWorker.h"

#include <QMetaObject>

namespace caseyos {

void JarvisClient::connectSessions(JarvisWorker* worker)
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::MemorySession>();
        qRegisterMetaType<caseyos::MemoryMessage>();
        qRegisterMetaType<QList<caseyos::MemorySession>>();
        qRegisterMetaType<QList<caseyos::MemoryMessage>>();
        return true;
    }();
    Q_UNUSED(registered);
    connect(worker, &JarvisWorker::sessionsListed, this, &JarvisClient::sessionsListed);
    connect(worker, &JarvisWorker::sessionShown, this,
        [this](qint64 view, const MemorySession& session, const QList<MemoryMessage>& messages) {
            if (view == m_view) // else the user has asked for another session since
                Q_EMIT sessionShown(session, messages);
        });
    connect(worker, &JarvisWorker::sessionRenamed, this, &JarvisClient::sessionRenamed);
    connect(worker, &JarvisWorker::sessionEnded, this, &JarvisClient::sessionEnded);
    connect(worker, &JarvisWorker::sessionForgotten, this, &JarvisClient::sessionForgotten);
    connect(worker, &JarvisWorker::sessionFailed, this, &JarvisClient::sessionFailed);
}

void JarvisClient::post(std::function<void(JarvisWorker*)> call)
{
    JarvisWorker* worker = m_worker;
    if (worker)
        QMetaObject::invokeMethod(
            worker, [worker, call = std::move(call)] { call(worker); }, Qt::QueuedConnection);
}

qint64 JarvisClient::listSessions()
{
    const qint64 request = ++m_listRequest;
    post([request](JarvisWorker* worker) { worker->listSessions(request); });
    return request;
}

void JarvisClient::showSession(qint64 sessionId)
{
    const qint64 view = ++m_view;
    post([view, sessionId](JarvisWorker* worker) { worker->showSession(view, sessionId); });
}

void JarvisClient::switchSession(qint64 sessionId)
{
    ++m_generation; // an answer still on its way belongs to the session left: it must not land in this one
    const qint64 view = ++m_view;
    post([view, sessionId](JarvisWorker* worker) { worker->switchSession(view, sessionId); });
}

void JarvisClient::newSession()
{
    ++m_generation;
    ++m_view;
    post([](JarvisWorker* worker) { worker->newSession(); });
}

void JarvisClient::renameSession(qint64 sessionId, const QString& name)
{
    post([sessionId, name](JarvisWorker* worker) { worker->renameSession(sessionId, name); });
}

void JarvisClient::endSession(qint64 sessionId)
{
    post([sessionId](JarvisWorker* worker) { worker->endSession(sessionId); });
}

void JarvisClient::forgetSession(qint64 sessionId)
{
    post([sessionId](JarvisWorker* worker) { worker->forgetSession(sessionId); });
}

} // namespace caseyos
