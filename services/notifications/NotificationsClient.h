#pragma once

#include "core/Clock.h"
#include "notifications/Notification.h"
#include "notifications/WhatsUp.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <atomic>

class QThread;

namespace caseyos {

class NotificationsWorker;

// The UI-thread side of the notification center: puts a NotificationsWorker on the given storage thread
// (WorkspaceClient::storageThread(), so every write of the app stays on one thread) and forwards calls to it
// as queued invocations. Its signals are the worker's, re-emitted on this object's thread. Nothing waits.
// Destroy it before the thread ends (before the WorkspaceClient that owns it).
class NotificationsClient : public QObject
{
    Q_OBJECT
public:
    NotificationsClient(
        QString databasePath, const Clock& clock, QThread* storageThread, QObject* parent = nullptr);
    ~NotificationsClient() override;

    void load();
    void markRead(qint64 id);
    void dismiss(qint64 id);
    void snooze(qint64 id, const QDateTime& until);
    void markAllRead();
    void whatsUp();

Q_SIGNALS:
    void loaded(const QList<caseyos::Notification>& unread);
    void changed(const caseyos::Notification& notification);
    void allMarkedRead(int count);
    void unreadCountChanged(int count);
    void whatsUpReady(const caseyos::WhatsUp& summary);
    void failed(const QString& message);

private:
    template<typename Fn> void post(Fn&& fn);
    // Cleared (on the storage thread) when that thread ends and takes the worker with it.
    std::atomic<NotificationsWorker*> m_worker { nullptr };
};

} // namespace caseyos
