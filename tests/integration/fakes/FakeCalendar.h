#pragma once

#include "FakeHttpServer.h"

#include <QDateTime>
#include <QMap>
#include <optional>

namespace caseyos::test {

// Google Calendar v3 events.list on /calendars/primary/events as sync uses it (shapes from
// google-calendar.openapi.yaml): a full listing (timeMin, singleEvents, maxResults, pageToken) ends with a
// nextSyncToken; a listing with syncToken returns what changed since (cancelled events included); a token
// older than expireTokensBefore() answers 410 Gone. And what the executor's client writes
// (FakeCalendarWrites.cpp): POST /freeBusy over the stored events, events insert (client ids: base32hex, 5–1024
// characters, else 400; a repeat is 409), get and delete (a second delete is 410) on calendar "primary" or the
// user's address.
class FakeCalendar final : public FakeHttpServer
{
    Q_OBJECT
public:
    struct Event
    {
        QString id;
        QString status = QStringLiteral("confirmed");
        QString summary;
        QDateTime start;
        QDateTime end;
        QStringList attendees; // other people's addresses
        qint64 version = 0; // the change counter when last changed
        QString timeZone = QStringLiteral("UTC");
        QString description;
        QString sendUpdates; // as the insert asked ("" when not given)
    };

    explicit FakeCalendar(QString address, QObject* parent = nullptr);

    void putEvent(Event event); // creates or changes
    void cancelEvent(const QString& id);
    void expireTokens() { m_oldestValid = m_version + 1; } // every token handed out so far becomes invalid
    qint64 version() const { return m_version; }
    std::optional<Event> event(const QString& id) const;
    int liveEventCount() const; // not cancelled

protected:
    FakeReply handle(const FakeRequest& request) override;

private:
    QJsonObject toJson(const Event& event) const;
    FakeReply freeBusy(const FakeRequest& request) const;
    FakeReply insert(const FakeRequest& request);
    FakeReply eventById(const QString& id, const FakeRequest& request);

    QString m_address;
    QMap<QString, Event> m_events;
    qint64 m_version = 1;
    qint64 m_oldestValid = 0;
    int m_nextId = 1;
};

} // namespace caseyos::test
