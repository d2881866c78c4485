// Fulfillment agents (original-behaviour.md §8.2, deterministic): deliverable_tracker, approval_gateway,
// client_health. The original kept deliverables and approvals in memory; here they are the app's own open
// moves with a due time and the approvals table.
#include "agents/AgentCatalogue.h"
#include "agents/AgentSupport.h"
#include "agents/cores/ClientHealth.h"
#include "agents/cores/Fulfillment.h"
#include "agents/cores/RevenueOps.h"
#include "core/Timestamps.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

AgentResult deliverableTracker(const AgentContext& ctx)
{
    AgentResult r;
    const QDateTime now = ctx.clock.now();
    const qint64 nowMs = toEpochMs(now);
    QHash<QString, int> byRisk;
    QJsonArray list;
    for (const MoveRow& m : ctx.data.moves) {
        const MoveStatus s = m.effectiveStatus(nowMs);
        if (m.dueByMs == 0
            || !(s == MoveStatus::Pending || s == MoveStatus::Snoozed || s == MoveStatus::InProgress
                || s == MoveStatus::Failed))
            continue;
        // "Behind": the work was put off (still snoozed) or a first attempt failed.
        const bool behind = s == MoveStatus::Snoozed || s == MoveStatus::Failed;
        const int days = daysUntil(fromEpochMs(m.dueByMs), now);
        const QString risk = deliverableRisk(days, behind);
        ++byRisk[risk];
        const QJsonObject evidence { { u"move_id"_s, m.id }, { u"title"_s, m.title },
            { u"days_to_due"_s, days }, { u"behind"_s, behind }, { u"risk"_s, risk },
            { u"due_by"_s, toIsoUtc(fromEpochMs(m.dueByMs)) } };
        list.append(evidence);
        if (risk == u"critical"_s || risk == u"high"_s)
            r.findings.append({ risk, u"move:%1"_s.arg(m.id),
                u"%1 — %2"_s.arg(
                    m.title, days < 0 ? u"overdue by %1 days"_s.arg(-days) : u"due in %1 days"_s.arg(days)),
                evidence });
    }
    r.output = { { u"deliverables"_s, list } };
    r.summary = u"%1 with a due time: %2 critical, %3 high, %4 medium, %5 low."_s
                    .arg(plural(list.size(), u"open move"_s))
                    .arg(byRisk.value(u"critical"_s))
                    .arg(byRisk.value(u"high"_s))
                    .arg(byRisk.value(u"medium"_s))
                    .arg(byRisk.value(u"low"_s));
    return r;
}

AgentResult approvalGateway(const AgentContext& ctx)
{
    AgentResult r;
    const QDateTime now = ctx.clock.now();
    QJsonArray list;
    for (const ApprovalRecord& a : ctx.data.approvals) {
        if (a.status != u"pending"_s)
            continue;
        const qint64 hours = std::max<qint64>(0, a.createdAt.secsTo(now) / 3600);
        const QString stage = approvalStage(hours);
        const QJsonObject evidence { { u"approval_id"_s, a.id }, { u"tool"_s, a.tool },
            { u"summary"_s, a.summary }, { u"hours_pending"_s, hours }, { u"stage"_s, stage } };
        list.append(evidence);
        if (stage == u"waiting"_s)
            continue;
        const QString severity = stage == u"remind"_s ? u"medium"_s : u"high"_s;
        r.findings.append({ severity, u"approval:%1"_s.arg(a.id),
            u"Approval %1 (%2) has waited %3 hours: %4"_s.arg(a.id).arg(a.summary).arg(hours).arg(stage),
            evidence });
        static const QHash<QString, QString> verbs { { u"remind"_s, u"Decide approval %1: %2"_s },
            { u"escalate"_s, u"Overdue approval %1: %2"_s },
            { u"expire"_s, u"Expired approval %1 — reject or redo: %2"_s } };
        // One move per stage reached: a reminder, then an escalation, then an expiry notice.
        ProposedMove p = proposal(u"approval:%1|%2"_s.arg(a.id).arg(stage),
            verbs.value(stage).arg(a.id).arg(a.summary), u"review_approval"_s, u"cs"_s,
            u"Pending for %1 hours (remind after 24, escalate after 72, expire after 168). Decide it in "
            u"Approvals or "
            "with: caseyos approvals approve|reject %2"_s.arg(hours)
                .arg(a.id),
            evidence);
        p.components.urgency = stage == u"remind"_s ? 0.6 : 0.9;
        r.moves.append(p);
    }
    r.output = { { u"pending"_s, list } };
    r.summary = u"%1 pending; %2 past the 24-hour reminder."_s.arg(plural(list.size(), u"approval"_s))
                    .arg(r.findings.size());
    return r;
}

// Client health per company with a deal, from the app's own data (the original defaulted most signals).
struct CompanyFacts
{
    QSet<QString> contacts;
    QDateTime lastContact;
    QList<double> responseHours;
    int meetingsScheduled = 0;
    int meetingsAttended = 0;
    int positive = 0;
    int negative = 0;
    int deals = 0;
};

QMap<QString, CompanyFacts> gatherClients(const AgentContext& ctx)
{
    const QDateTime now = ctx.clock.now();
    QMap<QString, CompanyFacts> clients;
    for (const DealRecord& d : ctx.data.deals)
        if (!d.company.isEmpty() && canonicalStage(d.stage) != u"lost"_s)
            clients[d.company].deals += 1;
    QHash<QString, QString> companyOf;
    for (const ContactRecord& c : ctx.data.contacts) {
        if (!clients.contains(c.company))
            continue;
        companyOf.insert(c.email, c.company);
        CompanyFacts& f = clients[c.company];
        f.contacts.insert(c.email);
        if (c.lastActivityAt.isValid() && (!f.lastContact.isValid() || c.lastActivityAt > f.lastContact))
            f.lastContact = c.lastActivityAt;
    }
    // Response time: from the user's message to the client's next message in the same thread.
    QHash<QString, QDateTime> waitingSince;
    for (const MessageRecord& m : ctx.data.messages) {
        if (!companyOf.contains(m.email) || m.threadId.isEmpty())
            continue;
        if (!m.inbound) {
            if (!waitingSince.contains(m.threadId))
                waitingSince.insert(m.threadId, m.at);
        } else if (waitingSince.contains(m.threadId)) {
            clients[companyOf.value(m.email)].responseHours.append(
                waitingSince.take(m.threadId).secsTo(m.at) / 3600.0);
        }
    }
    for (const MeetingRecord& m : ctx.data.meetings) {
        if (!companyOf.contains(m.email) || !m.start.isValid() || m.start > now)
            continue;
        CompanyFacts& f = clients[companyOf.value(m.email)];
        ++f.meetingsScheduled;
        if (m.state == u"ended"_s)
            ++f.meetingsAttended;
    }
    for (const OutcomeRecord& o : ctx.data.outcomes) {
        if (!companyOf.contains(o.contactEmail))
            continue;
        CompanyFacts& f = clients[companyOf.value(o.contactEmail)];
        if (o.type == OutcomeType::PositiveResponse)
            ++f.positive;
        else if (o.type == OutcomeType::NegativeResponse)
            ++f.negative;
        else if (o.type == OutcomeType::MeetingNoShow && f.meetingsAttended > 0)
            --f.meetingsAttended; // the calendar said "ended", the user said nobody came
    }
    return clients;
}

AgentResult clientHealth(const AgentContext& ctx)
{
    AgentResult r;
    const QDateTime now = ctx.clock.now();
    QJsonArray list;
    const QMap<QString, CompanyFacts> clients = gatherClients(ctx);
    for (auto it = clients.cbegin(); it != clients.cend(); ++it) {
        const CompanyFacts& f = *it;
        ClientHealthInput in;
        if (f.lastContact.isValid())
            in.daysSinceContact = daysSince(f.lastContact, now);
        if (!f.responseHours.isEmpty()) {
            double sum = 0;
            for (double h : f.responseHours)
                sum += h;
            in.avgResponseHours = sum / double(f.responseHours.size());
        }
        in.meetingsScheduled = f.meetingsScheduled;
        in.meetingsAttended = f.meetingsAttended;
        in.positiveFeedback = f.positive;
        in.negativeFeedback = f.negative;
        in.expansionDiscussions = std::max(0, f.deals - 1); // a second deal with a client is an expansion
        in.contacts = std::max(1, int(f.contacts.size()));
        const ClientHealthScore s = scoreClientHealth(in);
        const QJsonObject evidence { { u"company"_s, it.key() }, { u"score"_s, s.score },
            { u"status"_s, s.status }, { u"engagement"_s, s.engagement }, { u"response"_s, s.response },
            { u"attendance"_s, s.attendance }, { u"feedback"_s, s.feedback }, { u"payment"_s, s.payment },
            { u"expansion"_s, s.expansion }, { u"depth"_s, s.depth },
            { u"days_since_contact"_s,
                in.daysSinceContact ? QJsonValue(*in.daysSinceContact) : QJsonValue() } };
        list.append(evidence);
        if (s.status != u"at_risk"_s && s.status != u"critical"_s)
            continue;
        r.findings.append({ s.status == u"critical"_s ? u"high"_s : u"medium"_s, it.key(),
            u"%1: health %2 (%3)"_s.arg(it.key()).arg(s.score).arg(s.status), evidence });
        ProposedMove p = proposal(it.key() + u'|' + s.status,
            u"Check in with %1: client health %2 (%3)"_s.arg(it.key()).arg(s.score).arg(s.status),
            u"check_in"_s, u"cs"_s,
            u"Engagement %1, response %2, attendance %3, feedback %4, depth %5 (payment assumed on time: "
            u"CaseyOS "
            "has no invoices)."_s.arg(s.engagement)
                .arg(s.response)
                .arg(s.attendance)
                .arg(s.feedback)
                .arg(s.depth),
            evidence);
        p.draft.company = it.key();
        r.moves.append(p);
    }
    r.output = { { u"clients"_s, list } };
    r.summary = u"%1 scored; %2 at risk or critical."_s.arg(plural(list.size(), u"client"_s))
                    .arg(r.findings.size());
    return r;
}

} // namespace

QList<AgentDefinition> fulfillmentAgents()
{
    const AgentDomain d = AgentDomain::Fulfillment;
    return {
        { { u"deliverable_tracker"_s, d,
              u"Risk of each open move with a due time: due within a day critical, 3 days high (5 when "
              u"behind), "
              "a week medium."_s,
              { { u"moves"_s }, {}, false } },
            deliverableTracker },
        { { u"approval_gateway"_s, d,
              u"Pending approvals by age: a reminder after 24 hours, escalation after 72, expiry after 168."_s,
              { { u"approvals"_s }, {}, false } },
            approvalGateway },
        { { u"client_health"_s, d,
              u"A 0–100 health score per client (engagement, response time, meetings, feedback, expansion, "
              "depth) and a check-in move for those at risk."_s,
              { { u"contacts"_s, u"deals"_s, u"messages"_s, u"meetings"_s, u"outcomes"_s }, {}, false } },
            clientHealth },
    };
}

} // namespace caseyos::agents
