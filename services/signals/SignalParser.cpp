#include "signals/SignalParser.h"

#include "core/DedupeKey.h"
#include "core/Timestamps.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// A value shown inside an error message: quoted, and cut so a huge field cannot flood the report.
QString shown(const QString& value)
{
    constexpr int kMax = 60;
    QString s = value.size() > kMax ? value.left(kMax) + u'\u2026' : value;
    return u'"' + s + u'"';
}

QString typeName(const QJsonValueConstRef& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"missing"_s;
}

} // namespace

std::variant<Signal, QString> signalFromJson(const QJsonObject& object, const QDateTime& receivedAt)
{
    // Fields are read in place through iterators (no QJsonValue copies): this runs once per imported line.
    const auto end = object.constEnd();
    const auto present = [&](QJsonObject::const_iterator it) { return it != end && !it.value().isNull(); };
    Signal signal;

    const auto source = object.constFind("source"_L1);
    if (!present(source))
        return u"source is missing"_s;
    if (!source.value().isString())
        return u"source must be a string, not "_s + typeName(source.value());
    signal.source = source.value().toString();
    if (!isKnownSource(signal.source))
        return u"source "_s + shown(signal.source) + u" is not one of "_s + signalSources().join(u", "_s);

    const auto eventType = object.constFind("event_type"_L1);
    if (!present(eventType))
        return u"event_type is missing"_s;
    if (!eventType.value().isString())
        return u"event_type must be a string, not "_s + typeName(eventType.value());
    signal.eventType = eventType.value().toString();
    if (signal.eventType.trimmed().isEmpty())
        return u"event_type is empty"_s;

    const auto payload = object.constFind("payload"_L1);
    if (present(payload)) {
        if (!payload.value().isObject())
            return u"payload must be a JSON object, not "_s + typeName(payload.value());
        signal.payload = payload.value().toObject();
    }

    const auto sourceId = object.constFind("source_id"_L1);
    if (present(sourceId)) {
        if (!sourceId.value().isString())
            return u"source_id must be a string, not "_s + typeName(sourceId.value());
        // An empty id identifies nothing; treating it as absent keeps such signals from all colliding.
        QString id = sourceId.value().toString();
        if (!id.isEmpty())
            signal.sourceId = std::move(id);
    }

    signal.receivedAt = receivedAt.timeSpec() == Qt::UTC ? receivedAt : receivedAt.toUTC();
    const auto occurredAt = object.constFind("occurred_at"_L1);
    if (present(occurredAt)) {
        if (!occurredAt.value().isString())
            return u"occurred_at must be an ISO-8601 string, not "_s + typeName(occurredAt.value());
        const QString text = occurredAt.value().toString();
        const auto parsed = parseIsoDateTime(text);
        if (!parsed)
            return u"occurred_at is not ISO-8601: "_s + shown(text);
        signal.occurredAt = *parsed;
    } else {
        signal.occurredAt = signal.receivedAt;
    }

    signal.state = SignalState::New;
    signal.dedupeKey = dedupeKey(signal);
    return signal;
}

} // namespace caseyos
