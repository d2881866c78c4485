// Contract check of the executor's write clients: every request HubspotCrmClient and GoogleCalendarClient send is
// validated by Prism against the real OpenAPI specs (HubSpot's merged CRM v3 spec, Google Calendar v3).
#include "ContractHarness.h"
#include "connectors/clients/GoogleCalendarClient.h"
#include "connectors/clients/HubspotCrmClient.h"

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, 3), QTime(hour, minute), QTimeZone::utc());
}

} // namespace

class WritesContract : public ContractTest
{
};

TEST_F(WritesContract, HubspotTaskNoteDealAndContactRequestsAreAccepted)
{
    startPrism(u"hubspot-crm.prism.openapi.json"_s);
    HubspotCrmClient client(m_http, config({}));
    expectAccepted(run<QString>([&](auto done) { client.findContactByEmail(u"dana@example.com"_s, &m_context, done); }),
        "contacts search by email");
    // The executor's reconcile: a task / note found by the ref word in its text (CONTAINS_TOKEN).
    expectAccepted(run<QString>([&](auto done) {
        client.findIdByToken(u"tasks"_s, u"hs_task_body"_s, u"cos0a1b2c3v2"_s, &m_context, done);
    }),
        "tasks search by token");
    expectAccepted(run<QString>([&](auto done) {
        client.findIdByToken(u"notes"_s, u"hs_note_body"_s, u"cos0a1b2c3"_s, &m_context, done);
    }),
        "notes search by token");

    HubspotTaskInput task;
    task.subject = u"Send the renewal quote"_s;
    task.body = u"Dana asked for the 3-year option"_s;
    task.due = at(9);
    task.priority = u"HIGH"_s;
    task.contactId = u"501"_s;
    task.dealId = u"701"_s;
    expectAccepted(run<HubspotObject>([&](auto done) { client.createTask(task, &m_context, done); }), "tasks create");
    task.contactId.clear();
    task.dealId.clear();
    expectAccepted(run<HubspotObject>([&](auto done) { client.createTask(task, &m_context, done); }),
        "tasks create without associations");
    expectAccepted(run<HubspotObject>([&](auto done) {
        client.updateTask(u"9000001"_s, { { u"hs_task_status"_s, u"COMPLETED"_s }, { u"hs_task_priority"_s, u"LOW"_s } },
            &m_context, done);
    }),
        "tasks update");
    // Undo writes previous values back; one that was unset is cleared with "".
    expectAccepted(run<HubspotObject>([&](auto done) {
        client.updateTask(u"9000001"_s, { { u"hs_task_status"_s, u"NOT_STARTED"_s }, { u"hs_task_body"_s, u""_s } },
            &m_context, done);
    }),
        "tasks update back to the previous values");
    expectAccepted(run<HubspotObject>([&](auto done) { client.getTask(u"9000001"_s, &m_context, done); }), "tasks get");
    expectAccepted(run<bool>([&](auto done) { client.archiveTask(u"9000001"_s, &m_context, done); }), "tasks archive");

    const HubspotNoteInput note { u"<p>Budget approved</p>"_s, at(15), u"501"_s, u"701"_s };
    expectAccepted(run<HubspotObject>([&](auto done) { client.createNote(note, &m_context, done); }), "notes create");
    expectAccepted(run<bool>([&](auto done) { client.archiveNote(u"9000002"_s, &m_context, done); }), "notes archive");

    expectAccepted(run<HubspotDealFields>([&](auto done) { client.getDeal(u"701"_s, &m_context, done); }), "deals get");
    expectAccepted(run<HubspotDealFields>([&](auto done) {
        client.updateDeal(u"701"_s,
            { { u"dealstage"_s, u"contractsent"_s }, { u"amount"_s, 15000.5 }, { u"closedate"_s, u"2026-12-31T00:00:00Z"_s } },
            &m_context, done);
    }),
        "deals update");
}

TEST_F(WritesContract, CalendarFreeBusyAndEventRequestsAreAccepted)
{
    startPrism(u"google-calendar.openapi.yaml"_s);
    GoogleCalendarClient client(m_http, config({}));
    // Prism's made-up replies need not look like Google's (freeBusy without calendars): only the request counts.
    expectAccepted(run<FreeBusy>([&](auto done) {
        client.freeBusy(at(8), at(18), { u"primary"_s, u"dana@example.com"_s }, u"Europe/Berlin"_s, &m_context, done);
    }),
        "freeBusy", true);

    CalendarEventInput event;
    event.summary = u"Acme renewal call"_s;
    event.description = u"Booked by CaseyOS"_s;
    event.location = u"Zoom"_s;
    event.start = at(14);
    event.end = at(14, 30);
    event.timeZone = u"Europe/Berlin"_s;
    event.attendees = { u"dana@example.com"_s };
    expectAccepted(run<CalendarEventRecord>([&](auto done) { client.insertEvent(u"primary"_s, event, u"all"_s, &m_context, done); }),
        "events insert", true);
    event.id = u"cos0move42"_s;
    expectAccepted(run<CalendarEventRecord>([&](auto done) {
        client.insertEvent(u"casey@example.com"_s, event, u"externalOnly"_s, &m_context, done);
    }),
        "events insert with a client id", true);
    expectAccepted(run<CalendarEventRecord>([&](auto done) { client.getEvent(u"primary"_s, u"cos0move42"_s, &m_context, done); }),
        "events get", true);
    expectAccepted(run<bool>([&](auto done) { client.deleteEvent(u"primary"_s, u"cos0move42"_s, u"none"_s, &m_context, done); }),
        "events delete");
}
