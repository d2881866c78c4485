#include "connectors/CalendarEvent.h"

#include "core/Timestamps.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QDateTime timeOf(const QJsonObject& when)
{
    const QString text = when.value(u"dateTime"_s).toString();
    if (text.isEmpty())
        return {};
    const auto parsed = parseIsoDateTime(text);
    return parsed ? parsed->toUTC() : QDateTime();
}

} // namespace

std::optional<CalendarEventInfo> parseCalendarEvent(const QJsonObject& event, const QString& ownEmail)
{
    CalendarEventInfo info;
    info.id = event.value(u"id"_s).toString();
    if (info.id.isEmpty())
        return std::nullopt;
    info.status = event.value(u"status"_s).toString(u"confirmed"_s);
    info.summary = event.value(u"summary"_s).toString();
    info.start = timeOf(event.value(u"start"_s).toObject());
    info.end = timeOf(event.value(u"end"_s).toObject());
    if (const auto updated = parseIsoDateTime(event.value(u"updated"_s).toString()))
        info.updated = updated->toUTC();
    for (const QJsonValue& value : event.value(u"attendees"_s).toArray()) {
        const QJsonObject attendee = value.toObject();
        const QString email = attendee.value(u"email"_s).toString().trimmed().toLower();
        if (attendee.value(u"self"_s).toBool() || attendee.value(u"resource"_s).toBool() || email.isEmpty()
            || (!ownEmail.isEmpty() && email == ownEmail))
            continue;
        if (attendee.value(u"responseStatus"_s).toString() == u"declined"_s)
            continue;
        if (info.otherAttendees++ == 0) {
            info.attendeeEmail = email;
            info.attendeeName = attendee.value(u"displayName"_s).toString();
        }
    }
    return info;
}

} // namespace caseyos
