// calendar/meeting_scheduled and calendar/meeting_ended (PRODUCT.md §3 rules table).
#include "core/Timestamps.h"
#include "signals/JsonObjectBuilder.h"
#include "signals/RuleText.h"
#include "signals/SignalRuleSet.h"

using namespace Qt::StringLiterals;

namespace caseyos::rules {

namespace {

struct Meeting
{
    QString eventId;
    QString title;
    std::optional<QDateTime> start;
    std::optional<QDateTime> end;
    payload::Contact contact; // the person the meeting is with
    QList<payload::Attendee> attendees;
};

Meeting readMeeting(const QJsonObject& p)
{
    Meeting m;
    m.eventId = payload::text(p, { "event_id"_L1, "eventId"_L1 });
    m.title = payload::text(p, { "title"_L1, "summary"_L1, "subject"_L1, "meeting_title"_L1 });
    m.start = payload::dateTime(p, { "start"_L1, "start_time"_L1, "starts_at"_L1 });
    m.end = payload::dateTime(p, { "end"_L1, "end_time"_L1, "ends_at"_L1 });
    m.attendees = payload::attendees(p);
    m.contact = payload::contact(p);
    if (m.contact.email.isEmpty()) {
        // No explicit contact: the first attendee who is not the user.
        for (const payload::Attendee& a : m.attendees) {
            if (a.self)
                continue;
            m.contact.email = a.email;
            if (m.contact.name.isEmpty())
                m.contact.name = a.name;
            break;
        }
    }
    return m;
}

// "“Acme demo” with Dana Lee"; the company is left out when the meeting title already names it.
QString meetingLabel(const Meeting& m)
{
    const QString what = m.title.isEmpty() ? u"the meeting"_s : ruletext::quoted(m.title);
    const payload::Contact& c = m.contact;
    if (c.name.isEmpty() && c.email.isEmpty())
        return what;
    const bool companyInTitle = !c.company.isEmpty() && m.title.contains(c.company, Qt::CaseInsensitive);
    return what + u" with "_s + ruletext::person(c.name, c.email, companyInTitle ? QString() : c.company);
}

QJsonObject meetingContext(const Meeting& m, const QJsonObject& p)
{
    // What preparing or following up needs (the contact is in the move's own fields).
    QStringList emails;
    if (!m.contact.email.isEmpty())
        emails.append(m.contact.email);
    for (const payload::Attendee& a : m.attendees)
        if (a.email != m.contact.email)
            emails.append(a.email);
    return JsonObjectBuilder()
        .addTextArray("attendees"_L1, emails)
        .addText("end"_L1, m.end ? toIsoUtc(*m.end) : QString())
        .addText("event_id"_L1, m.eventId)
        .addText("location"_L1, payload::text(p, { "location"_L1 }))
        .addText("meeting_url"_L1,
            payload::text(p, { "meeting_url"_L1, "hangoutLink"_L1, "conference_url"_L1, "join_url"_L1 }))
        .addText("start"_L1, m.start ? toIsoUtc(*m.start) : QString())
        .addText("title"_L1, m.title)
        .build();
}

} // namespace

RuleOutcome calendarRule(const Signal& signal, const ApsWeights& weights)
{
    const QString& event = signal.eventType;
    const bool scheduled = event == "meeting_scheduled"_L1;
    if (!scheduled && event != "meeting_ended"_L1)
        return ignored(u"no rule for calendar/"_s + event);
    const QJsonObject& p = signal.payload;
    const Meeting m = readMeeting(p);
    if (m.eventId.isEmpty())
        return ignored(event + u" needs an event_id"_s);
    if (scheduled && !m.start)
        return ignored(u"meeting_scheduled needs a start time (ISO-8601)"_s);
    if (!scheduled && !m.end)
        return ignored(u"meeting_ended needs an end time (ISO-8601)"_s);

    const QString label = meetingLabel(m);
    const QString withWhom = m.contact.name.isEmpty() && m.contact.email.isEmpty() ? QString()
                                                                                   : u" with "_s
            + (m.contact.name.isEmpty() ? m.contact.email
                                        : m.contact.name + u" ("_s + m.contact.email + u')');
    const QString what = m.title.isEmpty() ? u"The meeting"_s : ruletext::quoted(m.title, 120);

    Move move = newMove(signal, scheduled ? u"meeting_prep"_s : u"meeting_follow_up"_s, m.contact);
    move.actionContext = meetingContext(m, p);
    ApsComponents components;
    if (scheduled) {
        move.title = u"Prepare for "_s + label;
        move.description = what + withWhom
            + u" is on the calendar. Review the account, open deals and recent emails before it starts."_s;
        move.dueBy = m.start->addSecs(-3600);
        const bool withinADay = baseTime(signal).secsTo(*m.start) <= 24 * 3600;
        components = { 0.7, withinADay ? 0.9 : 0.6, 0.4, 0.6 };
    } else {
        move.title = u"Follow up on "_s + label;
        move.description = what + withWhom + u" has ended. Send a recap and agree on the next step."_s;
        move.dueBy = m.end->addSecs(4 * 3600);
        components = { 0.9, 0.8, 0.4, 0.8 };
    }
    return finish(std::move(move), components, weights);
}

} // namespace caseyos::rules
