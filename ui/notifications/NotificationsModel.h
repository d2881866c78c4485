#pragma once

#include "core/Clock.h"
#include "notifications/Notification.h"

#include <QAbstractListModel>
#include <QColor>
#include <QList>

namespace caseyos {

// The unread notifications, one row each, always in the unread order (priority weight, then newest). Updates
// are applied row by row (insert / remove / dataChanged), so a view keeps its selection and scroll position
// when a list arrives again after a change.
class NotificationsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64
        TitleRole, // QString
        MessageRole, // QString
        PriorityRole, // int: the weight (100, 75, 50, 25)
        PriorityNameRole, // "urgent", "high", "normal", "low"
        PriorityColorRole, // QColor of the priority
        KindRole, // QString
        MoveIdRole, // qint64, 0 = none
        SignalIdRole, // qint64, 0 = none
        CreatedAtRole, // qint64 ms since the epoch (UTC)
        TimeTextRole, // "Today 10:00", in the clock's zone
    };
    Q_ENUM(Role)

    explicit NotificationsModel(const Clock& clock, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QColor priorityColor(NotificationPriority priority);

    const Notification* notificationAt(int row) const;
    const QList<Notification>& notifications() const { return m_items; } // in the unread order
    int rowOf(qint64 id) const; // -1 when not listed

public Q_SLOTS:
    // The unread list as the storage thread read it (NotificationsClient::loaded): merged into the rows.
    void setNotifications(const QList<caseyos::Notification>& unread);
    // One notification's new state (NotificationsClient::changed): updated, or removed when no longer unread.
    void applyChange(const caseyos::Notification& notification);
    // New ones (BackgroundScheduler::notificationsCreated): inserted in order; ones already listed are
    // skipped.
    void addNotifications(const QList<caseyos::Notification>& notifications);
    void removeNotification(qint64 id);

Q_SIGNALS:
    void countChanged(int count);

private:
    int insertionRow(const Notification& notification) const;
    void insertAt(int row, const Notification& notification);

    const Clock& m_clock;
    QList<Notification> m_items;
};

} // namespace caseyos
