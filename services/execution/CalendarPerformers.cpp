#include "execution/CalendarPerformers.h"

#include "connectors/clients/GoogleCalendarClient.h"
#include "core/Clock.h"
#include "execution/ActionPayloads.h"
#include "execution/ActionPerformer.h"
#include "execution/IdempotencyKey.h"
#include "execution/MeetingSlots.h"

#include <QJsonArray>
#include <memory>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QString kCalendar = u"primary"_s;
const QString kSendUpdates = u"all"_s; // booking a meeting means inviting the attendees

PerformResult booked(const CalendarEventRecord& event)
{
    return { true, event.id,
        { { u"event_id"_s, event.id }, { u"calendar_id"_s, kCalendar },
            { u"start"_s, event.start.toUTC().toString(Qt::ISODate) },
            { u"end"_s, event.end.toUTC().toString(Qt::ISODate) }, { u"time_zone"_s, event.timeZone },
            { u"html_link"_s, event.htmlLink } },
        {} };
}

PerformResult failure(const QString& what, const ClientError& error)
{
    return { false, {}, {}, what + u": "_s + error.message };
}

// Answers on the context's event loop, never inside perform() itself (the contract of every callback).
void answerLater(QObject* context, const ActionPerformer::PerformDone& done, const PerformResult& result)
{
    QMetaObject::invokeMethod(
        context, [done, result] { done(result); }, Qt::QueuedConnection);
}

class BookMeetingPerformer final : public ActionPerformer
{
public:
    BookMeetingPerformer(
        HttpClient& http, const ClientConfig& config, const Clock& clock, WorkingHoursSource hours)
        : m_client(std::make_shared<GoogleCalendarClient>(http, config))
        , m_clock(clock)
        , m_hours(std::move(hours))
    {
    }
    ActionKind kind() const override { return ActionKind::BookMeeting; }
    QString serviceName() const override { return u"Google Calendar"_s; }
    QString pastTense() const override { return u"booked"_s; }
    bool canUndo() const override { return true; }

    void perform(
        const QJsonObject& payload, const QString& remoteKey, QObject* context, PerformDone done) override
    {
        const MeetingPayload p = meetingOf(payload);
        const std::optional<WorkingHours> hours = hoursFor(p);
        if (!hours) {
            answerLater(context, done,
                { false, {}, {},
                    u"Unknown time zone \"%1\": give an IANA name such as America/New_York"_s.arg(
                        p.timeZone) });
            return;
        }
        if (p.start) {
            insert(eventFor(p, *hours, *p.start, remoteKey), context, std::move(done));
            return;
        }
        const QDateTime from = m_clock.now();
        const QDateTime to = searchEnd(*hours, from);
        m_client->freeBusy(from, to, QStringList { kCalendar } + p.attendees, ianaName(hours->zone), context,
            [this, p, hours = *hours, from, remoteKey, context, done](const ClientResult<FreeBusy>& result) {
                if (!result.ok()) {
                    done(failure(u"Could not ask Google Calendar when you are free"_s, result.error));
                    return;
                }
                if (result.value.errors.contains(kCalendar)) {
                    done({ false, {}, {},
                        u"Google Calendar could not tell when you are busy (%1), so no slot was picked"_s.arg(
                            result.value.errors.value(kCalendar).join(u", "_s)) });
                    return;
                }
                // Attendees' calendars Google cannot show us (errors) are left out: only what is known
                // counts.
                QList<BusyInterval> busy;
                for (auto it = result.value.busy.cbegin(); it != result.value.busy.cend(); ++it)
                    if (!result.value.errors.contains(it.key()))
                        for (const BusySlot& slot : it.value())
                            busy.append({ slot.start, slot.end });
                const std::optional<QDateTime> slot = firstFreeSlot(hours, from, p.durationMinutes, busy);
                if (!slot) {
                    done({ false, {}, {},
                        u"No free %1-minute slot in your working hours (%2) in the next %3 days: give a start time"_s
                            .arg(p.durationMinutes)
                            .arg(hours.describe())
                            .arg(hours.searchDays) });
                    return;
                }
                insert(eventFor(p, hours, *slot, remoteKey), context, done);
            });
    }

    QJsonObject describe(const QJsonObject& payload, const QString& remoteKey) const override
    {
        const MeetingPayload p = meetingOf(payload);
        const WorkingHours hours = hoursFor(p).value_or(m_hours());
        const CalendarEventInput event = eventFor(p, hours, p.start.value_or(QDateTime()), remoteKey);
        QJsonObject body = calendarEventBody(event);
        QJsonObject out { { u"request"_s,
            u"POST calendar/v3/calendars/%1/events?sendUpdates=%2"_s.arg(kCalendar, kSendUpdates) } };
        if (!p.start) {
            body.remove(u"start"_s);
            body.remove(u"end"_s);
            const QDateTime from = m_clock.now();
            out.insert(u"slot"_s,
                u"the first free %1-minute slot in %2 between %3 and %4, from POST calendar/v3/freeBusy (%5)"_s
                    .arg(p.durationMinutes)
                    .arg(hours.describe(), from.toTimeZone(hours.zone).toString(Qt::ISODate),
                        searchEnd(hours, from).toString(Qt::ISODate),
                        (QStringList { kCalendar } + p.attendees).join(u", "_s)));
        }
        out.insert(u"body"_s, body);
        return out;
    }

    void find(const QString& remoteKey, const QJsonObject&, QObject* context, FindDone done) override
    {
        m_client->getEvent(
            kCalendar, remoteToken(remoteKey), context, [done](const ClientResult<CalendarEventRecord>& r) {
                FindResult out;
                if (r.ok()) {
                    // Found even when cancelled since: it was booked, and booking it again is not what was
                    // asked.
                    const PerformResult b = booked(r.value);
                    out = { FindResult::Status::Found, b.remoteRef, b.undoInfo, {} };
                } else if (r.error.status == 404) {
                    out.status = FindResult::Status::NotFound;
                } else {
                    out.status = FindResult::Status::Error;
                    out.error = r.error.message;
                }
                done(out);
            });
    }

    void undo(const ExecutionRecord& record, QObject* context, UndoDone done) override
    {
        const QString id = record.undoInfo.value("event_id"_L1).toString(record.remoteRef);
        m_client->deleteEvent(kCalendar, id, kSendUpdates, context, [done](const ClientResult<bool>& result) {
            // 410: already deleted (by hand in Calendar); 404: never kept. Either way no meeting is left.
            if (result.ok() || result.error.status == 410 || result.error.status == 404)
                done({ true, {} });
            else
                done({ false, result.error.message });
        });
    }

private:
    static MeetingPayload meetingOf(const QJsonObject& payload)
    {
        const Result<MeetingPayload> parsed = MeetingPayload::fromJson(payload);
        return parsed ? parsed.value() : MeetingPayload {}; // validated before
    }

    // The working hours in the payload's zone when it names one (nullopt: a zone that does not exist).
    std::optional<WorkingHours> hoursFor(const MeetingPayload& p) const
    {
        WorkingHours hours = m_hours();
        if (p.timeZone.isEmpty())
            return hours;
        const QTimeZone zone(p.timeZone.toUtf8());
        if (!zone.isValid())
            return std::nullopt;
        hours.zone = zone;
        return hours;
    }

    // The end of the last day searched, midnight in the zone.
    static QDateTime searchEnd(const WorkingHours& hours, const QDateTime& from)
    {
        return QDateTime(
            from.toTimeZone(hours.zone).date().addDays(hours.searchDays), QTime(0, 0), hours.zone);
    }

    static CalendarEventInput eventFor(
        const MeetingPayload& p, const WorkingHours& hours, const QDateTime& start, const QString& remoteKey)
    {
        CalendarEventInput e;
        e.id = remoteToken(remoteKey);
        e.summary = p.summary;
        e.description = p.description;
        e.start = start;
        e.end = start.addSecs(qint64(p.durationMinutes) * 60);
        e.timeZone = ianaName(hours.zone);
        e.attendees = p.attendees;
        return e;
    }

    void insert(const CalendarEventInput& event, QObject* context, PerformDone done)
    {
        auto client = m_client;
        client->insertEvent(kCalendar, event, kSendUpdates, context,
            [client, id = event.id, context, done](const ClientResult<CalendarEventRecord>& r) {
                if (r.ok()) {
                    done(booked(r.value));
                    return;
                }
                if (r.error.status != 409) {
                    done(failure(u"Could not book the meeting in Google Calendar"_s, r.error));
                    return;
                }
                // Our id is taken: an earlier attempt of this same run got through (its reply was lost).
                client->getEvent(
                    kCalendar, id, context, [done](const ClientResult<CalendarEventRecord>& existing) {
                        done(existing.ok()
                                ? booked(existing.value)
                                : failure(u"The meeting seems booked already, but reading it failed"_s,
                                    existing.error));
                    });
            });
    }

    std::shared_ptr<GoogleCalendarClient> m_client;
    const Clock& m_clock;
    WorkingHoursSource m_hours;
};

} // namespace

void addCalendarPerformer(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config,
    const Clock& clock, const WorkingHours& hours)
{
    addCalendarPerformer(registry, http, config, clock, [hours] { return hours; });
}

void addCalendarPerformer(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config,
    const Clock& clock, WorkingHoursSource hours)
{
    registry.add(std::make_unique<BookMeetingPerformer>(http, config, clock, std::move(hours)));
}

} // namespace caseyos
