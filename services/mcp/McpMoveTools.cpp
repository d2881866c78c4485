// MCP tools on Today's Moves: list, get, accept, dismiss, snooze, and schedule a follow-up (a manual move).
// All local changes through MoveService, exactly as the CLI's `move` command makes them.
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "mcp/McpTool.h"
#include "moves/MoveJson.h"
#include "moves/MoveService.h"
#include "moves/SnoozePresets.h"
#include "storage/MoveRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::mcp {

namespace {

QJsonObject idProperty()
{
    return integerSchema(u"The move's id (from list_todays_moves)."_s, 1, kMaxId);
}

QJsonObject moveOutputSchema()
{
    return objectSchema(
        { { u"move"_s, looseObjectSchema(u"The move as CaseyOS stores it."_s) } }, { u"move"_s });
}

QJsonObject moveJson(ToolContext& context, const Move& move)
{
    const auto found = MoveRepository(context.db).findWithSignal(move.id);
    return moveToJson(move, found ? found->signal : std::nullopt, context.clock.now());
}

ToolResult listToday(ToolContext& context, const QJsonObject& arguments)
{
    const int limit = arguments.value(u"limit"_s).toInt(10);
    QString error;
    MoveService(context.db, context.clock).wakeExpiredSnoozes(&error);
    error.clear();
    MoveRepository repository(context.db);
    const QList<MoveWithSignal> moves = repository.today(limit, &error);
    if (!error.isEmpty())
        return ToolResult::error(u"Cannot read today's moves: "_s + error);
    const QDateTime now = context.clock.now();
    QJsonArray array;
    for (const MoveWithSignal& m : moves)
        array.append(moveToJson(m.move, m.signal, now));
    return ToolResult::ok({ { u"moves"_s, array }, { u"count"_s, array.size() } });
}

ToolResult getMove(ToolContext& context, const QJsonObject& arguments)
{
    const qint64 id = arguments.value(u"id"_s).toInteger();
    QString error;
    const std::optional<MoveWithSignal> found = MoveRepository(context.db).findWithSignal(id, &error);
    if (!found)
        return ToolResult::error(error.isEmpty() ? u"No move with id %1"_s.arg(id) : error);
    QJsonObject move = moveToJson(found->move, found->signal, context.clock.now());
    QJsonArray events;
    for (const MoveEvent& event : MoveService(context.db, context.clock).history(id))
        events.append(moveEventToJson(event));
    move.insert(u"history"_s, events);
    return ToolResult::ok({ { u"move"_s, move } });
}

ToolResult change(ToolContext& context, const QJsonObject& arguments, MoveAction action)
{
    const qint64 id = arguments.value(u"id"_s).toInteger();
    QDateTime until;
    if (action == MoveAction::Snooze) {
        const QString text = arguments.value(u"until"_s).toString();
        const std::optional<QDateTime> parsed = parseSnoozeUntil(text, context.clock);
        if (!parsed)
            return ToolResult::error(u"Cannot understand until \"%1\": use 1h, 4h, tomorrow, monday or an "
                                     "ISO-8601 date-time"_s.arg(text.left(80)));
        until = *parsed;
    }
    const Result<MoveChange> result = MoveService(context.db, context.clock)
                                          .apply(id, action, arguments.value(u"reason"_s).toString(), until);
    if (!result)
        return ToolResult::error(result.error());
    return ToolResult::ok({ { u"move"_s, moveJson(context, result.value().after) } });
}

ToolResult scheduleFollowUp(ToolContext& context, const QJsonObject& arguments)
{
    const QString dueText = arguments.value(u"due"_s).toString();
    const std::optional<QDateTime> due = parseSnoozeUntil(dueText, context.clock);
    if (!due)
        return ToolResult::error(u"Cannot understand due \"%1\": use 1h, 4h, tomorrow, monday or an ISO-8601 "
                                 "date-time"_s.arg(dueText.left(80)));
    Move draft;
    draft.title = arguments.value(u"title"_s).toString();
    draft.description = arguments.value(u"description"_s).toString();
    draft.actionType = u"email_follow_up"_s;
    draft.contactEmail = arguments.value(u"contact_email"_s).toString();
    draft.contactName = arguments.value(u"contact_name"_s).toString();
    draft.company = arguments.value(u"company"_s).toString();
    draft.dueBy = *due;
    draft.actionContext = { { u"via"_s, u"mcp"_s } };
    const Result<Move> created = MoveService(context.db, context.clock).create(draft, {});
    if (!created)
        return ToolResult::error(created.error());
    return ToolResult::ok({ { u"move"_s, moveJson(context, created.value()) } },
        u"Created move %1 \"%2\", due %3"_s.arg(created.value().id).arg(draft.title, toIsoUtc(*due)));
}

ToolDef changeTool(const QString& name, const QString& title, const QString& description, MoveAction action,
    ToolAnnotations annotations)
{
    QJsonObject properties { { u"id"_s, idProperty() } };
    QStringList required { u"id"_s };
    if (action == MoveAction::Dismiss)
        properties.insert(u"reason"_s, stringSchema(u"Why the move is dismissed (optional)."_s, 500));
    if (action == MoveAction::Snooze) {
        properties.insert(u"until"_s,
            stringSchema(u"When it comes back: 1h, 4h, tomorrow (09:00), monday (09:00) or an ISO-8601 "
                         "date-time (local time without an offset)."_s,
                64, 1));
        required << u"until"_s;
    }
    return { name, title, description, objectSchema(properties, required), moveOutputSchema(), annotations,
        [action](ToolContext& c, const QJsonObject& a) { return change(c, a, action); } };
}

} // namespace

QList<ToolDef> moveTools()
{
    QList<ToolDef> tools;
    tools.append({ u"list_todays_moves"_s, u"List Today's Moves"_s,
        u"Today's Moves: pending moves in rank order (APS highest first, then due time). Each move has its "
        "id, title, action_type, aps with components and reasoning, contact and due time."_s,
        objectSchema({ { u"limit"_s, integerSchema(u"At most this many moves (default 10)."_s, 1, 200) } }),
        objectSchema({ { u"moves"_s, arrayOfObjectsSchema(u"The moves in rank order."_s) },
                         { u"count"_s, QJsonObject { { u"type"_s, u"integer"_s } } } },
            { u"moves"_s, u"count"_s }),
        { true, false, true, false }, listToday });
    tools.append({ u"get_move"_s, u"Get a move"_s, u"One move with its signal and its history of events."_s,
        objectSchema({ { u"id"_s, idProperty() } }, { u"id"_s }), moveOutputSchema(),
        { true, false, true, false }, getMove });
    tools.append(changeTool(u"accept_move"_s, u"Accept a move"_s,
        u"The user takes the move on; it is marked completed in CaseyOS. Nothing is sent to anyone."_s,
        MoveAction::Accept, { false, false, false, false }));
    tools.append(changeTool(u"dismiss_move"_s, u"Dismiss a move"_s,
        u"Dismisses the move (it leaves Today's Moves; it can be reopened in the app)."_s,
        MoveAction::Dismiss, { false, true, false, false }));
    tools.append(changeTool(u"snooze_move"_s, u"Snooze a move"_s,
        u"Hides the move until a later time, when it returns to Today's Moves."_s, MoveAction::Snooze,
        { false, false, true, false }));
    tools.append({ u"schedule_follow_up"_s, u"Schedule a follow-up"_s,
        u"Creates a manual follow-up move in Today's Moves, due at the given time. Sends nothing."_s,
        objectSchema(
            { { u"title"_s,
                  stringSchema(u"What to do, e.g. \"Follow up with Dana about the quote\"."_s, 300, 1) },
                { u"due"_s,
                    stringSchema(u"When: 1h, 4h, tomorrow, monday or an ISO-8601 date-time."_s, 64, 1) },
                { u"contact_email"_s, stringSchema(u"The contact's email address."_s, 320) },
                { u"contact_name"_s, stringSchema(u"The contact's name."_s, 200) },
                { u"company"_s, stringSchema(u"The contact's company."_s, 200) },
                { u"description"_s, stringSchema(u"Details for the move."_s, 4000) } },
            { u"title"_s, u"due"_s }),
        moveOutputSchema(), { false, false, false, false }, scheduleFollowUp });
    return tools;
}

} // namespace caseyos::mcp
