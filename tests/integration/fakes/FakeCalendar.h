#pragma once

#include "FakeHttpServer.h"

#include <QDateTime>
#include <QMap>

namespace caseyos::test {

// Google Calendar v3 events.list on /calendars/primary/events as sync uses it (shapes from
// google-calendar.openapi.yaml): a full listing (timeMin, singleEvents, maxResults, pageToken) ends with a
// nextSyncToken; a listing with syncToken returns what changed since (cancelled events included); a token
// older than expireTokensBefore() answers 410 Gone.
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
    };

    explicit FakeCalendar(QString address, QObject* parent = nullptr);

    void putEvent(Event event); // creates or changes
    void cancelEvent(const QString& id);
    void expireTokens() { m_oldestValid = m_version + 1; } // every token handed out so far becomes invalid
    qint64 version() const { return m_version; }

protected:
    FakeReply handle(const FakeRequest& request) override;

private:
    QJsonObject toJson(const Event& event) const;

    QString m_address;
    QMap<QString, Event> m_events;
    qint64 m_version = 1;
    qint64 m_oldestValid = 0;
};

} // namespace caseyos::test
