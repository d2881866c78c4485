#include "checks/BackgroundScheduler.h"

#include "core/BackgroundPriority.h"

#include "checks/ChecksWorker.h"

#include <QMetaObject>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

void registerSchedulerTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::Notification>();
        qRegisterMetaType<QList<caseyos::Notification>>();
        qRegisterMetaType<caseyos::CheckPassResult>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

int BackgroundScheduler::intervalFromSettings()
{
    return intervalFromSettings(QSettings());
}

int BackgroundScheduler::intervalFromSettings(const QSettings& settings)
{
    bool ok = false;
    const int minutes = settings.value(kIntervalSettingsKey).toInt(&ok);
    return ok && minutes >= 1 && minutes <= kMaxIntervalMinutes ? minutes : kDefaultIntervalMinutes;
}

BackgroundScheduler::BackgroundScheduler(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
{
    registerSchedulerTypes();
    m_thread.setObjectName(u"scheduler"_s);
    m_worker = new ChecksWorker(std::move(databasePath), clock);
    m_worker->moveToThread(&m_thread);
    // The worker (and its connection) is destroyed on its own thread when the thread ends.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ChecksWorker::passFinished, this, &BackgroundScheduler::handlePass);
    connect(m_worker, &ChecksWorker::failed, this, &BackgroundScheduler::checkFailed);
    // Runs on the scheduler thread as it starts (QThread::LowPriority alone does nothing on Linux).
    connect(&m_thread, &QThread::started, m_worker, [] { lowerCurrentThreadPriority(); });
    m_thread.start(QThread::LowPriority);
}

BackgroundScheduler::~BackgroundScheduler()
{
    // Quit through the worker's queue: a pass already running (or posted) completes its transaction first.
    QThread* thread = &m_thread;
    QMetaObject::invokeMethod(
        m_worker, [thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread.wait();
}

void BackgroundScheduler::start(int intervalMinutes)
{
    start(std::chrono::minutes(qBound(1, intervalMinutes, kMaxIntervalMinutes)));
}

void BackgroundScheduler::start(std::chrono::milliseconds interval)
{
    m_interval = interval;
    m_running = true;
    ChecksWorker* worker = m_worker;
    const qint64 ms = interval.count();
    QMetaObject::invokeMethod(
        m_worker, [worker, ms] { worker->start(ms); }, Qt::QueuedConnection);
}

void BackgroundScheduler::setIntervalMinutes(int minutes)
{
    m_interval = std::chrono::minutes(qBound(1, minutes, kMaxIntervalMinutes));
    ChecksWorker* worker = m_worker;
    const qint64 ms = m_interval.count();
    QMetaObject::invokeMethod(
        m_worker, [worker, ms] { worker->setInterval(ms); }, Qt::QueuedConnection);
}

void BackgroundScheduler::runNow()
{
    QMetaObject::invokeMethod(m_worker, &ChecksWorker::runNow, Qt::QueuedConnection);
}

void BackgroundScheduler::stop()
{
    m_running = false;
    QMetaObject::invokeMethod(m_worker, &ChecksWorker::stop, Qt::QueuedConnection);
}

void BackgroundScheduler::handlePass(const CheckPassResult& result)
{
    for (const QString& error : result.errors)
        Q_EMIT checkFailed(error);
    if (!result.created.isEmpty())
        Q_EMIT notificationsCreated(result.created);
    if (result.unreadCount >= 0 && result.unreadCount != m_lastUnread) {
        m_lastUnread = result.unreadCount;
        Q_EMIT unreadCountChanged(result.unreadCount);
    }
    Q_EMIT passFinished(result);
}

} // namespace caseyos
