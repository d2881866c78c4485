// book_meeting through the executor against FakeCalendar over HTTP, checking the server's events: the slot is
// the first free one in New York working hours (across the end of DST), the event carries the attendees, the
// zone and our own id, undo cancels it with notice to the attendees; failures are clear and retryable; after
// a crash an event that landed is found and one that did not is booked once.
#include "CrmExecutionFixture.h"

#include <QJsonArray>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

using ExecutionCalendar = CrmExecution;

QJsonObject meeting()
{
    return { { u"summary"_s, u"Acme renewal call"_s }, { u"description"_s, u"Pricing for 3 years"_s },
        { u"attendees"_s, QJsonArray { u"Ann@Acme.com"_s } }, { u"duration_minutes"_s, 30 } };
}

FakeCalendar::Event busy(const QString& id, const QDateTime& start, const QDateTime& end)
{
    FakeCalendar::Event e;
    e.id = id;
    e.summary = u"Busy"_s;
    e.start = start.toUTC();
    e.end = end.toUTC();
    return e;
}

} // namespace

TEST_F(ExecutionCalendar, BooksTheFirstFreeSlotInNewYorkHoursAcrossTheDstChangeAndUndoCancelsIt)
{
    // Friday afternoon is taken; DST ends on Sunday: Monday 09:00 New York is 14:00 UTC (Friday's was 13:00).
    calendar.putEvent(busy(u"review"_s, newYork(2026, 10, 30, 12, 30), newYork(2026, 10, 30, 17, 0)));
    const SubmitResult r = submit(ActionKind::BookMeeting, meeting());
    ASSERT_EQ(r.status, SubmitResult::Status::Started) << r.message.toStdString();
    const QString id = remoteToken(r.record->remoteKey);
    const QJsonObject body = r.preview.outgoing.value("body"_L1).toObject();
    EXPECT_EQ(body.value("id"_L1).toString(), id);
    EXPECT_FALSE(
        body.contains("start"_L1)); // not known before freeBusy answers: the preview says how it is found
    EXPECT_TRUE(
        r.preview.outgoing.value("slot"_L1).toString().contains(u"09:00–17:00 Mon–Fri America/New_York"_s))
        << r.preview.outgoing.value("slot"_L1).toString().toStdString();

    const ExecutionRecord done = finished(r.record->id);
    ASSERT_EQ(done.state, ExecutionState::Succeeded) << done.error.toStdString();
    EXPECT_EQ(done.remoteRef, id);
    const std::optional<FakeCalendar::Event> event = calendar.event(id);
    ASSERT_TRUE(event.has_value());
    EXPECT_EQ(event->start.toUTC(), QDateTime(QDate(2026, 11, 2), QTime(14, 0), QTimeZone::utc()));
    EXPECT_EQ(event->end.toUTC(), QDateTime(QDate(2026, 11, 2), QTime(14, 30), QTimeZone::utc()));
    EXPECT_EQ(event->timeZone, u"America/New_York"_s);
    EXPECT_EQ(event->attendees, QStringList { u"ann@acme.com"_s });
    EXPECT_EQ(event->summary, u"Acme renewal call"_s);
    EXPECT_EQ(event->description, u"Pricing for 3 years"_s);
    EXPECT_EQ(event->sendUpdates, u"all"_s);
    EXPECT_EQ(calendar.requestCount(u"/freeBusy"_s), 1);
    EXPECT_EQ(done.undoInfo.value("start"_L1).toString(), u"2026-11-02T14:00:00Z"_s);

    restart();
    const Result<ExecutionRecord> undone = undo(r.record->id);
    ASSERT_TRUE(undone.ok()) << undone.error().toStdString();
    EXPECT_EQ(calendar.event(id)->status, u"cancelled"_s);
    EXPECT_EQ(calendar.event(id)->sendUpdates, u"all"_s); // the attendees hear of it
    EXPECT_EQ(calendar.liveEventCount(), 1); // only the busy block is left
    EXPECT_EQ(record(r.record->id).state, ExecutionState::Undone);
}

TEST_F(ExecutionCalendar, AGivenStartAndZoneAreBookedAsTheyAre)
{
    QJsonObject p = meeting();
    p.insert(u"start"_s, u"2026-11-03T15:00:00Z"_s);
    p.insert(u"time_zone"_s, u"Europe/Berlin"_s);
    const SubmitResult r = submit(ActionKind::BookMeeting, p);
    const ExecutionRecord done = finished(r.record->id);
    ASSERT_EQ(done.state, ExecutionState::Succeeded) << done.error.toStdString();
    const auto event = calendar.event(done.remoteRef);
    ASSERT_TRUE(event.has_value());
    EXPECT_EQ(event->start.toUTC(), QDateTime(QDate(2026, 11, 3), QTime(15, 0), QTimeZone::utc()));
    EXPECT_EQ(event->timeZone, u"Europe/Berlin"_s);
    EXPECT_EQ(calendar.requestCount(u"/freeBusy"_s), 0);
}

TEST_F(ExecutionCalendar, FailuresAreClearAndARetryBooksOnce)
{
    QJsonObject badZone = meeting();
    badZone.insert(u"time_zone"_s, u"Mars/Olympus"_s);
    const ExecutionRecord zone = finished(submit(ActionKind::BookMeeting, badZone).record->id);
    EXPECT_EQ(zone.state, ExecutionState::Failed);
    EXPECT_TRUE(zone.error.startsWith(u"Unknown time zone \"Mars/Olympus\""_s)) << zone.error.toStdString();

    // The whole week is taken: no slot, nothing booked.
    calendar.putEvent(busy(u"offsite"_s, newYork(2026, 10, 30, 0, 0), newYork(2026, 11, 7, 0, 0)));
    QJsonObject longer = meeting();
    longer.insert(u"duration_minutes"_s, 45);
    const ExecutionRecord full = finished(submit(ActionKind::BookMeeting, longer).record->id);
    EXPECT_EQ(full.error,
        u"No free 45-minute slot in your working hours (09:00–17:00 Mon–Fri America/New_York) in the next 7 "
        u"days: "
        "give a start time"_s);
    calendar.cancelEvent(u"offsite"_s);

    // Google refuses the insert (403): one clear sentence, no token, no URL; the retry asks first, then books
    // once.
    calendar.addFault({ FakeFault::Kind::Status, 403, {}, u"/events"_s });
    const SubmitResult first = submit(ActionKind::BookMeeting, meeting());
    const ExecutionRecord refused = finished(first.record->id);
    ASSERT_EQ(refused.state, ExecutionState::Failed);
    EXPECT_TRUE(refused.error.startsWith(u"Could not book the meeting in Google Calendar: "_s))
        << refused.error.toStdString();
    EXPECT_TRUE(refused.error.contains(u"HTTP 403"_s)) << refused.error.toStdString();
    EXPECT_FALSE(refused.error.contains(u"crm-test-token"_s));
    EXPECT_FALSE(refused.error.contains(u"http://"_s));
    EXPECT_EQ(calendar.liveEventCount(), 0);

    submit(ActionKind::BookMeeting, meeting());
    const ExecutionRecord retried = finished(first.record->id);
    ASSERT_EQ(retried.state, ExecutionState::Succeeded) << retried.error.toStdString();
    EXPECT_EQ(retried.attempts, 2);
    EXPECT_EQ(calendar.liveEventCount(), 1);
    EXPECT_TRUE(calendar.event(remoteToken(first.record->remoteKey)).has_value());
}

TEST_F(ExecutionCalendar, ARepeatedInsertTakesTheEventAlreadyBooked)
{
    // A reply lost after Google booked it: the same run again meets our own id (409) and takes that event.
    const ExecutionRecord row = orphan(ActionKind::BookMeeting, meeting());
    const PerformResult first = performDirectly(ActionKind::BookMeeting, row.payload, row.remoteKey);
    ASSERT_TRUE(first.ok) << first.error.toStdString();
    const PerformResult again = performDirectly(ActionKind::BookMeeting, row.payload, row.remoteKey);
    ASSERT_TRUE(again.ok) << again.error.toStdString();
    EXPECT_EQ(again.remoteRef, first.remoteRef);
    EXPECT_EQ(calendar.statusCount(409), 1);
    EXPECT_EQ(calendar.liveEventCount(), 1);
}

TEST_F(ExecutionCalendar, ReconcileFindsTheBookedMeetingAndBooksTheLostOneOnce)
{
    const ExecutionRecord landed = orphan(ActionKind::BookMeeting, meeting());
    ASSERT_TRUE(performDirectly(ActionKind::BookMeeting, landed.payload, landed.remoteKey).ok);
    QJsonObject other = meeting();
    other.insert(u"summary"_s, u"Follow-up"_s);
    const ExecutionRecord lost = orphan(ActionKind::BookMeeting, other);
    ASSERT_EQ(calendar.liveEventCount(), 1);

    restartAndReconcile();

    const ExecutionRecord found = record(landed.id);
    EXPECT_EQ(found.state, ExecutionState::Succeeded) << found.error.toStdString();
    EXPECT_EQ(found.attempts, 1);
    EXPECT_EQ(found.remoteRef, remoteToken(landed.remoteKey));
    const ExecutionRecord rerun = record(lost.id);
    EXPECT_EQ(rerun.state, ExecutionState::Succeeded) << rerun.error.toStdString();
    EXPECT_EQ(rerun.attempts, 2);
    EXPECT_EQ(calendar.liveEventCount(), 2);
    EXPECT_EQ(calendar.statusCount(409), 0); // nothing was inserted twice
    // The first booking took Friday 12:30 New York (the clock says 12:10); the lost one, booked now, the next
    // half hour.
    EXPECT_EQ(calendar.event(found.remoteRef)->start.toUTC(), newYork(2026, 10, 30, 12, 30).toUTC());
    EXPECT_EQ(calendar.event(rerun.remoteRef)->start.toUTC(), newYork(2026, 10, 30, 13, 0).toUTC());
}
