// Rules for calendar/meeting_scheduled and calendar/meeting_ended (PRODUCT.md §3).
#include "RulesTestSupport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

TEST(CalendarRule, MeetingWithinADayIsUrgentPrepDueAnHourBefore)
{
    // occurred 09:00Z, starts 14:00Z the same day.
    const Move m = expectMove(makeSignal("calendar", "meeting_scheduled",
        R"({"event_id":"ev-1","title":"Acme demo","start":"2026-11-25T14:00:00Z","end":"2026-11-25T14:30:00Z",
            "attendee_email":"dana@acme.com","name":"Dana Lee","company":"Acme"})"));
    EXPECT_EQ(m.actionType, u"meeting_prep"_s);
    EXPECT_EQ(m.title, u"Prepare for “Acme demo” with Dana Lee"_s); // company already in the title
    expectComponents(m, 0.7, 0.9, 0.4, 0.6);
    EXPECT_DOUBLE_EQ(m.aps, 71.5); // 28 + 22.5 + 9 + 12
    EXPECT_EQ(m.dueBy, QDateTime(QDate(2026, 11, 25), QTime(13, 0), Qt::UTC));
    EXPECT_EQ(m.contactEmail, u"dana@acme.com"_s);
    EXPECT_EQ(m.domain, u"sales"_s);
    EXPECT_EQ(m.actionContext.value("event_id"_L1).toString(), u"ev-1"_s);
    EXPECT_EQ(m.actionContext.value("start"_L1).toString(), u"2026-11-25T14:00:00.000Z"_s);
    EXPECT_EQ(m.actionContext.value("end"_L1).toString(), u"2026-11-25T14:30:00.000Z"_s);
    EXPECT_EQ(m.actionContext.value("attendees"_L1).toArray(), QJsonArray { u"dana@acme.com"_s });
}

TEST(CalendarRule, UrgencyBoundaryAt24Hours)
{
    // Exactly 24 h after occurred_at still counts as "within a day".
    const Move atBoundary = expectMove(
        makeSignal("calendar", "meeting_scheduled", R"({"event_id":"e","start":"2026-11-26T09:00:00Z"})"));
    EXPECT_DOUBLE_EQ(atBoundary.components.urgency, 0.9);
    const Move later = expectMove(
        makeSignal("calendar", "meeting_scheduled", R"({"event_id":"e","start":"2026-11-26T09:00:01Z"})"));
    EXPECT_DOUBLE_EQ(later.components.urgency, 0.6);
    EXPECT_DOUBLE_EQ(later.aps, 64.0); // 28 + 15 + 9 + 12
    EXPECT_EQ(later.title, u"Prepare for the meeting"_s);
}

TEST(CalendarRule, GoogleShapedStartAndAttendees)
{
    const Move m = expectMove(makeSignal("calendar", "meeting_scheduled",
        R"({"event_id":"e","summary":"Pipeline review","start":{"dateTime":"2026-11-25T10:00:00-05:00"},
            "attendees":[{"email":"me@mine.com","self":true},{"email":"Raj@Globex.com","displayName":"Raj Patel"},
                         "bo@globex.com"]})"));
    EXPECT_EQ(m.dueBy, QDateTime(QDate(2026, 11, 25), QTime(14, 0), Qt::UTC)); // 15:00Z − 1 h
    EXPECT_EQ(m.contactEmail, u"raj@globex.com"_s); // the first attendee who is not the user
    EXPECT_EQ(m.title, u"Prepare for “Pipeline review” with Raj Patel"_s);
    // All attendees, the contact first.
    EXPECT_EQ(m.actionContext.value("attendees"_L1).toArray(),
        (QJsonArray { u"raj@globex.com"_s, u"me@mine.com"_s, u"bo@globex.com"_s }));
}

TEST(CalendarRule, MeetingEndedIsFollowUpFourHoursAfterTheEnd)
{
    const Move m = expectMove(makeSignal("calendar", "meeting_ended",
        R"({"event_id":"ev-1","title":"Acme demo","end":"2026-11-25T15:30:00+01:00","email":"dana@acme.com",
            "name":"Dana Lee","company":"Initech"})"));
    EXPECT_EQ(m.actionType, u"meeting_follow_up"_s);
    EXPECT_EQ(m.title, u"Follow up on “Acme demo” with Dana Lee (Initech)"_s);
    expectComponents(m, 0.9, 0.8, 0.4, 0.8);
    EXPECT_DOUBLE_EQ(m.aps, 81.0); // 36 + 20 + 9 + 16
    EXPECT_EQ(m.dueBy, QDateTime(QDate(2026, 11, 25), QTime(18, 30), Qt::UTC));
}

TEST(CalendarRule, NeedsEventIdAndTheTime)
{
    EXPECT_EQ(
        expectIgnored(makeSignal("calendar", "meeting_scheduled", R"({"start":"2026-11-25T14:00:00Z"})")),
        u"meeting_scheduled needs an event_id"_s);
    EXPECT_TRUE(expectIgnored(makeSignal("calendar", "meeting_scheduled", R"({"event_id":"e"})"))
                    .startsWith(u"meeting_scheduled needs a start"_s));
    EXPECT_TRUE(
        expectIgnored(makeSignal("calendar", "meeting_scheduled", R"({"event_id":"e","start":"soon"})"))
            .startsWith(u"meeting_scheduled needs a start"_s));
    EXPECT_TRUE(
        expectIgnored(makeSignal("calendar", "meeting_ended", R"({"event_id":"e","start":"2026-11-25"})"))
            .startsWith(u"meeting_ended needs an end"_s));
    EXPECT_EQ(expectIgnored(makeSignal("calendar", "meeting_cancelled", R"({"event_id":"e"})")),
        u"no rule for calendar/meeting_cancelled"_s);
}
