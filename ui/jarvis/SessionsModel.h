#pragma once

#include "memory/MemoryTypes.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

namespace caseyos {

// Jarvis's sessions for the session bar, most recently active first, as the worker lists them. The display
// text is the session's name, or when it has none its start time ("Today 10:00"); DetailRole says when it was
// last active, how many messages it holds and whether it ended or was summarised.
class SessionsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        NameRole, // as the user named it (empty: unnamed)
        DetailRole, // "Last active Today 10:42 · 6 messages · ended"
        MessageCountRole,
        LastActiveRole, // QDateTime, UTC
        EndedRole,
        SummarisedRole,
    };
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Times are shown in `zone`, relative to `now` ("Today 10:42", "Yesterday 18:05").
    void setSessions(const QList<MemorySession>& sessions, const QDateTime& now, const QTimeZone& zone);
    int rowOf(qint64 sessionId) const; // -1: not listed
    const MemorySession* session(qint64 sessionId) const; // nullptr: not listed

    // The name, else its start time: what the bar shows for a session.
    static QString title(const MemorySession& session, const QDateTime& now, const QTimeZone& zone);

private:
    QString detail(const MemorySession& session) const;
    QList<MemorySession> m_sessions;
    QDateTime m_now;
    QTimeZone m_zone;
};

} // namespace caseyos
