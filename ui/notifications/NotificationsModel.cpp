#include "NotificationsModel.h"

#include "MoveFormat.h"

#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

bool sameContent(const Notification& a, const Notification& b)
{
    return a.title == b.title && a.message == b.message && a.priority == b.priority && a.kind == b.kind
        && a.moveId == b.moveId && a.signalId == b.signalId && a.createdAt == b.createdAt;
}

} // namespace

NotificationsModel::NotificationsModel(const Clock& clock, QObject* parent)
    : QAbstractListModel(parent)
    , m_clock(clock)
{
}

int NotificationsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QColor NotificationsModel::priorityColor(NotificationPriority priority)
{
    switch (priority) {
    case NotificationPriority::Urgent:
        return QColor(0xc6, 0x28, 0x28);
    case NotificationPriority::High:
        return QColor(0xef, 0x6c, 0x00);
    case NotificationPriority::Normal:
        return QColor(0x15, 0x65, 0xc0);
    case NotificationPriority::Low:
        return QColor(0x9e, 0x9e, 0x9e);
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QVariant NotificationsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Notification& n = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return n.title;
    case Qt::ToolTipRole:
        return n.message.isEmpty() ? n.title : n.title + u"\n"_s + n.message;
    case Qt::AccessibleTextRole:
        return u"%1 priority: %2. %3"_s.arg(toString(n.priority), n.title, n.message);
    case IdRole:
        return n.id;
    case MessageRole:
        return n.message;
    case PriorityRole:
        return weight(n.priority);
    case PriorityNameRole:
        return toString(n.priority);
    case Qt::DecorationRole:
    case PriorityColorRole:
        return priorityColor(n.priority);
    case KindRole:
        return n.kind;
    case MoveIdRole:
        return n.moveId;
    case SignalIdRole:
        return n.signalId;
    case CreatedAtRole:
        return n.createdAt.toMSecsSinceEpoch();
    case TimeTextRole:
        return formatShortTime(
            n.createdAt.toMSecsSinceEpoch(), m_clock.now().toMSecsSinceEpoch(), m_clock.localZone());
    default:
        return {};
    }
}

QHash<int, QByteArray> NotificationsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "notificationId");
    names.insert(TitleRole, "title");
    names.insert(MessageRole, "message");
    names.insert(PriorityRole, "priority");
    names.insert(PriorityNameRole, "priorityName");
    names.insert(PriorityColorRole, "priorityColor");
    names.insert(KindRole, "kind");
    names.insert(MoveIdRole, "moveId");
    names.insert(SignalIdRole, "signalId");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(TimeTextRole, "timeText");
    return names;
}

const Notification* NotificationsModel::notificationAt(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

int NotificationsModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_items.size(); ++row)
        if (m_items.at(row).id == id)
            return row;
    return -1;
}

int NotificationsModel::insertionRow(const Notification& n) const
{
    return int(std::lower_bound(m_items.cbegin(), m_items.cend(), n, notificationBefore) - m_items.cbegin());
}

void NotificationsModel::insertAt(int row, const Notification& n)
{
    beginInsertRows({}, row, row);
    m_items.insert(row, n);
    endInsertRows();
}

void NotificationsModel::setNotifications(const QList<Notification>& unread)
{
    const int before = int(m_items.size());
    QList<Notification> incoming = unread;
    std::stable_sort(incoming.begin(), incoming.end(), notificationBefore);
    QSet<qint64> incomingIds;
    for (const Notification& n : incoming)
        incomingIds.insert(n.id);
    // Drop what is gone, bottom up, in contiguous runs.
    for (int row = int(m_items.size()) - 1; row >= 0;) {
        if (incomingIds.contains(m_items.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incomingIds.contains(m_items.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        m_items.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    // What stays keeps its relative order (the order's keys never change), so one walk inserts the new ones
    // in place and refreshes the rest.
    for (int row = 0; row < incoming.size(); ++row) {
        const Notification& n = incoming.at(row);
        if (row < m_items.size() && m_items.at(row).id == n.id) {
            if (!sameContent(m_items.at(row), n)) {
                m_items[row] = n;
                Q_EMIT dataChanged(index(row), index(row));
            } else {
                m_items[row] = n;
            }
            continue;
        }
        if (rowOf(n.id) >= 0) {
            // Out of order after all (should not happen): start over from the list as given.
            beginResetModel();
            m_items = incoming;
            endResetModel();
            break;
        }
        insertAt(row, n);
    }
    if (m_items.size() != before)
        Q_EMIT countChanged(int(m_items.size()));
}

void NotificationsModel::applyChange(const Notification& n)
{
    const int row = rowOf(n.id);
    if (!n.isUnread(m_clock.now())) {
        if (row >= 0)
            removeNotification(n.id);
        return;
    }
    if (row >= 0) {
        m_items[row] = n;
        Q_EMIT dataChanged(index(row), index(row));
        return;
    }
    insertAt(insertionRow(n), n);
    Q_EMIT countChanged(int(m_items.size()));
}

void NotificationsModel::addNotifications(const QList<Notification>& notifications)
{
    bool added = false;
    const QDateTime now = m_clock.now();
    for (const Notification& n : notifications) {
        if (rowOf(n.id) >= 0 || !n.isUnread(now))
            continue;
        insertAt(insertionRow(n), n);
        added = true;
    }
    if (added)
        Q_EMIT countChanged(int(m_items.size()));
}

void NotificationsModel::removeNotification(qint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_items.removeAt(row);
    endRemoveRows();
    Q_EMIT countChanged(int(m_items.size()));
}

} // namespace caseyos
