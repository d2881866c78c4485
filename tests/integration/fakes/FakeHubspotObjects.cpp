// FakeHubspot's record endpoints (create, get, update, archive) with the state tests check afterwards.
#include "FakeHubspot.h"

#include <QDateTime>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

// The association types HubSpot defines for what the executor creates: from → to → allowed ids.
bool validAssociation(const QString& from, const QString& to, int typeId)
{
    if (from == u"tasks"_s)
        return (to == u"contacts"_s && typeId == 204) || (to == u"deals"_s && typeId == 216);
    if (from == u"notes"_s)
        return (to == u"contacts"_s && typeId == 202) || (to == u"deals"_s && typeId == 214);
    return false;
}

QJsonArray allPropertyNames(const QJsonObject& properties)
{
    return QJsonArray::fromStringList(properties.keys());
}

} // namespace

std::optional<QJsonObject> FakeHubspot::properties(const QString& type, const QString& id) const
{
    const auto objects = m_objects.constFind(type);
    if (objects == m_objects.cend() || !objects->contains(id))
        return std::nullopt;
    return objects->value(id).properties;
}

void FakeHubspot::setProperty(const QString& type, const QString& id, const QString& name, const QString& value)
{
    Object& o = m_objects[type][id];
    o.id = id;
    o.properties.insert(name, value);
    o.properties.insert(u"hs_object_id"_s, id);
    o.modifiedMs = QDateTime::currentMSecsSinceEpoch();
    m_sorted.remove(type);
}

QStringList FakeHubspot::stageIds(const QString& pipeline) const
{
    QStringList ids;
    for (const QJsonValue& p : m_pipelines.value(u"results"_s).toArray()) {
        if (p.toObject().value(u"id"_s).toString() != pipeline)
            continue;
        for (const QJsonValue& stage : p.toObject().value(u"stages"_s).toArray())
            ids << stage.toObject().value(u"id"_s).toString();
    }
    return ids;
}

QList<QPair<QString, int>> FakeHubspot::associations(const QString& type, const QString& id) const
{
    return m_objects.value(type).value(id).associations;
}

FakeReply FakeHubspot::create(const QString& type, const FakeRequest& request)
{
    if (type != u"tasks"_s && type != u"notes"_s)
        return hubspotError(405, u"VALIDATION_ERROR"_s, u"This fake creates tasks and notes only"_s);
    const QJsonDocument doc = request.json();
    const QJsonObject body = doc.object();
    if (!doc.isObject() || !body.value(u"properties"_s).isObject() || !body.value(u"associations"_s).isArray())
        return hubspotError(400, u"VALIDATION_ERROR"_s, u"Invalid input JSON: properties and associations are required"_s);
    const QJsonObject properties = body.value(u"properties"_s).toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        if (!it.value().isString())
            return hubspotError(400, u"VALIDATION_ERROR"_s, u"Property values must be strings: "_s + it.key());
    }
    if (!properties.contains(u"hs_timestamp"_s))
        return hubspotError(400, u"VALIDATION_ERROR"_s, u"Property \"hs_timestamp\" is required"_s);
    Object o;
    for (const QJsonValue& a : body.value(u"associations"_s).toArray()) {
        const QString to = a.toObject().value(u"to"_s).toObject().value(u"id"_s).toString();
        const int typeId = a.toObject().value(u"types"_s).toArray().first().toObject().value(u"associationTypeId"_s).toInt();
        const QString toType = typeId == 204 || typeId == 202 ? u"contacts"_s : u"deals"_s;
        if (!validAssociation(type, toType, typeId) || !m_objects.value(toType).contains(to))
            return hubspotError(400, u"VALIDATION_ERROR"_s,
                u"One or more associations are invalid: %1 %2 (type %3)"_s.arg(toType, to).arg(typeId));
        o.associations.append({ to, typeId });
    }
    o.id = QString::number(m_nextId++);
    o.modifiedMs = QDateTime::currentMSecsSinceEpoch();
    o.properties = properties;
    o.properties.insert(u"hs_object_id"_s, o.id);
    m_sorted.remove(type);
    m_objects[type].insert(o.id, o);
    return FakeReply::json(201, QJsonDocument(toJson(o, allPropertyNames(o.properties))));
}

FakeReply FakeHubspot::record(const QString& type, const QString& id, const FakeRequest& request)
{
    auto objects = m_objects.find(type);
    if (objects == m_objects.end() || !objects->contains(id))
        return hubspotError(404, u"OBJECT_NOT_FOUND"_s, u"Object not found.  objectId are usually numeric."_s);
    Object& o = (*objects)[id];
    if (request.method == "GET") {
        const QStringList asked = request.query.allQueryItemValues(u"properties"_s, QUrl::FullyDecoded);
        QStringList names;
        for (const QString& value : asked)
            names << value.split(u',', Qt::SkipEmptyParts);
        return FakeReply::json(200, QJsonDocument(toJson(o, QJsonArray::fromStringList(names))));
    }
    if (request.method == "PATCH") {
        const QJsonObject changes = request.json().object().value(u"properties"_s).toObject();
        if (changes.isEmpty())
            return hubspotError(400, u"VALIDATION_ERROR"_s, u"No properties to update"_s);
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (!it.value().isString())
                return hubspotError(400, u"VALIDATION_ERROR"_s, u"Property values must be strings: "_s + it.key());
        }
        // Like HubSpot: a deal's stage must be one of its pipeline's, checked before anything changes.
        const QString stage = changes.value(u"dealstage"_s).toString();
        if (type == u"deals"_s && changes.contains(u"dealstage"_s)
            && !stageIds(o.properties.value(u"pipeline"_s).toString(u"default"_s)).contains(stage))
            return hubspotError(400, u"VALIDATION_ERROR"_s,
                u"Property values were not valid: %1 was not one of the allowed options for dealstage"_s.arg(stage));
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().toString().isEmpty())
                o.properties.remove(it.key()); // HubSpot clears a property set to ""
            else
                o.properties.insert(it.key(), it.value());
        }
        o.modifiedMs = QDateTime::currentMSecsSinceEpoch();
        m_sorted.remove(type);
        return FakeReply::json(200, QJsonDocument(toJson(o, allPropertyNames(o.properties))));
    }
    if (request.method == "DELETE") {
        objects->remove(id);
        m_sorted.remove(type);
        m_archived[type].insert(id);
        return FakeReply { 204, {}, {} };
    }
    return hubspotError(405, u"METHOD_NOT_ALLOWED"_s, u"Method not allowed"_s);
}

} // namespace caseyos::test
