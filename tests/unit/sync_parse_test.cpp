// The connectors' pure parts: mail address and Gmail message parsing, bounce recognition, HubSpot pipelines
// and stage-change classification by display order, Calendar event parsing, the HubSpot cursor.
#include "connectors/CalendarEvent.h"
#include "connectors/GmailMessage.h"
#include "connectors/HubspotCursor.h"
#include "connectors/HubspotPipelines.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

TEST(SyncParse, MailAddresses)
{
    EXPECT_EQ(parseMailAddress(u"Ann Lee <Ann@Acme.COM>"_s).email, u"ann@acme.com"_s);
    EXPECT_EQ(parseMailAddress(u"Ann Lee <Ann@Acme.COM>"_s).name, u"Ann Lee"_s);
    EXPECT_EQ(parseMailAddress(u"\"Lee, Ann\" <ann@acme.com>"_s).name, u"Lee, Ann"_s);
    EXPECT_EQ(parseMailAddress(u"bob@beta.io"_s).email, u"bob@beta.io"_s);
    EXPECT_TRUE(parseMailAddress(u"undisclosed-recipients:;"_s).email.isEmpty());
    EXPECT_EQ(firstEmailIn(u"to me@x.com and bob@gone.org"_s, u"ME@x.com"_s), u"bob@gone.org"_s);
}

TEST(SyncParse, GmailMessageMetadataAndBounces)
{
    const auto message = parseGmailMessage(json(R"j({"id":"m1","threadId":"t1","labelIds":["INBOX"],
        "snippet":"Your message wasn't delivered to carl@nowhere.net because the address couldn't be found",
        "internalDate":"1790000000000","payload":{"headers":[
        {"name":"From","value":"Mail Delivery Subsystem <mailer-daemon@googlemail.com>"},
        {"name":"Subject","value":"Delivery Status Notification (Failure)"}]}})j"));
    ASSERT_TRUE(message.has_value());
    EXPECT_TRUE(message->isBounce());
    EXPECT_FALSE(message->isSent());
    EXPECT_EQ(message->bouncedRecipient(u"casey@example.com"_s), u"carl@nowhere.net"_s);
    EXPECT_EQ(message->internalDate.toMSecsSinceEpoch(), 1790000000000);

    const auto postmaster = parseGmailMessage(json(R"j({"id":"m2","threadId":"t2","payload":{"headers":[
        {"name":"from","value":"postmaster@corp.com"},{"name":"X-Failed-Recipients","value":"Dee@Corp.com"}]}})j"));
    ASSERT_TRUE(postmaster.has_value());
    EXPECT_TRUE(postmaster->isBounce());
    EXPECT_EQ(postmaster->bouncedRecipient({}), u"dee@corp.com"_s);

    const auto person = parseGmailMessage(json(R"j({"id":"m3","threadId":"t3","labelIds":["SENT"],
        "payload":{"headers":[{"name":"From","value":"Postmaster General Fan <fan@club.org>"}]}})j"));
    ASSERT_TRUE(person.has_value());
    EXPECT_FALSE(person->isBounce());
    EXPECT_TRUE(person->isSent());

    EXPECT_FALSE(parseGmailMessage(json(R"j({"id":"m4"})j")).has_value()); // no threadId
}

TEST(SyncParse, StageChangesFollowDisplayOrderAndClosedStages)
{
    // A custom pipeline whose display order is the reverse of the alphabet of its ids.
    const HubspotPipelines pipelines = HubspotPipelines::fromJson(json(R"j({"results":[{"id":"p1","stages":[
        {"id":"zeta","label":"First","displayOrder":0,"metadata":{"isClosed":"false","probability":"0.1"}},
        {"id":"mid","label":"Second","displayOrder":1,"metadata":{"isClosed":"false","probability":"0.5"}},
        {"id":"alpha","label":"Third","displayOrder":2,"metadata":{"isClosed":"false","probability":"0.8"}},
        {"id":"signed","label":"Won","displayOrder":3,"metadata":{"isClosed":"true","probability":"1.0"}},
        {"id":"gone","label":"Lost","displayOrder":4,"metadata":{"isClosed":"true","probability":"0.0"}}]}]})j"));
    EXPECT_EQ(pipelines.classify(u"p1"_s, u"zeta"_s, u"p1"_s, u"alpha"_s), StageChange::Advanced);
    EXPECT_EQ(pipelines.classify(u"p1"_s, u"alpha"_s, u"p1"_s, u"mid"_s), StageChange::Regressed);
    EXPECT_EQ(pipelines.classify(u"p1"_s, u"mid"_s, u"p1"_s, u"signed"_s), StageChange::Won);
    // A closed-lost stage is lost even though it comes last in the display order.
    EXPECT_EQ(pipelines.classify(u"p1"_s, u"mid"_s, u"p1"_s, u"gone"_s), StageChange::Lost);
    EXPECT_EQ(pipelines.classify(u"p1"_s, u"mid"_s, u"p1"_s, u"mid"_s), StageChange::None);
    EXPECT_EQ(pipelines.classify(u"p1"_s, u"mid"_s, u"p1"_s, u"unknown"_s), StageChange::None);
    // Without pipelines, HubSpot's default closed ids still read as won / lost.
    const HubspotPipelines none;
    EXPECT_EQ(none.classify(u"default"_s, u"x"_s, u"default"_s, u"closedwon"_s), StageChange::Won);
    EXPECT_EQ(none.classify(u"default"_s, u"x"_s, u"default"_s, u"closedlost"_s), StageChange::Lost);
    EXPECT_EQ(pipelines.stage(u"p1"_s, u"alpha"_s)->label, u"Third"_s);
}

TEST(SyncParse, CalendarEvents)
{
    const auto meeting = parseCalendarEvent(json(R"j({"id":"e1","status":"confirmed","summary":"Demo",
        "start":{"dateTime":"2026-11-25T10:00:00+01:00"},"end":{"dateTime":"2026-11-25T10:30:00+01:00"},
        "attendees":[{"email":"casey@example.com","self":true},{"email":"room@r.com","resource":true},
        {"email":"No@Thanks.com","responseStatus":"declined"},{"email":"Ann@Acme.com","displayName":"Ann"}]})j"),
        u"casey@example.com"_s);
    ASSERT_TRUE(meeting.has_value());
    EXPECT_TRUE(meeting->isMeeting());
    EXPECT_EQ(meeting->attendeeEmail, u"ann@acme.com"_s);
    EXPECT_EQ(meeting->attendeeName, u"Ann"_s);
    EXPECT_EQ(meeting->otherAttendees, 1);
    EXPECT_EQ(meeting->start.toUTC().time().hour(), 9);

    const auto allDay = parseCalendarEvent(json(R"j({"id":"e2","start":{"date":"2026-11-25"},
        "end":{"date":"2026-11-26"},"attendees":[{"email":"a@b.com"}]})j"),
        {});
    ASSERT_TRUE(allDay.has_value());
    EXPECT_FALSE(allDay->isMeeting());
    const auto cancelled = parseCalendarEvent(json(R"j({"id":"e3","status":"cancelled"})j"), {});
    ASSERT_TRUE(cancelled.has_value());
    EXPECT_TRUE(cancelled->isCancelled());
    EXPECT_FALSE(cancelled->isMeeting());
}

TEST(SyncParse, HubspotCursorSkipsWhatWasSyncedAtTheSameMillisecond)
{
    HubspotCursor cursor = HubspotCursor::parse(u"not json"_s);
    EXPECT_TRUE(cursor.isEmpty());
    cursor.advance(10, u"a"_s);
    cursor.advance(10, u"b"_s);
    EXPECT_TRUE(cursor.alreadySynced(10, u"a"_s));
    EXPECT_FALSE(cursor.alreadySynced(10, u"c"_s));
    EXPECT_TRUE(cursor.alreadySynced(9, u"z"_s));
    cursor.advance(11, u"c"_s);
    EXPECT_EQ(cursor.idsAtSince, QSet<QString> { u"c"_s });
    EXPECT_EQ(HubspotCursor::parse(cursor.toText()).toText(), cursor.toText());
    EXPECT_EQ(hubspotTimeMs(u"2026-11-25T10:00:00.250Z"_s), 1795600800250);
    EXPECT_EQ(hubspotTimeMs(u"garbage"_s), 0);
}
