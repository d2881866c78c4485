#include "connectors/SyncRequests.h"

#include "core/Timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QString kGmailUser = u"/gmail/v1/users/me"_s;
const QString kCalendarEvents = u"/calendars/primary/events"_s;

HttpRequest getRequest(const QUrl& url)
{
    HttpRequest request;
    request.url = url;
    return request;
}

// An id from a provider as one path segment: ids are opaque, a '/' or '?' in one must not change the path.
QString segment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

QUrl syncUrl(const QUrl& base, const QString& path, const QUrlQuery& query)
{
    QUrl url = base;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    // Encoded in, as it is: `path` carries ids already percent-encoded (segment()), which the default
    // (decoded) mode would encode a second time ("a%2Fb" → "a%252Fb").
    url.setPath(basePath + path, QUrl::TolerantMode);
    url.setQuery(query);
    return url;
}

namespace gmailrequest {

HttpRequest getProfile(const QUrl& base)
{
    return getRequest(syncUrl(base, kGmailUser + u"/profile"_s));
}

HttpRequest listMessages(
    const QUrl& base, int windowDays, int maxResults, bool sentOnly, const QString& pageToken)
{
    QUrlQuery query;
    query.addQueryItem(u"q"_s, u"newer_than:%1d"_s.arg(qMax(1, windowDays)));
    query.addQueryItem(u"maxResults"_s, QString::number(maxResults));
    if (sentOnly)
        query.addQueryItem(u"labelIds"_s, u"SENT"_s);
    if (!pageToken.isEmpty())
        query.addQueryItem(u"pageToken"_s, pageToken);
    return getRequest(syncUrl(base, kGmailUser + u"/messages"_s, query));
}

HttpRequest listHistory(
    const QUrl& base, const QString& startHistoryId, int maxResults, const QString& pageToken)
{
    QUrlQuery query;
    query.addQueryItem(u"startHistoryId"_s, startHistoryId);
    query.addQueryItem(u"historyTypes"_s, u"messageAdded"_s);
    query.addQueryItem(u"maxResults"_s, QString::number(maxResults));
    if (!pageToken.isEmpty())
        query.addQueryItem(u"pageToken"_s, pageToken);
    return getRequest(syncUrl(base, kGmailUser + u"/history"_s, query));
}

HttpRequest getMessage(const QUrl& base, const QString& messageId)
{
    QUrlQuery query;
    query.addQueryItem(u"format"_s, u"metadata"_s);
    for (const QString& header : { u"From"_s, u"Subject"_s, u"X-Failed-Recipients"_s })
        query.addQueryItem(u"metadataHeaders"_s, header);
    return getRequest(syncUrl(base, kGmailUser + u"/messages/"_s + segment(messageId), query));
}

HttpRequest getThread(const QUrl& base, const QString& threadId)
{
    QUrlQuery query;
    query.addQueryItem(u"format"_s, u"minimal"_s);
    return getRequest(syncUrl(base, kGmailUser + u"/threads/"_s + segment(threadId), query));
}

} // namespace gmailrequest

namespace calendarrequest {

HttpRequest listEvents(const QUrl& base, int maxResults, const QString& syncToken, const QDateTime& timeMin,
    const QString& pageToken)
{
    QUrlQuery query;
    query.addQueryItem(u"maxResults"_s, QString::number(maxResults));
    query.addQueryItem(u"singleEvents"_s, u"true"_s);
    if (syncToken.isEmpty())
        query.addQueryItem(u"timeMin"_s, toIsoUtc(timeMin));
    else
        query.addQueryItem(u"syncToken"_s, syncToken);
    if (!pageToken.isEmpty())
        query.addQueryItem(u"pageToken"_s, pageToken);
    return getRequest(syncUrl(base, kCalendarEvents, query));
}

} // namespace calendarrequest

namespace hubspotrequest {

QString lastModifiedProperty()
{
    return u"hs_lastmodifieddate"_s;
}

HttpRequest search(const QUrl& base, Object object, qint64 sinceMs, int limit, const QString& after)
{
    const QString modified = lastModifiedProperty();
    const QJsonObject filter { { u"propertyName"_s, modified }, { u"operator"_s, u"GTE"_s },
        { u"value"_s, QString::number(sinceMs) } };
    // The object form HubSpot documents and honours; its OpenAPI file says string[] (a known erratum: see
    // tests/contract/README.md), and a string such as "hs_lastmodifieddate" would be ignored, not sorted on.
    const QJsonObject sort { { u"propertyName"_s, modified }, { u"direction"_s, u"ASCENDING"_s } };
    const QJsonArray properties = object == Object::Deals
        ? QJsonArray { u"dealname"_s, u"dealstage"_s, u"pipeline"_s, u"amount"_s, modified }
        : QJsonArray { u"email"_s, modified };
    const QJsonObject body {
        { u"filterGroups"_s, QJsonArray { QJsonObject { { u"filters"_s, QJsonArray { filter } } } } },
        { u"sorts"_s, QJsonArray { sort } }, { u"properties"_s, properties }, { u"limit"_s, limit },
        { u"after"_s, after.isEmpty() ? u"0"_s : after } // required by the spec, "0" on the first page
    };
    const QString path
        = object == Object::Deals ? u"/crm/v3/objects/deals/search"_s : u"/crm/v3/objects/contacts/search"_s;
    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = syncUrl(base, path);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

HttpRequest dealPipelines(const QUrl& base)
{
    return getRequest(syncUrl(base, u"/crm/v3/pipelines/deals"_s));
}

} // namespace hubspotrequest

} // namespace caseyos
