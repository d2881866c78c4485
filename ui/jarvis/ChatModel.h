#pragma once

#include "jarvis/AssistantReply.h"
#include "memory/MemoryTypes.h"

#include <QAbstractListModel>
#include <QList>

namespace caseyos {

// The conversation shown in the Jarvis pane: one row per turn, the user's question and Jarvis's answer.
class ChatModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        SpeakerRole = Qt::UserRole + 1, // "user" or "assistant"
        MarkdownRole, // the answer as Markdown (the question as typed)
        PendingRole, // an answer still being worked out
        FailedRole, // the request could not be done; the text says why
        IntentRole, // the intent the offline router read, e.g. "accept_move"
    };
    enum class DropReason { NewerQuestion, SessionEnded };
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void addQuestion(const QString& text);
    int addPendingAnswer(); // the row that answer() fills later
    // A streamed piece of the answer in `row`: shown at once, replaced by answer() when the whole one is in.
    void appendDelta(int row, const QString& text);
    void answer(int row, const jarvis::AssistantReply& reply);
    // Questions abandoned: their pending rows say so (a newer question, or the session ended).
    void dropPending(DropReason reason = DropReason::NewerQuestion);
    // A session's earlier turns from memory (user and assistant messages, oldest first) above anything asked
    // since; `note`, when given, goes first. Returns the number of rows inserted at the top.
    int insertHistory(const QList<MemoryMessage>& messages, const QString& note = {});
    void clear();

private:
    struct Turn
    {
        QString speaker;
        QString markdown;
        bool pending = false;
        bool streaming = false; // pieces arrived, the whole answer not yet
        bool failed = false;
        QString intent;
    };
    QList<Turn> m_turns;
};

} // namespace caseyos
