#include "notifications/NotificationsClient.h"

#include "notifications/NotificationsWorker.h"

#include <QMetaObject>
#include <QThread>

namespace caseyos {

namespace {

void registerNotificationTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<caseyos::Notification>();
        qRegisterMetaType<QList<caseyos::Notification>>();
        qRegisterMetaType<caseyos::WhatsUp>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace

NotificationsClient::NotificationsClient(
    QString databasePath, const Clock& clock, QThread* storageThread, QObject* parent)
    : QObject(parent)
{
    registerNotificationTypes();
    auto* worker = new NotificationsWorker(std::move(databasePath), clock);
    worker->moveToThread(storageThread);
    // Whichever comes first frees the worker on its own thread: this client going away, or the thread ending.
    connect(storageThread, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &NotificationsWorker::loaded, this, &NotificationsClient::loaded);
    connect(worker, &NotificationsWorker::changed, this, &NotificationsClient::changed);
    connect(worker, &NotificationsWorker::allMarkedRead, this, &NotificationsClient::allMarkedRead);
    connect(worker, &NotificationsWorker::unreadCountChanged, this, &NotificationsClient::unreadCountChanged);
    connect(worker, &NotificationsWorker::whatsUpReady, this, &NotificationsClient::whatsUpReady);
    connect(worker, &NotificationsWorker::failed, this, &NotificationsClient::failed);
    connect(
        storageThread, &QThread::finished, this, [this] { m_worker = nullptr; }, Qt::DirectConnection);
    m_worker = worker;
}

NotificationsClient::~NotificationsClient()
{
    if (NotificationsWorker* worker = m_worker.exchange(nullptr))
        worker->deleteLater(); // after the calls already posted to it
}

template<typename Fn> void NotificationsClient::post(Fn&& fn)
{
    if (NotificationsWorker* worker = m_worker.load())
        QMetaObject::invokeMethod(
            worker, [worker, fn = std::forward<Fn>(fn)] { fn(worker); }, Qt::QueuedConnection);
}

void NotificationsClient::load()
{
    post([](NotificationsWorker* worker) { worker->load(); });
}

void NotificationsClient::markRead(qint64 id)
{
    post([id](NotificationsWorker* worker) { worker->markRead(id); });
}

void NotificationsClient::dismiss(qint64 id)
{
    post([id](NotificationsWorker* worker) { worker->dismiss(id); });
}

void NotificationsClient::snooze(qint64 id, const QDateTime& until)
{
    post([id, until](NotificationsWorker* worker) { worker->snooze(id, until); });
}

void NotificationsClient::markAllRead()
{
    post([](NotificationsWorker* worker) { worker->markAllRead(); });
}

void NotificationsClient::whatsUp()
{
    post([](NotificationsWorker* worker) { worker->whatsUp(); });
}

} // namespace caseyos
