#include "jarvis/JarvisTools.h"

#include "jarvis/IntentRouter.h"
#include "jarvis/MoveResolver.h"
#include "jarvis/OfflineAssistant.h"
#include "outcomes/Outcome.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

using llm::Tool;
using llm::ToolEffect;

QString citationKind(Citation::Kind kind)
{
    switch (kind) {
    case Citation::Kind::Move:
        return u"move"_s;
    case Citation::Kind::Signal:
        return u"signal"_s;
    case Citation::Kind::Memory:
        return u"memory"_s;
    case Citation::Kind::Draft:
        return u"draft"_s;
    }
    return {};
}

QJsonObject integer(const QString& description, int minimum, int maximum = 0)
{
    QJsonObject o { { u"type"_s, u"integer"_s }, { u"description"_s, description },
        { u"minimum"_s, minimum } };
    if (maximum > 0)
        o.insert(u"maximum"_s, maximum);
    return o;
}

QJsonObject text(const QString& description, int minLength = 0)
{
    QJsonObject o { { u"type"_s, u"string"_s }, { u"description"_s, description } };
    if (minLength > 0)
        o.insert(u"minLength"_s, minLength);
    return o;
}

QJsonObject oneOf(const QString& description, const QStringList& values)
{
    return { { u"type"_s, u"string"_s }, { u"description"_s, description },
        { u"enum"_s, QJsonArray::fromStringList(values) } };
}

QJsonObject schema(const QJsonObject& properties = {}, const QStringList& required = {})
{
    QJsonObject o { { u"type"_s, u"object"_s }, { u"properties"_s, properties },
        { u"additionalProperties"_s, false } };
    if (!required.isEmpty())
        o.insert(u"required"_s, QJsonArray::fromStringList(required));
    return o;
}

QJsonObject moveId()
{
    return integer(
        u"The move's id, as list_moves, whats_up or show_move give it (move_id, not the rank)."_s, 1);
}

MoveReference byId(const QJsonObject& args)
{
    MoveReference ref;
    if (args.contains("move_id"_L1)) {
        ref.kind = MoveReference::Kind::Id;
        ref.id = qint64(args.value("move_id"_L1).toDouble());
    }
    return ref;
}

QStringList outcomeNames()
{
    QStringList names;
    for (OutcomeType t : allOutcomeTypes())
        names.append(toString(t));
    return names;
}

// A tool that turns its arguments into an Intent of `kind` and lets the offline assistant carry it out.
Tool intentTool(OfflineAssistant& assistant, IntentKind kind, const QString& description, ToolEffect effect,
    const QJsonObject& parameters, std::function<void(const QJsonObject&, Intent&)> fill = {})
{
    Tool tool;
    tool.definition = { toString(kind), description, parameters };
    tool.effect = effect;
    tool.handler = [&assistant, kind, fill](const QJsonObject& args) {
        Intent intent;
        intent.kind = kind;
        intent.move = byId(args);
        if (fill)
            fill(args, intent);
        return replyJson(assistant.answer(intent));
    };
    return tool;
}

Tool executeMoveTool(Database& db)
{
    Tool tool;
    tool.definition = { u"execute_move"_s,
        u"Carry out a move's action in the outside world (send its e-mail, post its message, update the "
        u"CRM). "
        "This never runs from the chat: it answers needs_approval, and the user reviews the exact preview "
        "and "
        "approves it in CaseyOS. Tell the user so; do not claim it was sent."_s,
        schema({ { u"move_id"_s, moveId() } }, { u"move_id"_s }) };
    tool.effect = ToolEffect::External;
    tool.handler = [&db](const QJsonObject& args) {
        const Result<Move> move = MoveResolver(db).resolve(byId(args), {});
        if (!move)
            return llm::ToolRegistry::error(move.error());
        const Move& m = move.value();
        return QJsonObject { { u"ok"_s, true }, { u"status"_s, u"needs_approval"_s }, { u"move_id"_s, m.id },
            { u"title"_s, m.title }, { u"action_type"_s, m.actionType }, { u"contact"_s, m.contactEmail },
            { u"text"_s,
                u"Nothing was sent. Move #%1 (%2) needs the user's approval: open it in CaseyOS and choose "
                u"Execute "
                "to see the preview, or run `caseyos move execute %1`."_s.arg(m.id)
                    .arg(m.title) } };
    };
    return tool;
}

} // namespace

QJsonObject replyJson(const AssistantReply& reply)
{
    QJsonArray citations;
    for (const Citation& c : reply.citations)
        citations.append(
            QJsonObject { { u"kind"_s, citationKind(c.kind) }, { u"id"_s, c.id }, { u"label"_s, c.label } });
    QJsonArray changed;
    for (qint64 id : reply.changedMoves)
        changed.append(id);
    QJsonObject o { { u"ok"_s, !reply.failed } };
    o.insert(reply.failed ? u"error"_s : u"text"_s, reply.markdown);
    if (!citations.isEmpty())
        o.insert(u"citations"_s, citations);
    if (!changed.isEmpty())
        o.insert(u"changed_moves"_s, changed);
    return o;
}

llm::ToolRegistry jarvisTools(OfflineAssistant& assistant, Database& db)
{
    llm::ToolRegistry r;
    const QJsonObject idOnly = schema({ { u"move_id"_s, moveId() } }, { u"move_id"_s });
    r.add(intentTool(assistant, IntentKind::WhatsUp,
        u"Sum up what needs attention now: unread notifications and the top moves (with their ids)."_s,
        ToolEffect::Read, schema()));
    r.add(intentTool(assistant, IntentKind::ListMoves,
        u"List Today's Moves, best first, with ids, scores, contacts and due times."_s, ToolEffect::Read,
        schema()));
    r.add(intentTool(assistant, IntentKind::ShowMove,
        u"Show one move in detail: why it is suggested, its contact, "
        "score components and due time."_s,
        ToolEffect::Read, idOnly));
    r.add(intentTool(assistant, IntentKind::AcceptMove, u"Accept a move (the user takes it on)."_s,
        ToolEffect::Local, idOnly));
    r.add(intentTool(assistant, IntentKind::DismissMove, u"Dismiss a move, optionally saying why."_s,
        ToolEffect::Local,
        schema(
            { { u"move_id"_s, moveId() }, { u"reason"_s, text(u"Why it is dismissed, in a few words."_s) } },
            { u"move_id"_s }),
        [](const QJsonObject& args, Intent& intent) { intent.reason = args.value("reason"_L1).toString(); }));
    r.add(intentTool(assistant, IntentKind::SnoozeMove,
        u"Snooze a move until later: a preset (default tomorrow morning) or a number of minutes."_s,
        ToolEffect::Local,
        schema(
            { { u"move_id"_s, moveId() },
                { u"until"_s,
                    oneOf(u"When it comes back."_s, { u"1h"_s, u"4h"_s, u"tomorrow"_s, u"next_monday"_s }) },
                { u"minutes"_s,
                    integer(u"Snooze for this many minutes instead of a preset."_s, 1, 60 * 24 * 60) } },
            { u"move_id"_s }),
        [](const QJsonObject& args, Intent& intent) {
            const QString until = args.value("until"_L1).toString();
            if (until == "1h"_L1)
                intent.snooze.preset = SnoozePreset::OneHour;
            else if (until == "4h"_L1)
                intent.snooze.preset = SnoozePreset::FourHours;
            else if (until == "tomorrow"_L1)
                intent.snooze.preset = SnoozePreset::TomorrowMorning;
            else if (until == "next_monday"_L1)
                intent.snooze.preset = SnoozePreset::NextMondayMorning;
            intent.snooze.minutes = args.value("minutes"_L1).toInt();
        }));
    r.add(intentTool(assistant, IntentKind::CompleteMove, u"Mark a move done."_s, ToolEffect::Local, idOnly));
    r.add(intentTool(assistant, IntentKind::DraftFollowUp,
        u"Write a follow-up e-mail draft, to a move's contact (move_id) or to an address (to). The draft is "
        u"saved "
        "in CaseyOS and never sent from here."_s,
        ToolEffect::External,
        schema({ { u"move_id"_s, moveId() },
            { u"to"_s, text(u"An e-mail address, when there is no move."_s, 3) } }),
        [](const QJsonObject& args, Intent& intent) { intent.contact = args.value("to"_L1).toString(); }));
    r.add(intentTool(assistant, IntentKind::RecordOutcome,
        u"Record what happened (a reply, a meeting, a won deal, …) for a move or a contact; it re-scores "
        u"their "
        "moves."_s,
        ToolEffect::Local,
        schema({ { u"outcome"_s, oneOf(u"What happened."_s, outcomeNames()) }, { u"move_id"_s, moveId() },
                   { u"contact"_s, text(u"The contact's e-mail address, when there is no move."_s, 3) } },
            { u"outcome"_s }),
        [](const QJsonObject& args, Intent& intent) {
            intent.outcome = outcomeTypeFromString(args.value("outcome"_L1).toString());
            intent.contact = args.value("contact"_L1).toString();
        }));
    r.add(intentTool(assistant, IntentKind::OutcomeStats,
        u"Outcome statistics over the last days (default 7), optionally for one contact."_s, ToolEffect::Read,
        schema({ { u"days"_s, integer(u"How many days back."_s, 1, 365) },
            { u"contact"_s, text(u"A contact's e-mail address."_s, 3) } }),
        [](const QJsonObject& args, Intent& intent) {
            intent.days = args.value("days"_L1).toInt();
            intent.contact = args.value("contact"_L1).toString();
        }));
    r.add(intentTool(assistant, IntentKind::SearchMemory,
        u"Search the conversation memory (earlier chats) for words or a topic."_s, ToolEffect::Read,
        schema({ { u"query"_s, text(u"What to look for."_s, 1) } }, { u"query"_s }),
        [](const QJsonObject& args, Intent& intent) { intent.query = args.value("query"_L1).toString(); }));
    r.add(intentTool(assistant, IntentKind::RunAgent,
        u"Run one of CaseyOS's agents on the user's data; its proposals join Today's Moves."_s,
        ToolEffect::Local,
        schema({ { u"agent"_s, oneOf(u"The agent's key."_s, IntentRouter::agentKeys()) } }, { u"agent"_s }),
        [](const QJsonObject& args, Intent& intent) { intent.agent = args.value("agent"_L1).toString(); }));
    r.add(executeMoveTool(db));
    return r;
}

} // namespace caseyos::jarvis
