#include "FakeCalendar.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

QString rfc3339(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

FakeCalendar::FakeCalendar(QString address, QObject* parent)
    : FakeHttpServer(parent)
    , m_address(std::move(address))
{
}

void FakeCalendar::putEvent(Event event)
{
    event.version = ++m_version;
    m_events.insert(event.id, event);
}

void FakeCalendar::cancelEvent(const QString& id)
{
    auto it = m_events.find(id);
    if (it == m_events.end())
        return;
    it->status = u"cancelled"_s;
    it->version = ++m_version;
}

QJsonObject FakeCalendar::toJson(const Event& e) const
{
    QJsonObject json { { u"kind"_s, u"calendar#event"_s }, { u"id"_s, e.id }, { u"status"_s, e.status },
        { u"updated"_s, rfc3339(QDateTime::currentDateTimeUtc()) } };
    if (e.status == u"cancelled"_s)
        return json; // Google sends only the id and status of a deleted event in a sync listing
    QJsonArray attendees { QJsonObject { { u"email"_s, m_address }, { u"self"_s, true },
        { u"organizer"_s, true }, { u"responseStatus"_s, u"accepted"_s } } };
    for (const QString& a : e.attendees)
        attendees.append(QJsonObject { { u"email"_s, a }, { u"responseStatus"_s, u"needsAction"_s } });
    json.insert(u"summary"_s, e.summary);
    json.insert(u"start"_s, QJsonObject { { u"dateTime"_s, rfc3339(e.start) }, { u"timeZone"_s, e.timeZone } });
    json.insert(u"end"_s, QJsonObject { { u"dateTime"_s, rfc3339(e.end) }, { u"timeZone"_s, e.timeZone } });
    json.insert(u"htmlLink"_s, QString(u"https://www.google.com/calendar/event?eid="_s + e.id));
    if (!e.description.isEmpty())
        json.insert(u"description"_s, e.description);
    json.insert(u"attendees"_s, attendees);
    json.insert(u"organizer"_s, QJsonObject { { u"email"_s, m_address }, { u"self"_s, true } });
    return json;
}

FakeReply FakeCalendar::handle(const FakeRequest& request)
{
    if (request.header("authorization").isEmpty())
        return FakeReply::json(401, QByteArray(R"({"error":{"code":401,"message":"Login Required."}})"));
    if (request.path == u"/freeBusy"_s && request.method == "POST")
        return freeBusy(request);
    const QString events = u"/calendars/primary/events"_s;
    const QString path = QUrl::fromPercentEncoding(request.path.toUtf8()); // the address's '@' either way
    for (const QString& prefix : { events, QString(u"/calendars/"_s + m_address + u"/events"_s) }) {
        if (path == prefix && request.method == "POST")
            return insert(request);
        if (path.startsWith(prefix + u'/') && path.count(u'/') == 4)
            return eventById(path.mid(prefix.size() + 1), request);
    }
    if (request.path != events || request.method != "GET")
        return notFound();
    const QString token = request.query.queryItemValue(u"syncToken"_s);
    const int max = qBound(1, request.query.queryItemValue(u"maxResults"_s).toInt(), 2500);
    // Page tokens carry the offset and the version the listing started at, so pages stay consistent.
    const QStringList page = request.query.queryItemValue(u"pageToken"_s).split(u'-');
    const int offset = page.value(0).toInt();
    qint64 since = 0;
    if (!token.isEmpty()) {
        since = token.mid(4).toLongLong();
        if (!token.startsWith(u"tok-"_s) || since < m_oldestValid)
            return FakeReply::json(410,
                QByteArray(
                    R"({"error":{"code":410,"message":"Sync token is no longer valid, a full sync is required.",)"
                    R"("errors":[{"domain":"calendar","reason":"fullSyncRequired"}]}})"));
    }
    QDateTime timeMin;
    if (token.isEmpty() && request.query.hasQueryItem(u"timeMin"_s))
        timeMin = QDateTime::fromString(request.query.queryItemValue(u"timeMin"_s), Qt::ISODateWithMs);
    QList<const Event*> matching;
    for (const Event& e : m_events) {
        if (!token.isEmpty()) {
            if (e.version > since)
                matching.append(&e);
        } else if (e.status != u"cancelled"_s && (!timeMin.isValid() || e.end >= timeMin)) {
            matching.append(&e);
        }
    }
    QJsonArray items;
    for (qsizetype i = offset; i < matching.size() && i < offset + max; ++i)
        items.append(toJson(*matching[i]));
    QJsonObject body { { u"kind"_s, u"calendar#events"_s }, { u"summary"_s, m_address },
        { u"items"_s, items } };
    if (offset + max < matching.size())
        body.insert(u"nextPageToken"_s, QString::number(offset + max));
    else
        body.insert(u"nextSyncToken"_s, u"tok-%1"_s.arg(m_version));
    return FakeReply::json(200, QJsonDocument(body));
}

} // namespace caseyos::test
