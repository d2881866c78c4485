#pragma once

#include "connectors/clients/ClientTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace caseyos {

class HttpClient;

struct BusySlot
{
    QDateTime start; // UTC
    QDateTime end;
};

// freeBusy's answer per calendar id: the busy intervals, or the reasons Google could not tell (e.g. notFound).
struct FreeBusy
{
    QMap<QString, QList<BusySlot>> busy;
    QMap<QString, QStringList> errors;
};

// What events.insert needs for a meeting (book_meeting).
struct CalendarEventInput
{
    QString id; // optional client-chosen id (base32hex, 5–1024 chars): inserting it twice answers 409, never twice
    QString summary;
    QString description;
    QString location;
    QDateTime start;
    QDateTime end;
    QString timeZone; // IANA name, e.g. "Europe/Berlin": the event's zone as attendees see it
    QStringList attendees; // email addresses
};

// An event as events.get / events.insert return it.
struct CalendarEventRecord
{
    QString id;
    QString status; // confirmed, tentative, cancelled
    QString summary;
    QString htmlLink;
    QDateTime start;
    QDateTime end;
    QString timeZone;
    QStringList attendees;
};

// Google Calendar v3 writes for the executor (base https://www.googleapis.com/calendar/v3), with the Google
// account's OAuth token: freeBusy, events.insert / delete / get. sendUpdates: "all", "externalOnly" or "none".
// insertEvent is never retried unless the input carries its own id (then a repeat is refused with 409 instead of
// creating a second event); freeBusy (a query), get and delete go through HttpClient's retry policy. Deleting an
// event that is already gone answers 410 (Rejected, status 410).
class GoogleCalendarClient
{
public:
    using EventDone = std::function<void(const ClientResult<CalendarEventRecord>&)>;

    GoogleCalendarClient(HttpClient& http, ClientConfig config);

    void freeBusy(const QDateTime& from, const QDateTime& to, const QStringList& calendarIds, const QString& timeZone,
        QObject* context, std::function<void(const ClientResult<FreeBusy>&)> done);
    void insertEvent(const QString& calendarId, const CalendarEventInput& event, const QString& sendUpdates,
        QObject* context, EventDone done);
    void deleteEvent(const QString& calendarId, const QString& eventId, const QString& sendUpdates, QObject* context,
        std::function<void(const ClientResult<bool>&)> done);
    void getEvent(const QString& calendarId, const QString& eventId, QObject* context, EventDone done);

private:
    QUrl eventsUrl(const QString& calendarId, const QString& eventId = {}) const;

    HttpClient& m_http;
    ClientConfig m_config;
};

// The events.insert body for `event` (RFC 3339 times in UTC with the event's time zone named).
QJsonObject calendarEventBody(const CalendarEventInput& event);

} // namespace caseyos
