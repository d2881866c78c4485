#include "MoveUndoStack.h"

using namespace Qt::StringLiterals;

namespace caseyos {

MoveUndoStack::MoveUndoStack(QObject* parent)
    : QObject(parent)
{
}

void MoveUndoStack::record(const MoveChange& change)
{
    const qint64 id = change.after.id != 0 ? change.after.id : change.before.id;
    if (m_expectedEchoes.remove(id))
        return;
    const bool could = canUndo();
    m_changes.append(change);
    if (m_changes.size() > Depth)
        m_changes.removeFirst();
    if (!could)
        Q_EMIT canUndoChanged(true);
}

std::optional<MoveChange> MoveUndoStack::takeLast()
{
    if (m_changes.isEmpty())
        return std::nullopt;
    MoveChange change = m_changes.takeLast();
    m_expectedEchoes.insert(change.after.id != 0 ? change.after.id : change.before.id);
    if (m_changes.isEmpty())
        Q_EMIT canUndoChanged(false);
    return change;
}

void MoveUndoStack::forgetExpectedEchoes()
{
    m_expectedEchoes.clear();
}

QString MoveUndoStack::describe(const MoveChange& change)
{
    const Move& subject = change.after.id != 0 ? change.after : change.before;
    const QString title = u"“"_s + subject.title + u"”"_s;
    if (change.before.id == 0)
        return u"Created "_s + title;
    if (change.after.id == 0)
        return u"Deleted "_s + title;
    if (change.before.status != change.after.status) {
        switch (change.after.status) {
        case MoveStatus::Completed:
            return u"Completed "_s + title;
        case MoveStatus::Dismissed:
            return u"Dismissed "_s + title;
        case MoveStatus::Snoozed:
            return u"Snoozed "_s + title;
        case MoveStatus::Pending:
            return u"Reopened "_s + title;
        case MoveStatus::InProgress:
            return u"Started "_s + title;
        case MoveStatus::Failed:
            return u"Failed "_s + title;
        }
    }
    if (change.before.snoozedUntil != change.after.snoozedUntil)
        return u"Snoozed "_s + title;
    return u"Edited "_s + title;
}

} // namespace caseyos
