// FakeCalendar's freeBusy, events insert / get / delete, with the state tests check afterwards.
#include "FakeCalendar.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

FakeReply googleError(int status, const QString& reason, const QString& message)
{
    const QJsonObject error { { u"code"_s, status }, { u"message"_s, message },
        { u"errors"_s, QJsonArray { QJsonObject { { u"domain"_s, u"global"_s }, { u"reason"_s, reason }, { u"message"_s, message } } } } };
    return FakeReply::json(status, QJsonDocument(QJsonObject { { u"error"_s, error } }));
}

QDateTime parseTime(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

std::optional<FakeCalendar::Event> FakeCalendar::event(const QString& id) const
{
    const auto it = m_events.constFind(id);
    return it == m_events.cend() ? std::nullopt : std::optional<Event>(*it);
}

int FakeCalendar::liveEventCount() const
{
    return int(std::count_if(m_events.cbegin(), m_events.cend(), [](const Event& e) { return e.status != u"cancelled"_s; }));
}

FakeReply FakeCalendar::freeBusy(const FakeRequest& request) const
{
    const QJsonObject body = request.json().object();
    const QDateTime from = parseTime(body.value(u"timeMin"_s));
    const QDateTime to = parseTime(body.value(u"timeMax"_s));
    if (!from.isValid() || !to.isValid() || to <= from)
        return googleError(400, u"timeRangeEmpty"_s, u"The specified time range is empty."_s);
    QJsonObject calendars;
    for (const QJsonValue& item : body.value(u"items"_s).toArray()) {
        const QString id = item.toObject().value(u"id"_s).toString();
        if (id != u"primary"_s && id != m_address) {
            calendars.insert(id, QJsonObject { { u"busy"_s, QJsonArray {} },
                { u"errors"_s, QJsonArray { QJsonObject { { u"domain"_s, u"global"_s }, { u"reason"_s, u"notFound"_s } } } } });
            continue;
        }
        QList<const Event*> busy;
        for (const Event& e : m_events) {
            if (e.status != u"cancelled"_s && e.start < to && e.end > from)
                busy.append(&e);
        }
        std::sort(busy.begin(), busy.end(), [](const Event* a, const Event* b) { return a->start < b->start; });
        QJsonArray slots;
        for (const Event* e : busy)
            slots.append(QJsonObject { { u"start"_s, e->start.toUTC().toString(Qt::ISODate) },
                { u"end"_s, e->end.toUTC().toString(Qt::ISODate) } });
        calendars.insert(id, QJsonObject { { u"busy"_s, slots } });
    }
    return FakeReply::json(200,
        QJsonDocument(QJsonObject { { u"kind"_s, u"calendar#freeBusy"_s }, { u"timeMin"_s, body.value(u"timeMin"_s) },
            { u"timeMax"_s, body.value(u"timeMax"_s) }, { u"calendars"_s, calendars } }));
}

FakeReply FakeCalendar::insert(const FakeRequest& request)
{
    const QJsonDocument doc = request.json();
    if (!doc.isObject())
        return googleError(400, u"parseError"_s, u"Parse Error"_s);
    const QJsonObject body = doc.object();
    Event e;
    e.id = body.value(u"id"_s).toString();
    // A client-chosen id is base32hex (lowercase a-v and digits), 5 to 1024 characters, as Google requires.
    static const QRegularExpression validId(u"^[0-9a-v]{5,1024}$"_s);
    if (e.id.isEmpty())
        e.id = u"evt%1"_s.arg(m_nextId++);
    else if (!validId.match(e.id).hasMatch())
        return googleError(400, u"invalid"_s, u"Invalid resource id value."_s);
    else if (m_events.contains(e.id))
        return googleError(409, u"duplicate"_s, u"The requested identifier already exists."_s);
    e.summary = body.value(u"summary"_s).toString();
    e.description = body.value(u"description"_s).toString();
    e.start = parseTime(body.value(u"start"_s).toObject().value(u"dateTime"_s));
    e.end = parseTime(body.value(u"end"_s).toObject().value(u"dateTime"_s));
    e.timeZone = body.value(u"start"_s).toObject().value(u"timeZone"_s).toString(u"UTC"_s);
    if (!e.start.isValid() || !e.end.isValid())
        return googleError(400, u"required"_s, u"Missing end time."_s);
    if (e.end <= e.start)
        return googleError(400, u"timeRangeEmpty"_s, u"The specified time range is empty."_s);
    for (const QJsonValue& a : body.value(u"attendees"_s).toArray()) {
        const QString address = a.toObject().value(u"email"_s).toString();
        if (!address.contains(u'@'))
            return googleError(400, u"invalid"_s, u"Invalid attendee email."_s);
        if (address != m_address)
            e.attendees << address;
    }
    e.sendUpdates = request.query.queryItemValue(u"sendUpdates"_s);
    e.version = ++m_version;
    m_events.insert(e.id, e);
    return FakeReply::json(200, QJsonDocument(toJson(e)));
}

FakeReply FakeCalendar::eventById(const QString& id, const FakeRequest& request)
{
    auto it = m_events.find(id);
    if (it == m_events.end())
        return notFound(u"Not Found"_s);
    if (request.method == "GET")
        return FakeReply::json(200, QJsonDocument(toJson(*it)));
    if (request.method == "DELETE") {
        if (it->status == u"cancelled"_s)
            return googleError(410, u"deleted"_s, u"Resource has been deleted"_s);
        cancelEvent(id);
        it->sendUpdates = request.query.queryItemValue(u"sendUpdates"_s);
        return FakeReply { 204, {}, {} };
    }
    return googleError(405, u"methodNotAllowed"_s, u"Method not allowed"_s);
}

} // namespace caseyos::test
