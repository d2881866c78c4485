// MCP tools that read (search contacts and signals, what's up, outcome stats) and record an outcome.
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "mcp/McpTool.h"
#include "notifications/NotificationJson.h"
#include "notifications/NotificationService.h"
#include "outcomes/OutcomeJson.h"
#include "outcomes/OutcomeService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos::mcp {

namespace {

// A LIKE pattern that matches `text` anywhere, with % _ \ taken literally (ESCAPE '\').
QString containsPattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return u'%' + escaped + u'%';
}

ToolResult searchContacts(ToolContext& context, const QJsonObject& arguments)
{
    const QString pattern = containsPattern(arguments.value(u"query"_s).toString().trimmed());
    QSqlQuery query(context.db.sql());
    query.setForwardOnly(true);
    query.prepare(u"SELECT lower(contact_email), max(contact_name), max(company), count(*), "
                  "sum(status = 'pending' OR status = 'snoozed' OR status = 'in_progress'), max(updated_at) "
                  "FROM moves WHERE contact_email <> '' AND (contact_email LIKE :p ESCAPE '\\' "
                  "OR contact_name LIKE :p ESCAPE '\\' OR company LIKE :p ESCAPE '\\') "
                  "GROUP BY lower(contact_email) ORDER BY max(updated_at) DESC LIMIT :limit"_s);
    query.bindValue(u":p"_s, pattern);
    query.bindValue(u":limit"_s, arguments.value(u"limit"_s).toInt(20));
    if (!query.exec())
        return ToolResult::error(u"Cannot search contacts: "_s + query.lastError().text());
    QJsonArray contacts;
    while (query.next()) {
        contacts.append(QJsonObject { { u"email"_s, query.value(0).toString() },
            { u"name"_s, query.value(1).toString() }, { u"company"_s, query.value(2).toString() },
            { u"moves"_s, query.value(3).toLongLong() }, { u"open_moves"_s, query.value(4).toLongLong() },
            { u"last_activity"_s, toIsoUtc(fromEpochMs(query.value(5).toLongLong())) } });
    }
    return ToolResult::ok({ { u"contacts"_s, contacts }, { u"count"_s, contacts.size() } });
}

ToolResult searchSignals(ToolContext& context, const QJsonObject& arguments)
{
    const QString source = arguments.value(u"source"_s).toString();
    QSqlQuery query(context.db.sql());
    query.setForwardOnly(true);
    query.prepare(
        u"SELECT id, source, event_type, source_id, occurred_at, state, move_id, substr(payload, 1, "
        "2000) FROM signals WHERE (payload LIKE :p ESCAPE '\\' OR event_type LIKE :p ESCAPE '\\') "
        "AND (COALESCE(:source, '') = '' OR source = :source) ORDER BY id DESC LIMIT :limit"_s);
    query.bindValue(u":p"_s, containsPattern(arguments.value(u"query"_s).toString().trimmed()));
    query.bindValue(u":source"_s, source);
    query.bindValue(u":limit"_s, arguments.value(u"limit"_s).toInt(20));
    if (!query.exec())
        return ToolResult::error(u"Cannot search signals: "_s + query.lastError().text());
    QJsonArray signalList;
    while (query.next()) {
        const QJsonDocument payload = QJsonDocument::fromJson(query.value(7).toByteArray());
        signalList.append(QJsonObject { { u"id"_s, query.value(0).toLongLong() },
            { u"source"_s, query.value(1).toString() }, { u"event_type"_s, query.value(2).toString() },
            { u"source_id"_s,
                query.value(3).isNull() ? QJsonValue() : QJsonValue(query.value(3).toString()) },
            { u"occurred_at"_s, toIsoUtc(fromEpochMs(query.value(4).toLongLong())) },
            { u"state"_s, query.value(5).toString() },
            { u"move_id"_s,
                query.value(6).isNull() ? QJsonValue() : QJsonValue(query.value(6).toLongLong()) },
            { u"payload"_s,
                payload.isObject() ? QJsonValue(payload.object())
                                   : QJsonValue(query.value(7).toString()) } });
    }
    return ToolResult::ok({ { u"signals"_s, signalList }, { u"count"_s, signalList.size() } });
}

ToolResult whatsUp(ToolContext& context, const QJsonObject&)
{
    const Result<WhatsUp> summary = NotificationService(context.db, context.clock).whatsUp();
    if (!summary)
        return ToolResult::error(summary.error());
    return ToolResult::ok(whatsUpToJson(summary.value()), summary.value().headline);
}

ToolResult outcomeStats(ToolContext& context, const QJsonObject& arguments)
{
    const Result<OutcomeStats> stats
        = OutcomeService(context.db, context.clock)
              .stats(arguments.value(u"days"_s).toInt(30), arguments.value(u"contact_email"_s).toString());
    if (!stats)
        return ToolResult::error(stats.error());
    return ToolResult::ok(statsToJson(stats.value()));
}

ToolResult recordOutcome(ToolContext& context, const QJsonObject& arguments)
{
    OutcomeInput input;
    const std::optional<OutcomeType> type = outcomeTypeFromString(arguments.value(u"type"_s).toString());
    if (!type)
        return ToolResult::error(u"Unknown outcome type"_s);
    input.type = *type;
    input.source = OutcomeSource::Manual;
    input.confidence = arguments.value(u"confidence"_s).toDouble(1.0);
    if (arguments.contains(u"move_id"_s))
        input.moveId = arguments.value(u"move_id"_s).toInteger();
    input.contactEmail = arguments.value(u"contact_email"_s).toString();
    input.note = arguments.value(u"note"_s).toString();
    input.context = { { u"via"_s, u"mcp"_s } };
    const Result<OutcomeRecordResult> result = OutcomeService(context.db, context.clock).record(input);
    if (!result)
        return ToolResult::error(result.error());
    return ToolResult::ok(recordResultToJson(result.value()));
}

QJsonObject limitSchema()
{
    return integerSchema(u"At most this many results (default 20)."_s, 1, 100);
}

} // namespace

QList<ToolDef> infoTools()
{
    QJsonArray typeNames;
    for (OutcomeType type : allOutcomeTypes())
        typeNames.append(toString(type));
    QJsonObject typeSchema = stringSchema(u"The outcome type."_s, 64, 1);
    typeSchema.insert(u"enum"_s, typeNames);
    QJsonObject sourceSchema = stringSchema(u"Only signals from this source."_s, 32);
    sourceSchema.insert(
        u"enum"_s, QJsonArray { u"form"_s, u"hubspot"_s, u"gmail"_s, u"calendar"_s, u"manual"_s });

    QList<ToolDef> tools;
    tools.append({ u"search_contacts"_s, u"Search contacts"_s,
        u"Contacts (from the moves CaseyOS knows) whose email, name or company contains the query."_s,
        objectSchema(
            { { u"query"_s, stringSchema(u"Text to look for."_s, 200, 1) }, { u"limit"_s, limitSchema() } },
            { u"query"_s }),
        objectSchema({ { u"contacts"_s, arrayOfObjectsSchema(u"Matching contacts, most recent first."_s) },
                         { u"count"_s, QJsonObject { { u"type"_s, u"integer"_s } } } },
            { u"contacts"_s, u"count"_s }),
        { true, false, true, false }, searchContacts });
    tools.append({ u"search_signals"_s, u"Search signals"_s,
        u"Signals (form fills, CRM events, emails, meetings) whose content or event type contains the query, "
        "newest first."_s,
        objectSchema({ { u"query"_s, stringSchema(u"Text to look for."_s, 200, 1) },
                         { u"source"_s, sourceSchema }, { u"limit"_s, limitSchema() } },
            { u"query"_s }),
        objectSchema({ { u"signals"_s, arrayOfObjectsSchema(u"Matching signals, newest first."_s) },
                         { u"count"_s, QJsonObject { { u"type"_s, u"integer"_s } } } },
            { u"signals"_s, u"count"_s }),
        { true, false, true, false }, searchSignals });
    tools.append({ u"whats_up"_s, u"What's up"_s,
        u"The unread notifications summed up: a headline, counts by priority and the top 5."_s,
        objectSchema({}),
        objectSchema({ { u"headline"_s, QJsonObject { { u"type"_s, u"string"_s } } } }, { u"headline"_s }),
        { true, false, true, false }, whatsUp });
    tools.append({ u"outcome_stats"_s, u"Outcome stats"_s,
        u"Outcome counts, reply and meeting rates and net impact over the last N days."_s,
        objectSchema({ { u"days"_s, integerSchema(u"How many days back (1-90, default 30)."_s, 1, 90) },
            { u"contact_email"_s, stringSchema(u"Only this contact's outcomes."_s, 320) } }),
        objectSchema({ { u"days"_s, QJsonObject { { u"type"_s, u"integer"_s } } },
                         { u"total"_s, QJsonObject { { u"type"_s, u"integer"_s } } } },
            { u"days"_s, u"total"_s }),
        { true, false, true, false }, outcomeStats });
    tools.append({ u"record_outcome"_s, u"Record an outcome"_s,
        u"Records what happened after a move (a reply, a meeting booked, a deal lost, ...). Completes the "
        u"move "
        "and re-scores the contact's open moves. Give move_id or contact_email."_s,
        objectSchema(
            { { u"type"_s, typeSchema },
                { u"move_id"_s, integerSchema(u"The move the outcome belongs to."_s, 1, 9007199254740991.0) },
                { u"contact_email"_s, stringSchema(u"The contact (default: the move's)."_s, 320) },
                { u"confidence"_s,
                    QJsonObject { { u"type"_s, u"number"_s }, { u"minimum"_s, 0 }, { u"maximum"_s, 1 },
                        { u"description"_s, u"How sure (0-1, default 1)."_s } } },
                { u"note"_s, stringSchema(u"A note."_s, 2000) } },
            { u"type"_s }),
        objectSchema({ { u"outcome"_s, looseObjectSchema() },
                         { u"rescored"_s, arrayOfObjectsSchema(u"Re-scored moves."_s) } },
            { u"outcome"_s }),
        { false, false, false, false }, recordOutcome });
    return tools;
}

} // namespace caseyos::mcp
