#include "FakeHubspot.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

// HubSpot's search matches CONTAINS_TOKEN against the words of a text: split at everything but letters and digits,
// compared without case.
bool containsToken(const QString& text, const QString& word)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    return text.split(separators, Qt::SkipEmptyParts).contains(word, Qt::CaseInsensitive);
}

} // namespace

FakeReply hubspotError(int status, const QString& category, const QString& message)
{
    return FakeReply::json(status,
        QJsonDocument(
            QJsonObject { { u"status"_s, u"error"_s }, { u"message"_s, message }, { u"category"_s, category },
                { u"correlationId"_s, u"00000000-0000-0000-0000-000000000000"_s } }));
}

FakeHubspot::FakeHubspot(bool enforceLimits, QObject* parent)
    : FakeHttpServer(parent)
    , m_pipelines(defaultPipelines())
    , m_enforce(enforceLimits)
{
    if (m_enforce)
        addRateLimit(100, 10000);
}

QJsonObject FakeHubspot::defaultPipelines()
{
    // Display order differs from the alphabet on purpose ("qualifiedtobuy" < "appointmentscheduled" by
    // order).
    const QList<std::tuple<QString, QString, int, bool, QString>> stages {
        { u"appointmentscheduled"_s, u"Appointment scheduled"_s, 0, false, u"0.2"_s },
        { u"qualifiedtobuy"_s, u"Qualified to buy"_s, 1, false, u"0.4"_s },
        { u"presentationscheduled"_s, u"Presentation scheduled"_s, 2, false, u"0.6"_s },
        { u"decisionmakerboughtin"_s, u"Decision maker bought-in"_s, 3, false, u"0.8"_s },
        { u"contractsent"_s, u"Contract sent"_s, 4, false, u"0.9"_s },
        { u"closedwon"_s, u"Closed won"_s, 5, true, u"1.0"_s },
        { u"closedlost"_s, u"Closed lost"_s, 6, true, u"0.0"_s },
    };
    QJsonArray list;
    for (const auto& [id, label, order, closed, probability] : stages) {
        list.append(QJsonObject { { u"id"_s, id }, { u"label"_s, label }, { u"displayOrder"_s, order },
            { u"archived"_s, false }, { u"createdAt"_s, u"2024-01-01T00:00:00Z"_s },
            { u"updatedAt"_s, u"2024-01-01T00:00:00Z"_s },
            { u"metadata"_s,
                QJsonObject { { u"isClosed"_s, closed ? u"true"_s : u"false"_s },
                    { u"probability"_s, probability } } } });
    }
    const QJsonObject pipeline { { u"id"_s, u"default"_s }, { u"label"_s, u"Sales Pipeline"_s },
        { u"displayOrder"_s, 0 }, { u"archived"_s, false }, { u"createdAt"_s, u"2024-01-01T00:00:00Z"_s },
        { u"updatedAt"_s, u"2024-01-01T00:00:00Z"_s }, { u"stages"_s, list } };
    return QJsonObject { { u"results"_s, QJsonArray { pipeline } } };
}

void FakeHubspot::putDeal(const QString& id, const QString& name, const QString& stage, double amount,
    qint64 modifiedMs, const QString& pipeline)
{
    m_sorted.remove(u"deals"_s);
    Object& o = m_objects[u"deals"_s][id];
    o.id = id;
    o.modifiedMs = modifiedMs;
    o.properties
        = QJsonObject { { u"dealname"_s, name }, { u"dealstage"_s, stage }, { u"pipeline"_s, pipeline },
              { u"amount"_s, QString::number(amount, 'f', 2) }, { u"hs_object_id"_s, id } };
}

void FakeHubspot::putContact(const QString& id, const QString& email, qint64 modifiedMs)
{
    m_sorted.remove(u"contacts"_s);
    Object& o = m_objects[u"contacts"_s][id];
    o.id = id;
    o.modifiedMs = modifiedMs;
    o.properties = QJsonObject { { u"email"_s, email }, { u"hs_object_id"_s, id } };
}

FakeHeaders FakeHubspot::extraHeaders(const FakeRequest& request) const
{
    if (!m_enforce)
        return {};
    int recent = 0;
    for (const FakeLogEntry& e : log()) {
        if (request.atMs - e.atMs < 10000)
            ++recent;
    }
    return { { "X-HubSpot-RateLimit-Max", "100" }, { "X-HubSpot-RateLimit-Interval-Milliseconds", "10000" },
        { "X-HubSpot-RateLimit-Remaining", QByteArray::number(std::max(0, 100 - recent - 1)) } };
}

QJsonObject FakeHubspot::toJson(const Object& object, const QJsonArray& properties) const
{
    QJsonObject props;
    for (const QJsonValue& name : properties) {
        const QString key = name.toString();
        if (object.properties.contains(key))
            props.insert(key, object.properties.value(key));
    }
    props.insert(u"hs_lastmodifieddate"_s, iso(object.modifiedMs));
    props.insert(u"hs_object_id"_s, object.id);
    return QJsonObject { { u"id"_s, object.id }, { u"properties"_s, props },
        { u"createdAt"_s, iso(object.modifiedMs) }, { u"updatedAt"_s, iso(object.modifiedMs) },
        { u"archived"_s, false } };
}

FakeReply FakeHubspot::handle(const FakeRequest& request)
{
    if (!request.header("authorization").startsWith("Bearer "))
        return hubspotError(401, u"INVALID_AUTHENTICATION"_s, u"Authentication credentials not found."_s);
    const QString path = request.path;
    if (path == u"/crm/v3/pipelines/deals"_s && request.method == "GET")
        return FakeReply::json(200, QJsonDocument(m_pipelines));
    static const QString objects = u"/crm/v3/objects/"_s;
    static const QStringList types { u"deals"_s, u"contacts"_s, u"tasks"_s, u"notes"_s };
    if (path.startsWith(objects)) {
        const QStringList parts = path.mid(objects.size()).split(u'/');
        const QString type = parts.value(0);
        if (!types.contains(type))
            return hubspotError(404, u"OBJECT_NOT_FOUND"_s, u"Unknown object type"_s);
        const bool post = request.method == "POST";
        if (post && parts.size() == 2 && parts.value(1) == u"search"_s)
            return search(type, request);
        if (post && parts.size() == 3 && parts.value(1) == u"batch"_s && parts.value(2) == u"read"_s)
            return batchRead(type, request);
        if (post && parts.size() == 1)
            return create(type, request);
        if (parts.size() == 2 && !parts.value(1).isEmpty())
            return record(type, parts.value(1), request);
    }
    return hubspotError(404, u"OBJECT_NOT_FOUND"_s, u"Not found"_s);
}

FakeReply FakeHubspot::search(const QString& type, const FakeRequest& request) const
{
    const QJsonObject body = request.json().object();
    for (const char* required : { "filterGroups", "sorts", "properties", "limit", "after" }) {
        if (!body.contains(QLatin1StringView(required)))
            return hubspotError(400, u"VALIDATION_ERROR"_s, u"Missing "_s + QLatin1StringView(required));
    }
    const int limit = body.value(u"limit"_s).toInt();
    if (limit < 1 || limit > 200)
        return hubspotError(400, u"VALIDATION_ERROR"_s, u"limit must be 1 to 200"_s);
    bool ok = false;
    const int after = body.value(u"after"_s).toString().toInt(&ok);
    if (!ok || after < 0)
        return hubspotError(400, u"VALIDATION_ERROR"_s, u"after must be a paging cursor"_s);
    if (after >= kSearchWindow)
        return hubspotError(400, u"VALIDATION_ERROR"_s,
            u"There was a problem with the request: the search can page through at most 10000 results"_s);

    qint64 gte = std::numeric_limits<qint64>::min();
    qint64 gt = std::numeric_limits<qint64>::min();
    QString email; // email EQ: the contact lookup
    QList<QPair<QString, QString>> tokens; // property CONTAINS_TOKEN word: the executor's reconcile
    for (const QJsonValue& group : body.value(u"filterGroups"_s).toArray()) {
        for (const QJsonValue& f : group.toObject().value(u"filters"_s).toArray()) {
            const QJsonObject filter = f.toObject();
            if (filter.value(u"propertyName"_s).toString() == u"email"_s
                && filter.value(u"operator"_s).toString() == u"EQ"_s) {
                email = filter.value(u"value"_s).toString().toLower();
                continue;
            }
            if (filter.value(u"operator"_s).toString() == u"CONTAINS_TOKEN"_s) {
                tokens.append({ filter.value(u"propertyName"_s).toString(), filter.value(u"value"_s).toString() });
                continue;
            }
            if (filter.value(u"propertyName"_s).toString() != u"hs_lastmodifieddate"_s)
                return hubspotError(400, u"VALIDATION_ERROR"_s, u"unsupported filter"_s);
            const qint64 value = filter.value(u"value"_s).toString().toLongLong();
            const QString op = filter.value(u"operator"_s).toString();
            if (op == u"GTE"_s)
                gte = value;
            else if (op == u"GT"_s)
                gt = value;
            else
                return hubspotError(400, u"VALIDATION_ERROR"_s, u"unsupported operator"_s);
        }
    }
    const QJsonArray sorts = body.value(u"sorts"_s).toArray();
    const bool ascending
        = sorts.isEmpty() || sorts.first().toObject().value(u"direction"_s).toString() != u"DESCENDING"_s;
    const QList<const Object*>& all = sorted(type);
    const qint64 from = std::max(gte, gt == std::numeric_limits<qint64>::min() ? gt : gt + 1);
    const auto first = std::lower_bound(
        all.cbegin(), all.cend(), from, [](const Object* o, qint64 value) { return o->modifiedMs < value; });
    QList<const Object*> matching(first, all.cend());
    if (!email.isEmpty())
        matching.removeIf([&email](const Object* o) { return o->properties.value(u"email"_s).toString().toLower() != email; });
    for (const auto& [property, word] : tokens)
        matching.removeIf([&](const Object* o) { return !containsToken(o->properties.value(property).toString(), word); });
    if (!ascending)
        std::reverse(matching.begin(), matching.end());
    const QJsonArray properties = body.value(u"properties"_s).toArray();
    QJsonArray results;
    for (qsizetype i = after; i < matching.size() && i < after + limit; ++i)
        results.append(toJson(*matching[i], properties));
    QJsonObject reply { { u"total"_s, int(matching.size()) }, { u"results"_s, results } };
    if (after + limit < matching.size())
        reply.insert(u"paging"_s,
            QJsonObject { { u"next"_s, QJsonObject { { u"after"_s, QString::number(after + limit) } } } });
    return FakeReply::json(200, QJsonDocument(reply));
}

const QList<const FakeHubspot::Object*>& FakeHubspot::sorted(const QString& type) const
{
    auto it = m_sorted.find(type);
    if (it != m_sorted.end())
        return *it;
    QList<const Object*> list;
    const auto objects = m_objects.constFind(type);
    if (objects != m_objects.cend()) {
        for (const Object& o : *objects)
            list.append(&o);
    }
    std::sort(list.begin(), list.end(), [](const Object* a, const Object* b) {
        if (a->modifiedMs != b->modifiedMs)
            return a->modifiedMs < b->modifiedMs;
        return a->id.toLongLong() < b->id.toLongLong();
    });
    return *m_sorted.insert(type, list);
}

FakeReply FakeHubspot::batchRead(const QString& type, const FakeRequest& request) const
{
    const QJsonObject body = request.json().object();
    const QJsonArray inputs = body.value(u"inputs"_s).toArray();
    if (inputs.size() > 100)
        return hubspotError(400, u"VALIDATION_ERROR"_s, u"at most 100 inputs"_s);
    QJsonArray results;
    const QMap<QString, Object> all = m_objects.value(type);
    for (const QJsonValue& input : inputs) {
        const auto it = all.constFind(input.toObject().value(u"id"_s).toString());
        if (it != all.cend())
            results.append(toJson(*it, body.value(u"properties"_s).toArray()));
    }
    return FakeReply::json(200,
        QJsonDocument(QJsonObject { { u"status"_s, u"COMPLETE"_s }, { u"results"_s, results },
            { u"startedAt"_s, iso(QDateTime::currentMSecsSinceEpoch()) },
            { u"completedAt"_s, iso(QDateTime::currentMSecsSinceEpoch()) } }));
}

} // namespace caseyos::test
