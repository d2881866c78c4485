#include "moves/MoveJson.h"

#include "core/Timestamps.h"

#include <QJsonValue>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QJsonValue timeOrNull(const QDateTime& value)
{
    return value.isValid() ? QJsonValue(toIsoUtc(value)) : QJsonValue(QJsonValue::Null);
}

// Components are stored as given (e.g. 0.7); rounding to 4 places hides binary noise such as 0.7000000001.
double rounded(double value)
{
    return std::round(value * 10000.0) / 10000.0;
}

} // namespace

QJsonObject moveToJson(const Move& move, const std::optional<MoveSignalRef>& signal, const QDateTime& now)
{
    QJsonObject json;
    json.insert(u"id"_s, move.id);
    json.insert(u"title"_s, move.title);
    json.insert(u"description"_s, move.description);
    json.insert(u"action_type"_s, move.actionType);
    json.insert(u"action_context"_s, move.actionContext);
    json.insert(u"domain"_s, move.domain);
    json.insert(u"status"_s, toString(move.effectiveStatus(now)));
    json.insert(u"aps"_s, move.aps);
    json.insert(u"components"_s,
        QJsonObject { { u"revenue"_s, rounded(move.components.revenue) },
            { u"urgency"_s, rounded(move.components.urgency) },
            { u"effort"_s, rounded(move.components.effort) },
            { u"strategic"_s, rounded(move.components.strategic) } });
    json.insert(u"outcome_adjustment"_s, move.outcomeAdjustment);
    json.insert(u"reasoning"_s, move.reasoning);
    json.insert(u"due_by"_s, timeOrNull(move.dueBy));
    json.insert(u"snoozed_until"_s, timeOrNull(move.snoozedUntil));
    json.insert(u"created_at"_s, timeOrNull(move.createdAt));
    json.insert(u"updated_at"_s, timeOrNull(move.updatedAt));
    json.insert(u"completed_at"_s, timeOrNull(move.completedAt));
    json.insert(u"contact_email"_s, move.contactEmail);
    json.insert(u"contact_name"_s, move.contactName);
    json.insert(u"company"_s, move.company);
    json.insert(u"deal_id"_s, move.dealId);
    json.insert(u"dismiss_reason"_s, move.dismissReason);
    if (signal) {
        json.insert(u"signal"_s,
            QJsonObject { { u"id"_s, signal->id }, { u"source"_s, signal->source },
                { u"event_type"_s, signal->eventType },
                { u"source_id"_s,
                    signal->sourceId.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(signal->sourceId) },
                { u"dedupe_key"_s, signal->dedupeKey } });
    } else {
        json.insert(u"signal"_s, QJsonValue(QJsonValue::Null));
    }
    return json;
}

QJsonObject moveEventToJson(const MoveEvent& event)
{
    return QJsonObject { { u"id"_s, event.id }, { u"type"_s, event.type }, { u"at"_s, timeOrNull(event.at) },
        { u"details"_s, event.details } };
}

} // namespace caseyos
