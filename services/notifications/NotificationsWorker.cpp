#include "notifications/NotificationsWorker.h"

#include "notifications/NotificationService.h"
#include "storage/Database.h"

using namespace Qt::StringLiterals;

namespace caseyos {

NotificationsWorker::NotificationsWorker(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
{
}

NotificationsWorker::~NotificationsWorker() = default;

bool NotificationsWorker::ensureOpen()
{
    if (m_db)
        return true;
    auto db = std::make_unique<Database>();
    QString error;
    if (!db->open(m_databasePath, &error)) {
        Q_EMIT failed(u"Notifications are unavailable: "_s + error);
        return false;
    }
    m_db = std::move(db);
    return true;
}

void NotificationsWorker::reload()
{
    const Result<QList<Notification>> unread = NotificationService(*m_db, m_clock).unread();
    if (!unread) {
        Q_EMIT failed(u"Cannot read the notifications: "_s + unread.error());
        return;
    }
    Q_EMIT loaded(unread.value());
    Q_EMIT unreadCountChanged(int(unread.value().size()));
}

void NotificationsWorker::load()
{
    if (ensureOpen())
        reload();
}

void NotificationsWorker::markRead(qint64 id)
{
    if (!ensureOpen())
        return;
    const Result<Notification> result = NotificationService(*m_db, m_clock).markRead(id);
    if (!result)
        Q_EMIT failed(result.error());
    else
        Q_EMIT changed(result.value());
    reload();
}

void NotificationsWorker::dismiss(qint64 id)
{
    if (!ensureOpen())
        return;
    const Result<Notification> result = NotificationService(*m_db, m_clock).dismiss(id);
    if (!result)
        Q_EMIT failed(result.error());
    else
        Q_EMIT changed(result.value());
    reload();
}

void NotificationsWorker::snooze(qint64 id, const QDateTime& until)
{
    if (!ensureOpen())
        return;
    const Result<Notification> result = NotificationService(*m_db, m_clock).snooze(id, until);
    if (!result)
        Q_EMIT failed(result.error());
    else
        Q_EMIT changed(result.value());
    reload();
}

void NotificationsWorker::markAllRead()
{
    if (!ensureOpen())
        return;
    const Result<int> result = NotificationService(*m_db, m_clock).markAllRead();
    if (!result)
        Q_EMIT failed(u"Cannot mark the notifications read: "_s + result.error());
    else
        Q_EMIT allMarkedRead(result.value());
    reload();
}

void NotificationsWorker::whatsUp()
{
    if (!ensureOpen())
        return;
    const Result<WhatsUp> result = NotificationService(*m_db, m_clock).whatsUp();
    if (!result)
        Q_EMIT failed(u"Cannot sum up the notifications: "_s + result.error());
    else
        Q_EMIT whatsUpReady(result.value());
}

} // namespace caseyos
