// The executor's write clients (HubspotCrmClient, GoogleCalendarClient) against the stateful FakeHubspot and
// FakeCalendar: every call changes (or reads) the fake's state as the real API would, and the error replies
// (401, 404, 429 with Retry-After, malformed JSON) come back as clear ClientErrors — creating is never retried.
#include "FakeCalendar.h"
#include "FakeClock.h"
#include "FakeHubspot.h"
#include "WaitFor.h"
#include "connectors/clients/GoogleCalendarClient.h"
#include "connectors/clients/HubspotCrmClient.h"
#include "net/HttpClient.h"

#include <gtest/gtest.h>

#include <optional>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

const QString kAddress = u"casey@example.com"_s;

template<typename T, typename Call>
ClientResult<T> await(Call call)
{
    std::optional<ClientResult<T>> result;
    call([&result](const ClientResult<T>& r) { result = r; });
    EXPECT_TRUE(waitFor([&] { return result.has_value(); }, 15000)) << "no callback";
    return result.value_or(ClientResult<T> {});
}

HttpClientOptions fastRetries()
{
    HttpClientOptions options;
    options.retry.baseDelayMs = 10;
    options.random = [] { return 0.5; };
    return options;
}

QDateTime at(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, day), QTime(hour, minute), QTimeZone::utc());
}

class WriteClients : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_hubspot.listen());
        ASSERT_TRUE(m_calendar.listen());
        m_crm.emplace(m_http, config(m_hubspot)); // the base URLs name the ports listen() chose
        m_cal.emplace(m_http, config(m_calendar));
        m_hubspot.putContact(u"501"_s, u"Dana@Example.com"_s, 1000);
        m_hubspot.putDeal(u"701"_s, u"Acme renewal"_s, u"qualifiedtobuy"_s, 12000, 1000);
    }

    ClientConfig config(const FakeHttpServer& server) const
    {
        ClientConfig c;
        c.baseUrl = server.baseUrl();
        c.token = fixedToken(u"token-abc"_s);
        c.timeoutMs = 5000;
        return c;
    }

    FakeClock m_clock;
    HttpClient m_http { m_clock, fastRetries() };
    QObject m_context;
    FakeHubspot m_hubspot { false };
    FakeCalendar m_calendar { kAddress };
    std::optional<HubspotCrmClient> m_crm;
    std::optional<GoogleCalendarClient> m_cal;
};

} // namespace

TEST_F(WriteClients, HubspotTaskLifecycleWithAssociations)
{
    const auto contact = await<QString>([&](auto done) { m_crm->findContactByEmail(u"dana@example.com"_s, &m_context, done); });
    ASSERT_TRUE(contact.ok()) << contact.error.message.toStdString();
    EXPECT_EQ(contact.value, u"501"_s);
    const auto nobody = await<QString>([&](auto done) { m_crm->findContactByEmail(u"nobody@example.com"_s, &m_context, done); });
    ASSERT_TRUE(nobody.ok());
    EXPECT_TRUE(nobody.value.isEmpty());

    HubspotTaskInput task;
    task.subject = u"Send the renewal quote"_s;
    task.body = u"Dana asked for the 3-year option"_s;
    task.due = at(4, 9);
    task.priority = u"HIGH"_s;
    task.contactId = contact.value;
    task.dealId = u"701"_s;
    const auto created = await<HubspotObject>([&](auto done) { m_crm->createTask(task, &m_context, done); });
    ASSERT_TRUE(created.ok()) << created.error.message.toStdString();
    const QString id = created.value.id;
    const auto stored = m_hubspot.properties(u"tasks"_s, id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->value(u"hs_task_subject"_s).toString(), task.subject);
    EXPECT_EQ(stored->value(u"hs_timestamp"_s).toString(), QString::number(task.due.toMSecsSinceEpoch()));
    EXPECT_EQ(stored->value(u"hs_task_priority"_s).toString(), u"HIGH"_s);
    const QList<QPair<QString, int>> expected { { u"501"_s, 204 }, { u"701"_s, 216 } };
    EXPECT_EQ(m_hubspot.associations(u"tasks"_s, id), expected);

    const auto updated = await<HubspotObject>([&](auto done) {
        m_crm->updateTask(id, { { u"hs_task_status"_s, u"COMPLETED"_s }, { u"hs_task_priority"_s, u"LOW"_s } }, &m_context, done);
    });
    ASSERT_TRUE(updated.ok()) << updated.error.message.toStdString();
    EXPECT_EQ(m_hubspot.properties(u"tasks"_s, id)->value(u"hs_task_status"_s).toString(), u"COMPLETED"_s);
    const auto fetched = await<HubspotObject>([&](auto done) { m_crm->getTask(id, &m_context, done); });
    ASSERT_TRUE(fetched.ok());
    EXPECT_EQ(fetched.value.properties.value(u"hs_task_priority"_s).toString(), u"LOW"_s);

    const auto archived = await<bool>([&](auto done) { m_crm->archiveTask(id, &m_context, done); });
    ASSERT_TRUE(archived.ok()) << archived.error.message.toStdString();
    EXPECT_TRUE(archived.value);
    EXPECT_TRUE(m_hubspot.isArchived(u"tasks"_s, id));
    const auto gone = await<HubspotObject>([&](auto done) { m_crm->getTask(id, &m_context, done); });
    EXPECT_EQ(gone.error.kind, ClientErrorKind::Rejected);
    EXPECT_EQ(gone.error.status, 404);
    EXPECT_TRUE(gone.error.message.contains(u"Object not found"_s)) << gone.error.message.toStdString();
}

TEST_F(WriteClients, HubspotNotesAndDeals)
{
    HubspotNoteInput note { u"<p>Call notes: budget approved</p>"_s, at(2, 15), u"501"_s, u"701"_s };
    const auto created = await<HubspotObject>([&](auto done) { m_crm->createNote(note, &m_context, done); });
    ASSERT_TRUE(created.ok()) << created.error.message.toStdString();
    EXPECT_EQ(m_hubspot.properties(u"notes"_s, created.value.id)->value(u"hs_note_body"_s).toString(), note.body);
    const QList<QPair<QString, int>> expected { { u"501"_s, 202 }, { u"701"_s, 214 } };
    EXPECT_EQ(m_hubspot.associations(u"notes"_s, created.value.id), expected);
    ASSERT_TRUE(await<bool>([&](auto done) { m_crm->archiveNote(created.value.id, &m_context, done); }).ok());
    EXPECT_EQ(m_hubspot.objectCount(u"notes"_s), 0);

    // An association to a deal that does not exist is refused by HubSpot, with its message.
    note.dealId = u"999"_s;
    const auto refused = await<HubspotObject>([&](auto done) { m_crm->createNote(note, &m_context, done); });
    EXPECT_EQ(refused.error.kind, ClientErrorKind::Rejected);
    EXPECT_EQ(refused.error.status, 400);
    EXPECT_TRUE(refused.error.message.contains(u"associations are invalid"_s)) << refused.error.message.toStdString();

    const auto deal = await<HubspotDealFields>([&](auto done) { m_crm->getDeal(u"701"_s, &m_context, done); });
    ASSERT_TRUE(deal.ok()) << deal.error.message.toStdString();
    EXPECT_EQ(deal.value.stage, u"qualifiedtobuy"_s);
    EXPECT_EQ(deal.value.amount, u"12000.00"_s);
    const auto moved = await<HubspotDealFields>([&](auto done) {
        m_crm->updateDeal(u"701"_s,
            { { u"dealstage"_s, u"contractsent"_s }, { u"amount"_s, 15000 }, { u"closedate"_s, u"2026-12-31T00:00:00Z"_s } },
            &m_context, done);
    });
    ASSERT_TRUE(moved.ok()) << moved.error.message.toStdString();
    EXPECT_EQ(moved.value.stage, u"contractsent"_s);
    const auto props = m_hubspot.properties(u"deals"_s, u"701"_s).value();
    EXPECT_EQ(props.value(u"dealstage"_s).toString(), u"contractsent"_s);
    EXPECT_EQ(props.value(u"amount"_s).toString(), u"15000"_s) << "numbers are sent as strings";
    EXPECT_EQ(props.value(u"closedate"_s).toString(), u"2026-12-31T00:00:00Z"_s);
    const auto missing = await<HubspotDealFields>([&](auto done) { m_crm->getDeal(u"123"_s, &m_context, done); });
    EXPECT_EQ(missing.error.status, 404);
}

TEST_F(WriteClients, HubspotErrorsAreClearAndCreatingIsNeverRetried)
{
    HubspotTaskInput task;
    task.subject = u"Follow up"_s;
    task.due = at(4, 9);

    m_hubspot.addFault({ FakeFault::Kind::Status, 401, {}, u"/tasks"_s });
    const auto auth = await<HubspotObject>([&](auto done) { m_crm->createTask(task, &m_context, done); });
    EXPECT_EQ(auth.error.kind, ClientErrorKind::Auth);
    EXPECT_EQ(auth.error.status, 401);

    m_hubspot.clearLog();
    m_hubspot.addFault({ FakeFault::Kind::RateLimit, 429, { { "Retry-After", "7" } }, u"/tasks"_s });
    const auto limited = await<HubspotObject>([&](auto done) { m_crm->createTask(task, &m_context, done); });
    EXPECT_EQ(limited.error.kind, ClientErrorKind::RateLimited);
    EXPECT_EQ(limited.error.retryAfterMs, 7000);
    EXPECT_EQ(m_hubspot.requestCount(u"/tasks"_s), 1) << "a create is never sent twice by the client";
    EXPECT_EQ(m_hubspot.objectCount(u"tasks"_s), 0);

    m_hubspot.clearLog();
    m_hubspot.addFault({ FakeFault::Kind::Status, 503, {}, u"/tasks"_s });
    const auto failing = await<HubspotObject>([&](auto done) { m_crm->createTask(task, &m_context, done); });
    EXPECT_EQ(failing.error.kind, ClientErrorKind::Server);
    EXPECT_EQ(m_hubspot.requestCount(u"/tasks"_s), 1);

    m_hubspot.addFault({ FakeFault::Kind::Garbage, 200, {}, u"/deals/701"_s });
    const auto garbage = await<HubspotDealFields>([&](auto done) { m_crm->getDeal(u"701"_s, &m_context, done); });
    EXPECT_EQ(garbage.error.kind, ClientErrorKind::Malformed);

    // A read is retried through a short 429 and succeeds.
    m_hubspot.clearLog();
    m_hubspot.addFault({ FakeFault::Kind::RateLimit, 429, { { "Retry-After", "0" } }, u"/deals/701"_s });
    const auto retried = await<HubspotDealFields>([&](auto done) { m_crm->getDeal(u"701"_s, &m_context, done); });
    EXPECT_TRUE(retried.ok()) << retried.error.message.toStdString();
    EXPECT_EQ(m_hubspot.requestCount(u"/deals/701"_s), 2);

    ClientConfig noToken = config(m_hubspot);
    noToken.token = [](QObject*, CredentialCallback done) { done(Result<QString>::failure(u"not connected"_s)); };
    HubspotCrmClient disconnected(m_http, noToken);
    const auto none = await<HubspotObject>([&](auto done) { disconnected.createTask(task, &m_context, done); });
    EXPECT_EQ(none.error.kind, ClientErrorKind::NoCredential);
}

TEST_F(WriteClients, CalendarFreeBusyInsertGetDelete)
{
    m_calendar.putEvent({ u"busy1"_s, u"confirmed"_s, u"Standup"_s, at(3, 9), at(3, 10), {} });
    m_calendar.putEvent({ u"busy0"_s, u"confirmed"_s, u"Lunch"_s, at(3, 12), at(3, 13), {} });
    const auto fb = await<FreeBusy>([&](auto done) {
        m_cal->freeBusy(at(3, 8), at(3, 18), { u"primary"_s, u"other@example.com"_s }, u"Europe/Berlin"_s, &m_context, done);
    });
    ASSERT_TRUE(fb.ok()) << fb.error.message.toStdString();
    ASSERT_EQ(fb.value.busy.value(u"primary"_s).size(), 2);
    EXPECT_EQ(fb.value.busy.value(u"primary"_s).first().start, at(3, 9));
    EXPECT_EQ(fb.value.busy.value(u"primary"_s).last().end, at(3, 13));
    EXPECT_EQ(fb.value.errors.value(u"other@example.com"_s), QStringList { u"notFound"_s });

    CalendarEventInput input;
    input.summary = u"Acme renewal call"_s;
    input.description = u"Booked by CaseyOS"_s;
    input.start = at(3, 14);
    input.end = at(3, 14, 30);
    input.timeZone = u"Europe/Berlin"_s;
    input.attendees = { u"dana@example.com"_s, kAddress };
    const auto created = await<CalendarEventRecord>([&](auto done) {
        m_cal->insertEvent(u"primary"_s, input, u"all"_s, &m_context, done);
    });
    ASSERT_TRUE(created.ok()) << created.error.message.toStdString();
    const auto stored = m_calendar.event(created.value.id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->summary, input.summary);
    EXPECT_EQ(stored->start, input.start);
    EXPECT_EQ(stored->timeZone, u"Europe/Berlin"_s);
    EXPECT_EQ(stored->attendees, QStringList { u"dana@example.com"_s });
    EXPECT_EQ(stored->sendUpdates, u"all"_s);
    EXPECT_EQ(created.value.start, input.start);

    const auto fetched = await<CalendarEventRecord>([&](auto done) { m_cal->getEvent(kAddress, created.value.id, &m_context, done); });
    ASSERT_TRUE(fetched.ok()) << fetched.error.message.toStdString();
    EXPECT_EQ(fetched.value.status, u"confirmed"_s);
    EXPECT_TRUE(fetched.value.attendees.contains(u"dana@example.com"_s));

    const auto deleted = await<bool>([&](auto done) { m_cal->deleteEvent(u"primary"_s, created.value.id, u"all"_s, &m_context, done); });
    ASSERT_TRUE(deleted.ok()) << deleted.error.message.toStdString();
    EXPECT_EQ(m_calendar.event(created.value.id)->status, u"cancelled"_s);
    const auto again = await<bool>([&](auto done) { m_cal->deleteEvent(u"primary"_s, created.value.id, u"none"_s, &m_context, done); });
    EXPECT_EQ(again.error.kind, ClientErrorKind::Rejected);
    EXPECT_EQ(again.error.status, 410);
    EXPECT_TRUE(again.error.message.contains(u"deleted"_s)) << again.error.message.toStdString();
}

TEST_F(WriteClients, CalendarErrorsAndClientIds)
{
    CalendarEventInput input;
    input.id = u"caseyos0move42"_s; // 'y' is not base32hex: Google refuses the id
    input.summary = u"Intro"_s;
    input.start = at(5, 10);
    input.end = at(5, 11);
    const auto invalid = await<CalendarEventRecord>([&](auto done) { m_cal->insertEvent(u"primary"_s, input, {}, &m_context, done); });
    EXPECT_EQ(invalid.error.status, 400);
    EXPECT_EQ(m_calendar.liveEventCount(), 0);
    input.id = u"cos0move42"_s;
    ASSERT_TRUE(await<CalendarEventRecord>([&](auto done) { m_cal->insertEvent(u"primary"_s, input, {}, &m_context, done); }).ok());
    const auto duplicate = await<CalendarEventRecord>([&](auto done) { m_cal->insertEvent(u"primary"_s, input, {}, &m_context, done); });
    EXPECT_EQ(duplicate.error.status, 409) << "a repeated client id never books twice";
    EXPECT_EQ(m_calendar.liveEventCount(), 1);

    input.id.clear();
    input.end = input.start;
    const auto empty = await<CalendarEventRecord>([&](auto done) { m_cal->insertEvent(u"primary"_s, input, {}, &m_context, done); });
    EXPECT_EQ(empty.error.kind, ClientErrorKind::Rejected);
    EXPECT_TRUE(empty.error.message.contains(u"time range is empty"_s)) << empty.error.message.toStdString();

    const auto missing = await<CalendarEventRecord>([&](auto done) { m_cal->getEvent(u"primary"_s, u"nope"_s, &m_context, done); });
    EXPECT_EQ(missing.error.status, 404);

    input.end = at(5, 12);
    m_calendar.clearLog();
    m_calendar.addFault({ FakeFault::Kind::RateLimit, 429, { { "Retry-After", "30" } }, u"/events"_s });
    const auto limited = await<CalendarEventRecord>([&](auto done) { m_cal->insertEvent(u"primary"_s, input, {}, &m_context, done); });
    EXPECT_EQ(limited.error.kind, ClientErrorKind::RateLimited);
    EXPECT_EQ(limited.error.retryAfterMs, 30000);
    EXPECT_EQ(m_calendar.requestCount(u"/events"_s), 1) << "an insert without a client id is never retried";

    m_calendar.addFault({ FakeFault::Kind::Status, 401, {}, u"/freeBusy"_s });
    const auto auth = await<FreeBusy>([&](auto done) { m_cal->freeBusy(at(5, 8), at(5, 18), { u"primary"_s }, {}, &m_context, done); });
    EXPECT_EQ(auth.error.kind, ClientErrorKind::Auth);

    m_calendar.addFault({ FakeFault::Kind::Garbage, 200, {}, u"/freeBusy"_s });
    const auto garbage = await<FreeBusy>([&](auto done) { m_cal->freeBusy(at(5, 8), at(5, 18), { u"primary"_s }, {}, &m_context, done); });
    EXPECT_EQ(garbage.error.kind, ClientErrorKind::Malformed);
    m_calendar.addFault({ FakeFault::Kind::Truncated, 200, {}, u"/events/"_s });
    const auto cut = await<CalendarEventRecord>([&](auto done) { m_cal->getEvent(u"primary"_s, u"cos0move42"_s, &m_context, done); });
    EXPECT_EQ(cut.error.kind, ClientErrorKind::Malformed) << clientErrorKindName(cut.error.kind).toStdString();
}
