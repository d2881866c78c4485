#pragma once

#include "core/Clock.h"
#include "notifications/Notification.h"
#include "notifications/WhatsUp.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

namespace caseyos {

class Database;

// Lives on the storage thread (WorkspaceClient::storageThread()) and owns a database connection of its own
// there, opened on first use. NotificationsClient posts to its slots; results come back as signals.
// After every change it sends the fresh unread list and count, so a view never has to guess.
class NotificationsWorker : public QObject
{
    Q_OBJECT
public:
    NotificationsWorker(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~NotificationsWorker() override;

public Q_SLOTS:
    void load(); // → loaded, unreadCountChanged
    void markRead(qint64 id); // → changed, loaded, unreadCountChanged
    void dismiss(qint64 id);
    void snooze(qint64 id, const QDateTime& until);
    void markAllRead(); // → allMarkedRead, loaded, unreadCountChanged
    void whatsUp(); // → whatsUpReady

Q_SIGNALS:
    void loaded(const QList<caseyos::Notification>& unread); // in the unread order
    void changed(const caseyos::Notification& notification); // its new state
    void allMarkedRead(int count);
    void unreadCountChanged(int count);
    void whatsUpReady(const caseyos::WhatsUp& summary);
    void failed(const QString& message);

private:
    bool ensureOpen();
    void reload();

    QString m_databasePath;
    const Clock& m_clock;
    std::unique_ptr<Database> m_db;
};

} // namespace caseyos
