#include "jarvis/JarvisClient.h"

#include "jarvis/JarvisWorker.h"

#include <QMetaObject>
#include <QThread>

namespace caseyos {

JarvisClient::JarvisClient(QString databasePath, const Clock& clock, QThread* storageThread, QObject* parent)
    : QObject(parent)
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::jarvis::AssistantReply>();
        qRegisterMetaType<caseyos::MoveRow>();
        qRegisterMetaType<QList<caseyos::MoveRow>>();
        qRegisterMetaType<caseyos::jarvis::LlmConfig>();
        return true;
    }();
    Q_UNUSED(registered);
    auto* worker = new JarvisWorker(std::move(databasePath), clock);
    worker->moveToThread(storageThread);
    connect(storageThread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &JarvisWorker::answered, this,
        [this](qint64 generation, const jarvis::AssistantReply& reply, const QList<MoveRow>& rows) {
            if (generation == m_generation)
                Q_EMIT answered(generation, reply, rows);
        });
    connect(worker, &JarvisWorker::delta, this, [this](qint64 generation, const QString& text) {
        if (generation == m_generation)
            Q_EMIT delta(generation, text);
    });
    connectSessions(worker);
    m_worker = worker;
}

JarvisClient::~JarvisClient()
{
    if (m_worker)
        m_worker->deleteLater();
}

qint64 JarvisClient::ask(const QString& text)
{
    const qint64 generation = ++m_generation;
    JarvisWorker* worker = m_worker;
    const jarvis::LlmConfig config = m_config ? m_config() : jarvis::LlmConfig {};
    if (worker)
        QMetaObject::invokeMethod(
            worker, [worker, generation, text, config] { worker->ask(generation, text, config); },
            Qt::QueuedConnection);
    return generation;
}

void JarvisClient::cancel()
{
    ++m_generation;
}

} // namespace caseyos
