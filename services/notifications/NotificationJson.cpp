#include "notifications/NotificationJson.h"

#include "core/Timestamps.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QJsonValue timeOrNull(const QDateTime& value)
{
    return value.isValid() ? QJsonValue(toIsoUtc(value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject notificationToJson(const Notification& n, const QDateTime& now)
{
    return QJsonObject {
        { u"id"_s, n.id },
        { u"title"_s, n.title },
        { u"message"_s, n.message },
        { u"priority"_s, toString(n.priority) },
        { u"priority_weight"_s, weight(n.priority) },
        { u"kind"_s, n.kind },
        { u"move_id"_s, idOrNull(n.moveId) },
        { u"signal_id"_s, idOrNull(n.signalId) },
        { u"state"_s, toString(n.state(now)) },
        { u"created_at"_s, timeOrNull(n.createdAt) },
        { u"read_at"_s, timeOrNull(n.readAt) },
        { u"dismissed_at"_s, timeOrNull(n.dismissedAt) },
        { u"snoozed_until"_s, timeOrNull(n.snoozedUntil) },
        { u"expires_at"_s, timeOrNull(n.expiresAt) },
    };
}

QJsonObject whatsUpToJson(const WhatsUp& summary)
{
    QJsonArray top;
    for (const Notification& n : summary.top)
        top.append(notificationToJson(n, summary.at));
    return QJsonObject {
        { u"headline"_s, summary.headline },
        { u"counts"_s,
            QJsonObject { { u"urgent"_s, summary.counts.urgent }, { u"high"_s, summary.counts.high },
                { u"normal"_s, summary.counts.normal }, { u"low"_s, summary.counts.low } } },
        { u"total_unread"_s, summary.counts.total() },
        { u"top"_s, top },
        { u"at"_s, timeOrNull(summary.at) },
    };
}

} // namespace caseyos
