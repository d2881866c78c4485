#include "jarvis/SessionsModel.h"

#include "MoveFormat.h"

using namespace Qt::StringLiterals;

namespace caseyos {

int SessionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant SessionsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MemorySession& s = m_sessions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return title(s, m_now, m_zone);
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        return detail(s);
    case IdRole:
        return s.id;
    case NameRole:
        return s.name;
    case DetailRole:
        return detail(s);
    case MessageCountRole:
        return s.messageCount;
    case LastActiveRole:
        return s.lastActive;
    case EndedRole:
        return s.endedAt.isValid();
    case SummarisedRole:
        return !s.summary.isEmpty();
    default:
        return {};
    }
}

QHash<int, QByteArray> SessionsModel::roleNames() const
{
    return { { Qt::DisplayRole, "title" }, { IdRole, "id" }, { NameRole, "name" }, { DetailRole, "detail" },
        { MessageCountRole, "messageCount" }, { LastActiveRole, "lastActive" }, { EndedRole, "ended" },
        { SummarisedRole, "summarised" } };
}

void SessionsModel::setSessions(
    const QList<MemorySession>& sessions, const QDateTime& now, const QTimeZone& zone)
{
    // A reset, not a diff: the list is short, and an activated session moves to the top anyway.
    beginResetModel();
    m_sessions = sessions;
    m_now = now;
    m_zone = zone;
    endResetModel();
}

int SessionsModel::rowOf(qint64 sessionId) const
{
    for (int row = 0; row < m_sessions.size(); ++row)
        if (m_sessions.at(row).id == sessionId)
            return row;
    return -1;
}

const MemorySession* SessionsModel::session(qint64 sessionId) const
{
    const int row = rowOf(sessionId);
    return row < 0 ? nullptr : &m_sessions.at(row);
}

QString SessionsModel::title(const MemorySession& session, const QDateTime& now, const QTimeZone& zone)
{
    if (!session.name.isEmpty())
        return session.name;
    return formatShortTime(session.createdAt.toMSecsSinceEpoch(), now.toMSecsSinceEpoch(), zone);
}

QString SessionsModel::detail(const MemorySession& s) const
{
    QStringList parts { tr("Last active %1")
                            .arg(formatShortTime(
                                s.lastActive.toMSecsSinceEpoch(), m_now.toMSecsSinceEpoch(), m_zone)),
        // Spelled out: there is no English .qm to turn "%n message(s)" into proper plurals.
        s.messageCount == 1 ? tr("1 message") : tr("%1 messages").arg(s.messageCount) };
    if (s.endedAt.isValid())
        parts.append(tr("ended"));
    if (!s.summary.isEmpty())
        parts.append(tr("summarised"));
    return parts.join(u" · "_s);
}

} // namespace caseyos
