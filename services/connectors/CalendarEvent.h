#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace caseyos {

// What sync needs of one Google Calendar event (events.list item).
struct CalendarEventInfo
{
    QString id;
    QString status; // confirmed | tentative | cancelled
    QString summary;
    QDateTime start; // invalid for all-day events (date only) — those are not meetings
    QDateTime end;
    QDateTime updated;
    QString attendeeEmail; // the first other attendee who has not declined
    QString attendeeName;
    int otherAttendees = 0; // others who have not declined

    bool isCancelled() const { return status == QStringLiteral("cancelled"); }
    // A timed event with at least one other person still coming.
    bool isMeeting() const
    {
        return !isCancelled() && start.isValid() && end.isValid() && otherAttendees > 0;
    }
};

// nullopt without an id. `ownEmail` (lowercase) marks the user among the attendees besides the "self" flag.
std::optional<CalendarEventInfo> parseCalendarEvent(const QJsonObject& event, const QString& ownEmail);

} // namespace caseyos
