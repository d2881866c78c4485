#include "connectors/clients/HubspotCrmClient.h"

#include "connectors/clients/ApiCall.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QStringList kTaskProperties { u"hs_task_subject"_s, u"hs_task_body"_s, u"hs_timestamp"_s, u"hs_task_status"_s,
    u"hs_task_priority"_s, u"hs_task_type"_s };
const QStringList kDealProperties { u"dealname"_s, u"dealstage"_s, u"amount"_s, u"closedate"_s, u"pipeline"_s };

// HubSpot's property values are strings (SimplePublicObjectInput: additionalProperties string).
QJsonObject asStrings(const QJsonObject& properties)
{
    QJsonObject out;
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonValue& v = it.value();
        if (v.isString())
            out.insert(it.key(), v);
        else if (v.isBool())
            out.insert(it.key(), v.toBool() ? u"true"_s : u"false"_s);
        else if (v.isDouble())
            out.insert(it.key(), QString::number(v.toDouble(), 'g', 17));
        else if (v.isNull())
            out.insert(it.key(), QString());
    }
    return out;
}

QJsonObject association(const QString& id, int typeId)
{
    return { { u"to"_s, QJsonObject { { u"id"_s, id } } },
        { u"types"_s,
            QJsonArray { QJsonObject {
                { u"associationCategory"_s, u"HUBSPOT_DEFINED"_s }, { u"associationTypeId"_s, typeId } } } } };
}

QJsonArray associations(const QString& contactId, int contactType, const QString& dealId, int dealType)
{
    QJsonArray list;
    if (!contactId.isEmpty())
        list.append(association(contactId, contactType));
    if (!dealId.isEmpty())
        list.append(association(dealId, dealType));
    return list;
}

ClientError parseObject(const HttpResponse& response, HubspotObject& out)
{
    const QJsonObject o = response.json.object();
    out.id = o.value("id"_L1).toString();
    out.properties = o.value("properties"_L1).toObject();
    out.createdAt = o.value("createdAt"_L1).toString();
    out.updatedAt = o.value("updatedAt"_L1).toString();
    out.archived = o.value("archived"_L1).toBool();
    if (out.id.isEmpty() || !o.value("properties"_L1).isObject())
        return { ClientErrorKind::Malformed, response.status, u"HubSpot's reply is not a CRM record"_s };
    return {};
}

QUrl objectUrl(const QUrl& base, const QString& type, const QString& id = {})
{
    return apiUrl(base, u"crm/v3/objects/"_s + type + (id.isEmpty() ? QString() : u'/' + pathSegment(id)));
}

} // namespace

HubspotDealFields hubspotDealFrom(const HubspotObject& object)
{
    const QJsonObject& p = object.properties;
    return { object.id, p.value("dealstage"_L1).toString(), p.value("amount"_L1).toString(),
        p.value("closedate"_L1).toString(), p };
}

HubspotCrmClient::HubspotCrmClient(HttpClient& http, ClientConfig config)
    : m_http(http)
    , m_config(std::move(config))
{
}

namespace {

// One search with one filter, answering the first result's id (empty when none). A search changes nothing:
// retried like a read.
void searchFirstId(HttpClient& http, const ClientConfig& config, const QString& type, const QJsonObject& filter,
    const QString& property, QObject* context, HubspotCrmClient::IdDone done)
{
    const QJsonObject body { { u"filterGroups"_s,
                                 QJsonArray { QJsonObject { { u"filters"_s, QJsonArray { filter } } } } },
        { u"sorts"_s, QJsonArray {} }, { u"properties"_s, QJsonArray { property } }, { u"limit"_s, 1 },
        { u"after"_s, u"0"_s } };
    sendParsed<QString>(http, config, jsonPost(objectUrl(config.baseUrl, type + u"/search"_s), body), context,
        std::move(done), [](const HttpResponse& response, QString& id) -> ClientError {
            const QJsonObject o = response.json.object();
            if (!o.value("results"_L1).isArray())
                return { ClientErrorKind::Malformed, response.status, u"HubSpot's search reply has no results"_s };
            id = o.value("results"_L1).toArray().first().toObject().value("id"_L1).toString();
            return {};
        });
}

} // namespace

void HubspotCrmClient::findContactByEmail(const QString& email, QObject* context, IdDone done)
{
    const QJsonObject filter { { u"propertyName"_s, u"email"_s }, { u"operator"_s, u"EQ"_s },
        { u"value"_s, email.trimmed() } };
    searchFirstId(m_http, m_config, u"contacts"_s, filter, u"email"_s, context, std::move(done));
}

void HubspotCrmClient::findIdByToken(
    const QString& type, const QString& property, const QString& token, QObject* context, IdDone done)
{
    const QJsonObject filter { { u"propertyName"_s, property }, { u"operator"_s, u"CONTAINS_TOKEN"_s },
        { u"value"_s, token } };
    searchFirstId(m_http, m_config, type, filter, property, context, std::move(done));
}

void HubspotCrmClient::create(const QString& type, const QJsonObject& body, QObject* context, ObjectDone done)
{
    HttpRequest request = jsonPost(objectUrl(m_config.baseUrl, type), body);
    request.retry = false; // a lost reply may mean it was created: the executor decides
    sendParsed<HubspotObject>(m_http, m_config, std::move(request), context, std::move(done), parseObject);
}

void HubspotCrmClient::get(
    const QString& type, const QString& id, const QStringList& properties, QObject* context, ObjectDone done)
{
    HttpRequest request;
    request.url = objectUrl(m_config.baseUrl, type, id);
    QStringList query;
    for (const QString& p : properties)
        query << u"properties="_s + pathSegment(p);
    request.url.setQuery(query.join(u'&'), QUrl::StrictMode);
    sendParsed<HubspotObject>(m_http, m_config, std::move(request), context, std::move(done), parseObject);
}

void HubspotCrmClient::update(
    const QString& type, const QString& id, const QJsonObject& properties, QObject* context, ObjectDone done)
{
    HttpRequest request = jsonPost(objectUrl(m_config.baseUrl, type, id), { { u"properties"_s, asStrings(properties) } });
    request.method = "PATCH";
    sendParsed<HubspotObject>(m_http, m_config, std::move(request), context, std::move(done), parseObject);
}

void HubspotCrmClient::archive(const QString& type, const QString& id, QObject* context, ArchiveDone done)
{
    sendParsed<bool>(m_http, m_config, bodylessRequest("DELETE", objectUrl(m_config.baseUrl, type, id)), context,
        std::move(done), [](const HttpResponse&, bool& archived) -> ClientError {
            archived = true;
            return {};
        });
}

QJsonObject hubspotTaskBody(const HubspotTaskInput& task)
{
    QJsonObject properties { { u"hs_task_subject"_s, task.subject }, { u"hs_task_body"_s, task.body },
        { u"hs_timestamp"_s, QString::number(task.due.toMSecsSinceEpoch()) }, { u"hs_task_status"_s, task.status },
        { u"hs_task_type"_s, task.type } };
    if (!task.priority.isEmpty())
        properties.insert(u"hs_task_priority"_s, task.priority);
    return { { u"properties"_s, asStrings(properties) },
        { u"associations"_s,
            associations(task.contactId, HubspotCrmClient::kTaskToContact, task.dealId, HubspotCrmClient::kTaskToDeal) } };
}

QJsonObject hubspotNoteBody(const HubspotNoteInput& note)
{
    const QJsonObject properties { { u"hs_note_body"_s, note.body },
        { u"hs_timestamp"_s, QString::number(note.timestamp.toMSecsSinceEpoch()) } };
    return { { u"properties"_s, properties },
        { u"associations"_s,
            associations(note.contactId, HubspotCrmClient::kNoteToContact, note.dealId, HubspotCrmClient::kNoteToDeal) } };
}

void HubspotCrmClient::createTask(const HubspotTaskInput& task, QObject* context, ObjectDone done)
{
    create(u"tasks"_s, hubspotTaskBody(task), context, std::move(done));
}

void HubspotCrmClient::updateTask(const QString& id, const QJsonObject& properties, QObject* context, ObjectDone done)
{
    update(u"tasks"_s, id, properties, context, std::move(done));
}

void HubspotCrmClient::getTask(const QString& id, QObject* context, ObjectDone done)
{
    get(u"tasks"_s, id, kTaskProperties, context, std::move(done));
}

void HubspotCrmClient::archiveTask(const QString& id, QObject* context, ArchiveDone done)
{
    archive(u"tasks"_s, id, context, std::move(done));
}

void HubspotCrmClient::createNote(const HubspotNoteInput& note, QObject* context, ObjectDone done)
{
    create(u"notes"_s, hubspotNoteBody(note), context, std::move(done));
}

void HubspotCrmClient::archiveNote(const QString& id, QObject* context, ArchiveDone done)
{
    archive(u"notes"_s, id, context, std::move(done));
}

void HubspotCrmClient::getDeal(const QString& id, QObject* context, DealDone done)
{
    get(u"deals"_s, id, kDealProperties, context, [done = std::move(done)](const ClientResult<HubspotObject>& r) {
        done({ hubspotDealFrom(r.value), r.error });
    });
}

void HubspotCrmClient::updateDeal(const QString& id, const QJsonObject& properties, QObject* context, DealDone done)
{
    update(u"deals"_s, id, properties, context, [done = std::move(done)](const ClientResult<HubspotObject>& r) {
        done({ hubspotDealFrom(r.value), r.error });
    });
}

} // namespace caseyos
