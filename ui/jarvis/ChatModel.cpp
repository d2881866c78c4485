#include "jarvis/ChatModel.h"

using namespace Qt::StringLiterals;

namespace caseyos {

int ChatModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_turns.size());
}

QVariant ChatModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Turn& turn = m_turns.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case MarkdownRole:
        return turn.pending ? tr("Thinking…") : turn.markdown;
    case Qt::AccessibleTextRole:
        return QString((turn.speaker == u"user"_s ? tr("You: ") : tr("Jarvis: ")) + turn.markdown);
    case SpeakerRole:
        return turn.speaker;
    case PendingRole:
        return turn.pending;
    case FailedRole:
        return turn.failed;
    case IntentRole:
        return turn.intent;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatModel::roleNames() const
{
    return { { SpeakerRole, "speaker" }, { MarkdownRole, "markdown" }, { PendingRole, "pending" },
        { FailedRole, "failed" }, { IntentRole, "intent" } };
}

void ChatModel::addQuestion(const QString& text)
{
    beginInsertRows({}, int(m_turns.size()), int(m_turns.size()));
    m_turns.append({ u"user"_s, text, false, false, false, {} });
    endInsertRows();
}

int ChatModel::addPendingAnswer()
{
    const int row = int(m_turns.size());
    beginInsertRows({}, row, row);
    m_turns.append({ u"assistant"_s, {}, true, false, false, {} });
    endInsertRows();
    return row;
}

void ChatModel::appendDelta(int row, const QString& text)
{
    if (row < 0 || row >= m_turns.size() || text.isEmpty())
        return;
    Turn& turn = m_turns[row];
    if (turn.pending) {
        turn.pending = false; // the first piece replaces "Thinking…"
        turn.markdown.clear();
    }
    turn.streaming = true;
    turn.markdown += text;
    Q_EMIT dataChanged(index(row), index(row));
}

void ChatModel::answer(int row, const jarvis::AssistantReply& reply)
{
    if (row < 0 || row >= m_turns.size())
        return;
    Turn& turn = m_turns[row];
    turn.markdown = reply.markdown;
    turn.pending = false;
    turn.streaming = false;
    turn.failed = reply.failed;
    turn.intent = jarvis::toString(reply.intent.kind);
    Q_EMIT dataChanged(index(row), index(row));
}

void ChatModel::dropPending(DropReason reason)
{
    const bool ended = reason == DropReason::SessionEnded;
    for (int row = 0; row < m_turns.size(); ++row) {
        Turn& turn = m_turns[row];
        if (turn.pending)
            turn.markdown = ended ? tr("(Skipped: the session ended.)") : tr("(Skipped: you asked something else.)");
        else if (turn.streaming)
            turn.markdown += u"\n\n"_s
                + (ended ? tr("(Stopped: the session ended.)") : tr("(Stopped: you asked something else.)"));
        else
            continue;
        turn.pending = false;
        turn.streaming = false;
        Q_EMIT dataChanged(index(row), index(row));
    }
}

int ChatModel::insertHistory(const QList<MemoryMessage>& messages, const QString& note)
{
    QList<Turn> turns;
    if (!note.isEmpty())
        turns.append({ u"assistant"_s, note, false, false, false, {} });
    for (const MemoryMessage& m : messages)
        if (m.role == u"user"_s || m.role == u"assistant"_s) // system notes are not part of the conversation
            turns.append({ m.role, m.content, false, false, false, {} });
    if (turns.isEmpty())
        return 0;
    beginInsertRows({}, 0, int(turns.size()) - 1);
    m_turns = turns + m_turns;
    endInsertRows();
    return int(turns.size());
}

void ChatModel::clear()
{
    beginResetModel();
    m_turns.clear();
    endResetModel();
}

} // namespace caseyos
