#include "jarvis/LlmTurn.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

std::optional<Citation::Kind> citationKind(const QString& name)
{
    if (name == "move"_L1)
        return Citation::Kind::Move;
    if (name == "signal"_L1)
        return Citation::Kind::Signal;
    if (name == "memory"_L1)
        return Citation::Kind::Memory;
    if (name == "draft"_L1)
        return Citation::Kind::Draft;
    return std::nullopt;
}

QString toolLine(const llm::ToolOutcome& outcome)
{
    QString line = u"`"_s + outcome.name + u'`';
    const qint64 move = qint64(outcome.arguments.value("move_id"_L1).toDouble());
    if (move > 0)
        line += u" #%1"_s.arg(move);
    if (outcome.result.value("status"_L1).toString() == "needs_approval"_L1)
        line += u" (needs your approval: nothing was sent)"_s;
    else if (!outcome.ok())
        line += u" (failed)"_s;
    return line;
}

} // namespace

QString systemPrompt(const QDateTime& now)
{
    return u"You are Jarvis, the assistant inside CaseyOS, a desktop CRM that ranks the user's next moves "
           "(Today's Moves). Answer briefly, in Markdown. Use the tools for every fact about the user's "
           "moves, "
           "outcomes, notifications and memory, and for every change; never invent ids or claim an action no "
           "tool "
           "confirmed. Moves are referred to by move_id (list_moves, whats_up and show_move give them). "
           "Nothing "
           "leaves CaseyOS from this chat: drafts are saved, and sending needs the user's approval in the "
           "app. "
           "Today is %1."_s.arg(now.toString(Qt::ISODate));
}

QList<ChatMessage> recentHistory(const QList<MemoryMessage>& session, qint64 currentId, int limit)
{
    QList<ChatMessage> out;
    for (const MemoryMessage& m : session) {
        if (m.id == currentId || (m.role != "user"_L1 && m.role != "assistant"_L1) || m.content.isEmpty())
            continue;
        out.append({ m.role, m.content, {}, {} });
    }
    if (out.size() > limit)
        out = out.mid(out.size() - limit);
    // A history that starts with an answer confuses some models: start at a question.
    while (!out.isEmpty() && out.first().role != "user"_L1)
        out.removeFirst();
    return out;
}

AssistantReply replyFromLoop(const llm::LoopResult& result)
{
    AssistantReply reply;
    reply.failed = result.failed;
    reply.markdown = result.text.trimmed();
    if (!result.error.isEmpty())
        reply.markdown += (reply.markdown.isEmpty() ? QString() : u"\n\n"_s) + u"⚠ "_s + result.error;
    QStringList done;
    for (const llm::ToolOutcome& outcome : result.tools) {
        done.append(toolLine(outcome));
        for (const QJsonValue& id : outcome.result.value("changed_moves"_L1).toArray())
            if (!reply.changedMoves.contains(qint64(id.toDouble())))
                reply.changedMoves.append(qint64(id.toDouble()));
        for (const QJsonValue& v : outcome.result.value("citations"_L1).toArray()) {
            const QJsonObject c = v.toObject();
            if (const auto kind = citationKind(c.value("kind"_L1).toString()))
                reply.citations.append(
                    { *kind, qint64(c.value("id"_L1).toDouble()), c.value("label"_L1).toString() });
        }
    }
    if (!done.isEmpty())
        reply.markdown += u"\n\n*Tools used:* "_s + done.join(u", "_s);
    if (reply.markdown.isEmpty())
        reply.markdown = u"(The model answered nothing.)"_s;
    return reply;
}

} // namespace caseyos::jarvis
