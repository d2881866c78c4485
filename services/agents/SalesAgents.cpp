// Sales agents with a deterministic core (original-behaviour.md §8.2): nurturing, meeting_slot, next_step,
// draft_writer, validation, outcome_reporter, prospecting.
#include "agents/AgentCatalogue.h"
#include "agents/AgentSupport.h"
#include "agents/cores/DraftCheck.h"
#include "agents/cores/DraftTemplate.h"
#include "agents/cores/MeetingSlots.h"
#include "agents/cores/Nurturing.h"
#include "agents/cores/ProspectIntent.h"
#include "agents/cores/RevenueOps.h"
#include "core/Timestamps.h"

#include <QJsonArray>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

// The contact's most advanced open deal stage (canonical), or empty.
QString dealStageOf(const WorkspaceSnapshot& data, const QString& email)
{
    static const QStringList order { u"lead"_s, u"qualified"_s, u"discovery"_s, u"proposal"_s,
        u"negotiation"_s };
    QString best;
    for (const DealRecord& d : data.deals) {
        if (d.contactEmail != email)
            continue;
        const QString stage = canonicalStage(d.stage);
        if (stage == u"won"_s || stage == u"lost"_s)
            return stage; // a closed deal ends nurturing
        if (order.indexOf(stage) > order.indexOf(best))
            best = stage;
    }
    return best;
}

AgentResult nurturing(const AgentContext& ctx)
{
    AgentResult r;
    const QDateTime now = ctx.clock.now();
    QJsonArray due;
    for (const ContactRecord& c : ctx.data.contacts) {
        const QString dealStage = dealStageOf(ctx.data, c.email);
        if (dealStage == u"won"_s || dealStage == u"lost"_s)
            continue;
        const QString stage = nurtureStage(c.messagesIn > 0, dealStage);
        const NurtureStep step = *nurtureStep(stage);
        const QDateTime lastTouch = c.lastActivityAt.isValid() ? c.lastActivityAt : c.firstSeenAt;
        if (!lastTouch.isValid())
            continue;
        const QDateTime followUpAt = lastTouch.addDays(step.followUpDays);
        if (followUpAt > now || hasOpenMove(ctx.data, c.email, toEpochMs(now)))
            continue;
        const QJsonObject evidence { { u"stage"_s, stage }, { u"follow_up_days"_s, step.followUpDays },
            { u"last_touch_at"_s, toIsoUtc(lastTouch) }, { u"follow_up_due_at"_s, toIsoUtc(followUpAt) },
            { u"deal_stage"_s, dealStage } };
        due.append(QJsonObject { { u"email"_s, c.email }, { u"evidence"_s, evidence } });
        const QString who = c.name.isEmpty() ? c.email : c.name;
        r.findings.append({ u"medium"_s, c.email,
            u"%1 (%2) is due a follow-up: %3 days since the last touch"_s.arg(who, stage)
                .arg(daysSince(lastTouch, now)),
            evidence });
        // One follow-up per touch: new activity moves last_touch and makes the next one a new subject.
        ProposedMove p = proposal(c.email + u'|' + stage + u'|' + QString::number(toEpochMs(lastTouch)),
            u"Follow up with %1%2 — %3"_s.arg(
                who, c.company.isEmpty() ? QString() : u" ("_s + c.company + u')', step.nextAction),
            u"email_follow_up"_s, u"sales"_s,
            u"Nurturing stage %1: follow up %2 days after the last touch (%3)."_s.arg(stage)
                .arg(step.followUpDays)
                .arg(toIsoUtc(lastTouch)),
            evidence);
        forContact(p, c);
        p.draft.dueBy = std::max(followUpAt, now);
        r.moves.append(p);
    }
    r.output.insert(u"due"_s, due);
    r.summary = u"%1 due a nurturing follow-up."_s.arg(plural(due.size(), u"contact"_s));
    return r;
}

WorkingHours workingHours(const AgentContext& ctx)
{
    WorkingHours h;
    h.zone = ctx.clock.localZone();
    const QString zone = ctx.input.value(u"zone"_s).toString();
    if (!zone.isEmpty() && QTimeZone(zone.toUtf8()).isValid())
        h.zone = QTimeZone(zone.toUtf8());
    if (const QTime t = QTime::fromString(ctx.input.value(u"work_start"_s).toString(), u"HH:mm"_s);
        t.isValid())
        h.start = t;
    if (const QTime t = QTime::fromString(ctx.input.value(u"work_end"_s).toString(), u"HH:mm"_s); t.isValid())
        h.end = t;
    return h;
}

// Busy times: the meetings the Calendar signals told the app about (not cancelled).
// The meetings the Calendar signals told the app about, plus the live free/busy a caller fetched from a
// connected Calendar (input "busy": [{start, end}] in ISO 8601; jarvis::runAgent does it before the run).
ListFreeBusy knownBusy(const AgentContext& ctx)
{
    QList<BusyInterval> busy;
    for (const MeetingRecord& m : ctx.data.meetings)
        if (m.state != u"cancelled"_s && m.start.isValid())
            busy.append({ m.start, m.end.isValid() ? m.end : m.start.addSecs(30 * 60) });
    for (const QJsonValue& v : ctx.input.value(u"busy"_s).toArray()) {
        const QDateTime start = QDateTime::fromString(v.toObject().value(u"start"_s).toString(), Qt::ISODate);
        const QDateTime end = QDateTime::fromString(v.toObject().value(u"end"_s).toString(), Qt::ISODate);
        if (start.isValid() && end.isValid() && start < end)
            busy.append({ start, end });
    }
    return ListFreeBusy(busy);
}

QString busySource(const AgentContext& ctx)
{
    const QString live = ctx.input.value(u"busy_source"_s).toString();
    return live.isEmpty() ? u"meetings from Calendar signals"_s : live + u" and meetings from Calendar signals"_s;
}

QList<MeetingSlot> slotsFor(const AgentContext& ctx)
{
    SlotRequest request;
    request.durationMinutes = ctx.input.value(u"duration"_s).toInt(30);
    request.count = ctx.input.value(u"count"_s).toInt(3);
    return findMeetingSlots(workingHours(ctx), knownBusy(ctx), ctx.clock.now(), request);
}

AgentResult meetingSlot(const AgentContext& ctx)
{
    AgentResult r;
    const WorkingHours hours = workingHours(ctx);
    const QList<MeetingSlot> slots = slotsFor(ctx);
    QJsonArray list;
    for (const MeetingSlot& s : slots)
        list.append(QJsonObject {
            { u"start"_s, toIsoUtc(s.start) }, { u"end"_s, toIsoUtc(s.end) }, { u"label"_s, s.label } });
    r.output = { { u"slots"_s, list }, { u"zone"_s, QString::fromUtf8(hours.zone.id()) },
        { u"working_hours"_s,
            QString(hours.start.toString(u"HH:mm"_s) + u'\u2013' + hours.end.toString(u"HH:mm"_s)) },
        { u"busy_source"_s, busySource(ctx) } };
    QStringList labels;
    for (const MeetingSlot& s : slots)
        labels << s.label;
    r.summary = slots.isEmpty() ? u"No free slot in working hours in the next two weeks."_s
                                : u"Free: "_s + labels.join(u"; "_s) + u'.';
    return r;
}

// What to do next with a contact who has an open deal, from what happened last (the original always said
// "Schedule 30-minute working session").
struct NextStep
{
    QString cta;
    QString actionType;
    QString why;
};

NextStep planNextStep(const AgentContext& ctx, const ContactRecord& c, const QString& dealStage)
{
    const QDateTime now = ctx.clock.now();
    const MeetingRecord* lastEnded = nullptr;
    bool upcoming = false;
    for (const MeetingRecord& m : ctx.data.meetings) {
        if (m.email != c.email || m.state == u"cancelled"_s)
            continue;
        if (m.start > now)
            upcoming = true;
        else if (m.state == u"ended"_s || (m.end.isValid() && m.end <= now))
            lastEnded = &m;
    }
    const MessageRecord* last = nullptr;
    for (const MessageRecord& m : ctx.data.messages)
        if (m.email == c.email)
            last = &m;
    if (lastEnded && daysSince(lastEnded->end.isValid() ? lastEnded->end : lastEnded->start, now) <= 7
        && !upcoming && (!last || last->at < lastEnded->start))
        return { u"Send a recap of \"%1\" and propose next steps"_s.arg(lastEnded->title),
            u"meeting_follow_up"_s, u"a meeting ended with no follow-up sent and nothing booked"_s };
    if ((dealStage == u"proposal"_s || dealStage == u"negotiation"_s) && daysSince(c.lastActivityAt, now) > 7)
        return { u"Check in on the proposal"_s, u"email_follow_up"_s,
            u"the deal is at %1 and quiet for %2 days"_s.arg(dealStage).arg(
                daysSince(c.lastActivityAt, now)) };
    if (upcoming)
        return {};
    if (last && !last->inbound && daysSince(last->at, now) > 3)
        return { u"Bump the thread \"%1\""_s.arg(last->subject), u"thread_bump"_s,
            u"no reply for %1 days"_s.arg(daysSince(last->at, now)) };
    return { u"Schedule a 30-minute working session"_s, u"schedule_meeting"_s, u"no meeting is booked"_s };
}

AgentResult nextStep(const AgentContext& ctx)
{
    AgentResult r;
    const QDateTime now = ctx.clock.now();
    QJsonArray steps;
    for (const ContactRecord& c : ctx.data.contacts) {
        const QString stage = dealStageOf(ctx.data, c.email);
        if (stage.isEmpty() || stage == u"won"_s || stage == u"lost"_s
            || hasOpenMove(ctx.data, c.email, toEpochMs(now)))
            continue;
        const NextStep step = planNextStep(ctx, c, stage);
        if (step.cta.isEmpty())
            continue;
        const QJsonObject evidence { { u"deal_stage"_s, stage }, { u"why"_s, step.why },
            { u"last_activity_at"_s, toIsoUtc(c.lastActivityAt) },
            { u"slots_required"_s, step.actionType == u"schedule_meeting"_s ? 3 : 0 } };
        steps.append(
            QJsonObject { { u"email"_s, c.email }, { u"cta"_s, step.cta }, { u"evidence"_s, evidence } });
        const QString who = c.name.isEmpty() ? c.email : c.name;
        r.findings.append({ u"medium"_s, c.email, u"%1: %2 (%3)"_s.arg(who, step.cta, step.why), evidence });
        ProposedMove p
            = proposal(c.email + u'|' + step.actionType + u'|' + QString::number(toEpochMs(c.lastActivityAt)),
                step.cta + u" with "_s + who, step.actionType, u"sales"_s,
                u"Next step because "_s + step.why + u'.', evidence);
        forContact(p, c);
        r.moves.append(p);
    }
    r.output.insert(u"steps"_s, steps);
    r.summary = u"%1 with an open deal and no move waiting."_s.arg(
        plural(steps.size(), u"next step"_s, u"next steps for contacts"_s));
    return r;
}

// The contact to write to: the input's, else the top-ranked pending move's that has a contact.
const ContactRecord* draftTarget(const AgentContext& ctx, QString* context)
{
    const QString email = ctx.input.value(u"contact"_s).toString().trimmed().toLower();
    if (!email.isEmpty())
        return ctx.data.contact(email);
    const qint64 nowMs = toEpochMs(ctx.clock.now());
    for (const MoveRow& m : ctx.data.moves)
        if (m.effectiveStatus(nowMs) == MoveStatus::Pending && !m.contactEmail.isEmpty())
            if (const ContactRecord* c = ctx.data.contact(m.contactEmail.toLower())) {
                *context = m.title;
                return c;
            }
    return nullptr;
}

AgentResult draftWriter(const AgentContext& ctx)
{
    QString moveTitle;
    const ContactRecord* c = draftTarget(ctx, &moveTitle);
    if (!c)
        return AgentResult::needs(AgentStatus::NeedsInput,
            u"No contact to write to: pass {\"contact\": \"email\"} or have a pending move with a contact."_s);
    QStringList labels;
    for (const MeetingSlot& s : slotsFor(ctx))
        labels << s.label;
    DraftInput in { c->name, c->company, ctx.input.value(u"context"_s).toString(), labels,
        ctx.input.value(u"asset_url"_s).toString(), ctx.input.value(u"sender"_s).toString() };
    const EmailDraft draft = writeDraft(in);
    const DraftCheckResult check = checkDraft(draft.subject, draft.body);
    AgentResult r;
    r.output = { { u"to"_s, c->email }, { u"subject"_s, draft.subject }, { u"body"_s, draft.body },
        { u"validation"_s, check.verdict() }, { u"for_move"_s, moveTitle },
        { u"writer"_s, u"template (a language model can write a tailored draft once one is configured)"_s } };
    r.summary = u"Drafted \"%1\" to %2 (template; %3)."_s.arg(draft.subject, c->email, check.verdict());
    return r;
}

AgentResult validation(const AgentContext& ctx)
{
    struct Draft
    {
        QString label;
        QString subject;
        QString body;
    };
    QList<Draft> drafts;
    if (ctx.input.contains(u"body"_s) || ctx.input.contains(u"subject"_s))
        drafts.append(
            { u"input"_s, ctx.input.value(u"subject"_s).toString(), ctx.input.value(u"body"_s).toString() });
    else
        for (const DraftRecord& d : ctx.data.drafts)
            drafts.append({ u"draft %1 to %2"_s.arg(d.id).arg(d.to), d.subject, d.body });
    if (drafts.isEmpty())
        return AgentResult::needs(AgentStatus::NeedsInput,
            u"No drafts to check: pass {\"subject\": …, \"body\": …} or save a draft first."_s);
    AgentResult r;
    QJsonArray results;
    int approved = 0;
    for (const Draft& d : drafts) {
        const DraftCheckResult check = checkDraft(d.subject, d.body);
        const QJsonObject evidence { { u"verdict"_s, check.verdict() }, { u"compliance"_s, check.compliance },
            { u"quality"_s, check.quality }, { u"tone"_s, check.tone }, { u"length"_s, check.length },
            { u"problems"_s, QJsonArray::fromStringList(check.problems) } };
        results.append(QJsonObject { { u"draft"_s, d.label }, { u"check"_s, evidence } });
        if (check.approved())
            ++approved;
        else
            r.findings.append(
                { u"medium"_s, d.label, d.label + u": "_s + check.problems.join(u"; "_s), evidence });
    }
    r.output.insert(u"drafts"_s, results);
    r.summary
        = u"%1 of %2 approved; the rest need review."_s.arg(approved).arg(plural(drafts.size(), u"draft"_s));
    return r;
}

AgentResult outcomeReporter(const AgentContext& ctx)
{
    const int days = std::clamp(ctx.input.value(u"days"_s).toInt(7), 1, 365);
    const QDateTime from = ctx.clock.now().addDays(-days);
    QHash<OutcomeType, int> counts;
    for (const OutcomeRecord& o : ctx.data.outcomes)
        if (o.at >= from)
            ++counts[o.type];
    const int sent = counts.value(OutcomeType::EmailSent);
    auto rate = [sent](int n) {
        return sent > 0 ? QJsonValue(std::round(1000.0 * n / sent) / 10.0) : QJsonValue();
    };
    QJsonObject byType;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        byType.insert(toString(it.key()), it.value());
    AgentResult r;
    r.output = { { u"days"_s, days }, { u"by_type"_s, byType }, { u"emails_sent"_s, sent },
        { u"open_rate_percent"_s, rate(counts.value(OutcomeType::EmailOpened)) },
        { u"reply_rate_percent"_s, rate(counts.value(OutcomeType::EmailReplied)) },
        { u"meetings_booked"_s, counts.value(OutcomeType::MeetingBooked) },
        { u"deals_won"_s, counts.value(OutcomeType::DealWon) },
        { u"deals_lost"_s, counts.value(OutcomeType::DealLost) } };
    int total = 0;
    for (int n : counts)
        total += n;
    r.summary = u"Last %1: %2 recorded, %3 emails sent, %4 replies, %5 meetings booked, %6 deals won."_s
                    .arg(plural(days, u"day"_s), plural(total, u"outcome"_s))
                    .arg(sent)
                    .arg(counts.value(OutcomeType::EmailReplied))
                    .arg(counts.value(OutcomeType::MeetingBooked))
                    .arg(counts.value(OutcomeType::DealWon));
    return r;
}

AgentResult prospecting(const AgentContext& ctx)
{
    AgentResult r;
    QJsonArray classified;
    auto classify = [&](const QString& label, const QString& subject, const QString& text) {
        const ProspectIntent intent = classifyProspectMessage(subject + u'\n' + text);
        const QJsonObject evidence { { u"score"_s, std::round(intent.score * 100.0) / 100.0 },
            { u"matched"_s, QJsonArray::fromStringList(intent.matched) }, { u"action"_s, intent.action } };
        classified.append(QJsonObject { { u"message"_s, label }, { u"intent"_s, evidence } });
        if (intent.action == u"draft_required"_s)
            r.findings.append({ u"medium"_s, label,
                u"%1 deserves a reply (%2)"_s.arg(label, intent.matched.join(u", "_s)), evidence });
    };
    if (ctx.input.contains(u"text"_s)) {
        classify(u"input"_s, {}, ctx.input.value(u"text"_s).toString());
    } else {
        const QDateTime from = ctx.clock.now().addDays(-14);
        for (const MessageRecord& m : ctx.data.messages)
            if (m.inbound && m.at >= from)
                classify(m.email + u": "_s + m.subject, m.subject, m.snippet);
    }
    r.output.insert(u"messages"_s, classified);
    r.output.insert(u"reply_suggestions"_s,
        u"needs a language model: the wording of a reply is what the model is for; the scoring above is local"_s);
    // Writing the replies is the language part: a run that found messages worth one says it needs a model.
    if (!r.findings.isEmpty())
        r.status = AgentStatus::NeedsModel;
    r.summary = u"%1 scored; %2 worth a reply (Gmail rules already queue them); suggesting the reply needs a "
                "language model."_s.arg(plural(classified.size(), u"message"_s))
                    .arg(r.findings.size());
    return r;
}

} // namespace

QList<AgentDefinition> salesAgents()
{
    const AgentDomain d = AgentDomain::Sales;
    return {
        { { u"prospecting"_s, d,
              u"Scores inbound messages by six intent patterns (question, greeting, proposal, budget, "
              u"timeline, "
              "pain point) and flags those worth a reply; writing the reply needs a language model."_s,
              { { u"messages"_s, u"input"_s }, {}, true } },
            prospecting },
        { { u"nurturing"_s, d,
              u"Follow-up cadence by stage (first contact 3 days, engaged 5, qualified 2, proposal 7) and a "
              "follow-up move when one is due."_s,
              { { u"contacts"_s, u"deals"_s, u"messages"_s, u"moves"_s }, {}, false } },
            nurturing },
        { { u"meeting_slot"_s, d,
              u"Free 30-minute slots in your working hours and time zone, around the meetings CaseyOS knows."_s,
              { { u"meetings"_s, u"input"_s }, u"google (Calendar free/busy when connected; known meetings otherwise)"_s, false } },
            meetingSlot },
        { { u"next_step"_s, d,
              u"Plans the next step for each contact with an open deal and nothing in the queue: a recap "
              u"after "
              "a meeting, a proposal check-in, a bump, or a working session."_s,
              { { u"contacts"_s, u"deals"_s, u"messages"_s, u"meetings"_s, u"moves"_s }, {}, false } },
            nextStep },
        { { u"draft_writer"_s, d,
              u"Writes an outreach email from the template with three free slots (a language model can "
              u"tailor "
              "it when configured)."_s,
              { { u"contacts"_s, u"moves"_s, u"meetings"_s, u"input"_s }, {}, false } },
            draftWriter },
        { { u"validation"_s, d,
              u"Checks email drafts for compliance, quality, tone and length before they go out."_s,
              { { u"input"_s }, {}, false } },
            validation },
        { { u"outcome_reporter"_s, d,
              u"What the recorded outcomes add up to over the last days (default 7)."_s,
              { { u"outcomes"_s }, {}, false } },
            outcomeReporter },
    };
}

} // namespace caseyos::agents
