#include "outcomes/OutcomeJson.h"

#include "core/Timestamps.h"
#include "outcomes/OutcomeService.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QJsonValue idValue(const std::optional<qint64>& id)
{
    return id ? QJsonValue(*id) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeValue(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(toIsoUtc(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject outcomeToJson(const Outcome& o)
{
    return QJsonObject {
        { u"id"_s, o.id },
        { u"type"_s, toString(o.type) },
        { u"category"_s, toString(o.category) },
        { u"source"_s, toString(o.source) },
        { u"confidence"_s, o.confidence },
        { u"impact"_s, o.impact },
        { u"contact_email"_s, o.contactEmail },
        { u"move_id"_s, idValue(o.moveId) },
        { u"deal_id"_s, o.dealId },
        { u"signal_id"_s, idValue(o.signalId) },
        { u"note"_s, o.note },
        { u"context"_s, o.context },
        { u"occurred_at"_s, timeValue(o.occurredAt) },
        { u"created_at"_s, timeValue(o.createdAt) },
    };
}

QJsonObject recordResultToJson(const OutcomeRecordResult& result)
{
    QJsonObject object { { u"outcome"_s, outcomeToJson(result.outcome) },
        { u"adjustment"_s, result.adjustment } };
    if (result.move) {
        const Move& after = result.move->after;
        object.insert(u"move"_s,
            QJsonObject { { u"id"_s, after.id }, { u"title"_s, after.title },
                { u"status_before"_s, toString(result.move->before.status) },
                { u"status"_s, toString(after.status) },
                { u"completed_at"_s, timeValue(after.completedAt) } });
    } else {
        object.insert(u"move"_s, QJsonValue(QJsonValue::Null));
    }
    QJsonArray rescored;
    for (const MoveChange& change : result.rescored) {
        const Move& m = change.after;
        rescored.append(QJsonObject { { u"id"_s, m.id }, { u"title"_s, m.title },
            { u"status"_s, toString(m.status) }, { u"aps_before"_s, change.before.aps }, { u"aps"_s, m.aps },
            { u"outcome_adjustment"_s, m.outcomeAdjustment }, { u"reasoning"_s, m.reasoning } });
    }
    object.insert(u"rescored"_s, rescored);
    return object;
}

QJsonObject statsToJson(const OutcomeStats& s)
{
    QJsonObject byType;
    for (auto it = s.byType.cbegin(); it != s.byType.cend(); ++it)
        byType.insert(toString(it.key()), it.value());
    QJsonObject byCategory;
    for (auto it = s.byCategory.cbegin(); it != s.byCategory.cend(); ++it)
        byCategory.insert(toString(it.key()), it.value());
    QJsonArray perDay;
    for (const OutcomeDay& day : s.perDay)
        perDay.append(QJsonObject { { u"date"_s, day.date.toString(Qt::ISODate) }, { u"count"_s, day.count },
            { u"net_impact"_s, day.netImpact } });
    return QJsonObject {
        { u"days"_s, s.days },
        { u"contact_email"_s,
            s.contactEmail.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.contactEmail) },
        { u"from"_s, timeValue(s.from) },
        { u"to"_s, timeValue(s.to) },
        { u"total"_s, s.total },
        { u"positive"_s, s.positive },
        { u"negative"_s, s.negative },
        { u"net_impact"_s, s.netImpact },
        { u"mean_impact"_s, s.meanImpact },
        { u"reply_rate"_s, s.replyRate },
        { u"meeting_rate"_s, s.meetingRate },
        { u"by_type"_s, byType },
        { u"by_category"_s, byCategory },
        { u"funnel"_s,
            QJsonObject { { u"sent"_s, s.sent() }, { u"opened"_s, s.opened() }, { u"replied"_s, s.replied() },
                { u"booked"_s, s.booked() } } },
        { u"per_day"_s, perDay },
    };
}

QJsonArray outcomeTypesToJson()
{
    QJsonArray types;
    for (OutcomeType type : allOutcomeTypes())
        types.append(
            QJsonObject { { u"type"_s, toString(type) }, { u"category"_s, toString(categoryOf(type)) },
                { u"impact"_s, defaultImpact(type) }, { u"label"_s, outcomeTypeLabel(type) } });
    return types;
}

} // namespace caseyos
