#include "connectors/SyncScheduler.h"

#include "connectors/SyncWorker.h"
#include "core/BackgroundPriority.h"

#include <QMetaObject>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

void registerSyncTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::SyncRunResult>();
        qRegisterMetaType<caseyos::SyncProgress>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

SyncScheduler::SyncScheduler(QString databasePath, const Clock& clock, AccessTokenProvider tokens,
    HttpClientOptions options, QObject* parent)
    : QObject(parent)
{
    registerSyncTypes();
    m_thread.setObjectName(u"sync"_s);
    m_worker = new SyncWorker(std::move(databasePath), clock, std::move(tokens), std::move(options));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::syncStarted, this, [this](const QString& account) {
        m_running.insert(account);
        Q_EMIT syncStarted(account);
    });
    connect(m_worker, &SyncWorker::syncProgress, this, &SyncScheduler::syncProgress);
    connect(m_worker, &SyncWorker::syncFinished, this, [this](const SyncRunResult& result) {
        m_running.remove(result.account);
        m_last.insert(result.account, result);
        Q_EMIT syncFinished(result);
    });
    connect(m_worker, &SyncWorker::failed, this, &SyncScheduler::failed);
    // Runs on the sync thread as it starts: a backfill must not take the CPU from the UI thread.
    connect(&m_thread, &QThread::started, m_worker, [] { lowerCurrentThreadPriority(); });
    m_thread.start(QThread::LowPriority);
}

SyncScheduler::~SyncScheduler()
{
    QThread* thread = &m_thread;
    QMetaObject::invokeMethod(
        m_worker, [thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread.wait();
}

void SyncScheduler::addAccount(const SyncAccountConfig& config)
{
    SyncWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, config] { worker->addAccount(config); }, Qt::QueuedConnection);
}

void SyncScheduler::removeAccount(const QString& key)
{
    SyncWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, key] { worker->removeAccount(key); }, Qt::QueuedConnection);
    m_running.remove(key);
}

void SyncScheduler::setInterval(const QString& key, qint64 intervalMs)
{
    SyncWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, key, intervalMs] { worker->setInterval(key, intervalMs); }, Qt::QueuedConnection);
}

void SyncScheduler::syncNow(const QString& key)
{
    SyncWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, key] { worker->syncNow(key); }, Qt::QueuedConnection);
}

void SyncScheduler::start()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::startTimers, Qt::QueuedConnection);
}

void SyncScheduler::stop()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::stopTimers, Qt::QueuedConnection);
}

} // namespace caseyos
