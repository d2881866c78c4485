#include "connectors/clients/GoogleCalendarClient.h"

#include "connectors/clients/ApiCall.h"
#include "net/HttpClient.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString rfc3339(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QDateTime parseTime(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

QJsonObject eventTime(const QDateTime& t, const QString& zone)
{
    QJsonObject o { { u"dateTime"_s, rfc3339(t) } };
    if (!zone.isEmpty())
        o.insert(u"timeZone"_s, zone);
    return o;
}

ClientError parseEvent(const HttpResponse& response, CalendarEventRecord& out)
{
    const QJsonObject o = response.json.object();
    const QJsonObject start = o.value("start"_L1).toObject();
    out = { o.value("id"_L1).toString(), o.value("status"_L1).toString(), o.value("summary"_L1).toString(),
        o.value("htmlLink"_L1).toString(), parseTime(start.value("dateTime"_L1)),
        parseTime(o.value("end"_L1).toObject().value("dateTime"_L1)), start.value("timeZone"_L1).toString(), {} };
    for (const QJsonValue& a : o.value("attendees"_L1).toArray())
        out.attendees << a.toObject().value("email"_L1).toString();
    if (out.id.isEmpty())
        return { ClientErrorKind::Malformed, response.status, u"Google Calendar's reply names no event"_s };
    return {};
}

void addSendUpdates(QUrl& url, const QString& sendUpdates)
{
    if (!sendUpdates.isEmpty())
        url.setQuery(u"sendUpdates="_s + pathSegment(sendUpdates), QUrl::StrictMode);
}

} // namespace

QJsonObject calendarEventBody(const CalendarEventInput& e)
{
    QJsonObject body { { u"summary"_s, e.summary }, { u"start"_s, eventTime(e.start, e.timeZone) },
        { u"end"_s, eventTime(e.end, e.timeZone) } };
    if (!e.id.isEmpty())
        body.insert(u"id"_s, e.id);
    if (!e.description.isEmpty())
        body.insert(u"description"_s, e.description);
    if (!e.location.isEmpty())
        body.insert(u"location"_s, e.location);
    QJsonArray attendees;
    for (const QString& address : e.attendees)
        attendees.append(QJsonObject { { u"email"_s, address } });
    if (!attendees.isEmpty())
        body.insert(u"attendees"_s, attendees);
    return body;
}

GoogleCalendarClient::GoogleCalendarClient(HttpClient& http, ClientConfig config)
    : m_http(http)
    , m_config(std::move(config))
{
}

QUrl GoogleCalendarClient::eventsUrl(const QString& calendarId, const QString& eventId) const
{
    return apiUrl(m_config.baseUrl,
        u"calendars/"_s + pathSegment(calendarId) + u"/events"_s + (eventId.isEmpty() ? QString() : u'/' + pathSegment(eventId)));
}

void GoogleCalendarClient::freeBusy(const QDateTime& from, const QDateTime& to, const QStringList& calendarIds,
    const QString& timeZone, QObject* context, std::function<void(const ClientResult<FreeBusy>&)> done)
{
    QJsonArray items;
    for (const QString& id : calendarIds)
        items.append(QJsonObject { { u"id"_s, id } });
    QJsonObject body { { u"timeMin"_s, rfc3339(from) }, { u"timeMax"_s, rfc3339(to) }, { u"items"_s, items } };
    if (!timeZone.isEmpty())
        body.insert(u"timeZone"_s, timeZone);
    // A query that changes nothing: retried like a read.
    sendParsed<FreeBusy>(m_http, m_config, jsonPost(apiUrl(m_config.baseUrl, u"freeBusy"_s), body), context,
        std::move(done), [](const HttpResponse& response, FreeBusy& out) -> ClientError {
            const QJsonObject calendars = response.json.object().value("calendars"_L1).toObject();
            if (!response.json.object().value("calendars"_L1).isObject())
                return { ClientErrorKind::Malformed, response.status, u"Google Calendar's freeBusy reply has no calendars"_s };
            for (auto it = calendars.begin(); it != calendars.end(); ++it) {
                const QJsonObject c = it.value().toObject();
                QList<BusySlot>& slots = out.busy[it.key()];
                for (const QJsonValue& b : c.value("busy"_L1).toArray())
                    slots.append({ parseTime(b.toObject().value("start"_L1)), parseTime(b.toObject().value("end"_L1)) });
                for (const QJsonValue& e : c.value("errors"_L1).toArray())
                    out.errors[it.key()] << e.toObject().value("reason"_L1).toString();
            }
            return {};
        });
}

void GoogleCalendarClient::insertEvent(const QString& calendarId, const CalendarEventInput& event,
    const QString& sendUpdates, QObject* context, EventDone done)
{
    QUrl url = eventsUrl(calendarId);
    addSendUpdates(url, sendUpdates);
    HttpRequest request = jsonPost(url, calendarEventBody(event));
    // Without its own id a retried insert could book the meeting twice; with one, a repeat is refused (409).
    request.retry = !event.id.isEmpty();
    sendParsed<CalendarEventRecord>(m_http, m_config, std::move(request), context, std::move(done), parseEvent);
}

void GoogleCalendarClient::deleteEvent(const QString& calendarId, const QString& eventId, const QString& sendUpdates,
    QObject* context, std::function<void(const ClientResult<bool>&)> done)
{
    QUrl url = eventsUrl(calendarId, eventId);
    addSendUpdates(url, sendUpdates);
    sendParsed<bool>(m_http, m_config, bodylessRequest("DELETE", url), context, std::move(done),
        [](const HttpResponse&, bool& deleted) -> ClientError {
            deleted = true;
            return {};
        });
}

void GoogleCalendarClient::getEvent(const QString& calendarId, const QString& eventId, QObject* context, EventDone done)
{
    HttpRequest request;
    request.url = eventsUrl(calendarId, eventId);
    sendParsed<CalendarEventRecord>(m_http, m_config, std::move(request), context, std::move(done), parseEvent);
}

} // namespace caseyos
