// Data hygiene agents (original-behaviour.md §8.2, all deterministic): duplicate_watcher, contact_validation,
// data_decay, enrichment_orchestrator, sync_health.
#include "agents/AgentCatalogue.h"
#include "agents/AgentSupport.h"
#include "agents/cores/ContactValidation.h"
#include "agents/cores/DataDecay.h"
#include "agents/cores/DuplicateMatcher.h"
#include "agents/cores/PartnerTiers.h"
#include "agents/cores/SyncHealth.h"
#include "core/Timestamps.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

agents::ContactFacts factsOf(const ContactRecord& c)
{
    return { c.email, c.name, c.company, c.phone };
}

QJsonObject contactJson(const ContactRecord& c)
{
    return { { u"email"_s, c.email }, { u"name"_s, c.name }, { u"company"_s, c.company },
        { u"phone"_s, c.phone } };
}

// difflib's real_quick_ratio: an upper bound of the ratio from the lengths alone, to skip hopeless name
// pairs.
bool namesCanMatch(const QString& a, const QString& b)
{
    const qsizetype total = a.size() + b.size();
    return total > 0 && 2.0 * double(std::min(a.size(), b.size())) / double(total) >= 0.7;
}

AgentResult duplicateWatcher(const AgentContext& ctx)
{
    AgentResult r;
    const QList<ContactRecord>& contacts = ctx.data.contacts;
    QJsonArray pairs;
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        for (qsizetype j = i + 1; j < contacts.size(); ++j) {
            const ContactRecord& a = contacts.at(i);
            const ContactRecord& b = contacts.at(j);
            const bool samePhone = !a.phone.isEmpty() && phoneDigits(a.phone) == phoneDigits(b.phone);
            if (!samePhone && !namesCanMatch(a.name, b.name))
                continue;
            const std::optional<DuplicateMatch> match = matchContacts(factsOf(a), factsOf(b));
            if (!match)
                continue;
            // The merge keeps the more complete record (the original's rule); ties keep the older one.
            const bool keepA = completeness(factsOf(a)) > completeness(factsOf(b))
                || (completeness(factsOf(a)) == completeness(factsOf(b)) && a.firstSeenAt <= b.firstSeenAt);
            const ContactRecord& keep = keepA ? a : b;
            const ContactRecord& drop = keepA ? b : a;
            const QJsonObject evidence { { u"score"_s, std::round(match->score * 1000.0) / 1000.0 },
                { u"reason"_s, match->reason },
                { u"name_similarity"_s, std::round(match->nameSimilarity * 1000.0) / 1000.0 },
                { u"company_similarity"_s, std::round(match->companySimilarity * 1000.0) / 1000.0 },
                { u"keep"_s, contactJson(keep) }, { u"merge"_s, contactJson(drop) } };
            pairs.append(evidence);
            const QString label = u"%1 <%2> and %3 <%4>"_s.arg(a.name, a.email, b.name, b.email);
            r.findings.append({ match->score >= 0.85 ? u"high"_s : u"medium"_s, a.email + u" | "_s + b.email,
                u"Likely the same person (%1, score %2): %3"_s.arg(match->reason)
                    .arg(match->score, 0, 'f', 2)
                    .arg(label),
                evidence });
            ProposedMove p = proposal(u"pair:"_s + a.email + u'|' + b.email,
                u"Merge duplicate contacts: %1 and %2"_s.arg(
                    a.name.isEmpty() ? a.email : a.name, b.name.isEmpty() ? b.email : b.name),
                u"data_cleanup"_s, u"sales"_s,
                u"%1 look like one person (%2, score %3). Keep %4, merge %5 into it."_s
                    .arg(label, match->reason)
                    .arg(match->score, 0, 'f', 2)
                    .arg(keep.email, drop.email),
                evidence);
            forContact(p, keep);
            r.moves.append(p);
        }
    }
    r.output.insert(u"pairs"_s, pairs);
    r.output.insert(u"contacts_checked"_s, contacts.size());
    r.summary = pairs.isEmpty()
        ? u"No likely duplicates among %1."_s.arg(plural(contacts.size(), u"contact"_s))
        : u"%1 among %2."_s.arg(
            plural(pairs.size(), u"likely duplicate pair"_s), plural(contacts.size(), u"contact"_s));
    return r;
}

AgentResult contactValidation(const AgentContext& ctx)
{
    AgentResult r;
    int errors = 0;
    int warnings = 0;
    QJsonArray checked;
    for (const ContactRecord& c : ctx.data.contacts) {
        const QList<ValidationIssue> issues
            = validateContact({ c.email, c.name, c.company, c.phone, c.jobTitle });
        QJsonArray list;
        QStringList errorLines;
        for (const ValidationIssue& i : issues) {
            const QJsonObject issue { { u"field"_s, i.field }, { u"severity"_s, i.severity },
                { u"code"_s, i.code }, { u"message"_s, i.message }, { u"suggestion"_s, i.suggestion } };
            list.append(issue);
            r.findings.append({ i.severity, c.email, i.message, issue });
            if (i.severity == u"error"_s) {
                ++errors;
                errorLines << i.message;
            } else if (i.severity == u"warning"_s) {
                ++warnings;
            }
        }
        if (!list.isEmpty())
            checked.append(QJsonObject { { u"email"_s, c.email }, { u"issues"_s, list } });
        // Errors make a contact unusable for outreach: worth a move. Warnings and tidy-ups stay findings.
        if (!errorLines.isEmpty()) {
            ProposedMove p = proposal(c.email,
                u"Fix contact data: %1"_s.arg(c.name.isEmpty() ? c.email : c.name), u"data_cleanup"_s,
                u"sales"_s, errorLines.join(u"; "_s) + u'.', QJsonObject { { u"issues"_s, list } });
            forContact(p, c);
            r.moves.append(p);
        }
    }
    r.output.insert(u"contacts"_s, checked);
    r.summary = u"Checked %1: %2, %3."_s.arg(plural(ctx.data.contacts.size(), u"contact"_s),
        plural(errors, u"error"_s), plural(warnings, u"warning"_s));
    return r;
}

AgentResult dataDecay(const AgentContext& ctx)
{
    AgentResult r;
    const QDateTime now = ctx.clock.now();
    QHash<QString, int> buckets;
    QJsonArray assessed;
    for (const ContactRecord& c : ctx.data.contacts) {
        const DecayAssessment a
            = assessDecay({ c.lastActivityAt, c.firstSeenAt, c.bounced || !isValidEmailFormat(c.email),
                              c.opens + c.clicks > 0 },
                now);
        ++buckets[a.bucket];
        if (a.action == u"none"_s)
            continue;
        const QJsonObject evidence { { u"email"_s, c.email }, { u"days_since_activity"_s, a.days },
            { u"bucket"_s, a.bucket }, { u"score"_s, a.score }, { u"action"_s, a.action },
            { u"priority"_s, a.priority }, { u"bounced"_s, c.bounced },
            { u"last_activity_at"_s, toIsoUtc(c.lastActivityAt) } };
        assessed.append(evidence);
        r.findings.append({ a.priority <= 2 ? u"high"_s
                : a.priority == 3           ? u"medium"_s
                                            : u"low"_s,
            c.email,
            u"%1: %2 days without activity (%3, decay %4) → %5"_s.arg(c.email)
                .arg(a.days)
                .arg(a.bucket)
                .arg(a.score, 0, 'f', 2)
                .arg(a.action),
            evidence });
        if (a.priority > 3)
            continue; // stale records are listed, not queued: a refresh can wait for a quiet day
        static const QHash<QString, QString> verbs { { u"delete"_s, u"Delete dead contact"_s },
            { u"verify_email"_s, u"Verify the email of"_s }, { u"archive"_s, u"Archive inactive contact"_s },
            { u"enrich"_s, u"Refresh contact data for"_s } };
        ProposedMove p = proposal(c.email + u'|' + a.action,
            verbs.value(a.action) + u' ' + (c.name.isEmpty() ? c.email : c.name), u"data_cleanup"_s,
            u"sales"_s,
            u"No activity for %1 days (%2)%3."_s.arg(a.days).arg(
                a.bucket, c.bounced ? u"; the address bounced"_s : QString()),
            evidence);
        forContact(p, c);
        r.moves.append(p);
    }
    QJsonObject counts;
    for (const QString& b : { u"fresh"_s, u"stale"_s, u"decayed"_s, u"zombie"_s })
        counts.insert(b, buckets.value(b));
    r.output.insert(u"buckets"_s, counts);
    r.output.insert(u"contacts"_s, assessed);
    r.summary = u"%1: %2 fresh, %3 stale, %4 decayed, %5 zombie."_s
                    .arg(plural(ctx.data.contacts.size(), u"contact"_s))
                    .arg(buckets.value(u"fresh"_s))
                    .arg(buckets.value(u"stale"_s))
                    .arg(buckets.value(u"decayed"_s))
                    .arg(buckets.value(u"zombie"_s));
    return r;
}

AgentResult enrichmentOrchestrator(const AgentContext& ctx)
{
    QHash<QString, int> dealsByContact;
    for (const DealRecord& d : ctx.data.deals)
        ++dealsByContact[d.contactEmail];
    struct Item
    {
        int priority;
        QJsonObject json;
    };
    QList<Item> queue;
    for (const ContactRecord& c : ctx.data.contacts) {
        QStringList missing;
        if (c.name.isEmpty())
            missing << u"name"_s;
        if (c.company.isEmpty())
            missing << u"company"_s;
        if (c.phone.isEmpty())
            missing << u"phone"_s;
        if (c.jobTitle.isEmpty())
            missing << u"job_title"_s;
        if (missing.isEmpty())
            continue;
        const int deals = dealsByContact.value(c.email);
        const int priority = enrichmentPriority(c.lifecycleStage, deals, int(missing.size()));
        queue.append({ priority,
            { { u"email"_s, c.email }, { u"priority"_s, priority }, { u"deals"_s, deals },
                { u"lifecycle_stage"_s, c.lifecycleStage },
                { u"missing"_s, QJsonArray::fromStringList(missing) } } });
    }
    std::stable_sort(
        queue.begin(), queue.end(), [](const Item& a, const Item& b) { return a.priority > b.priority; });
    QJsonArray list;
    for (const Item& i : queue)
        list.append(i.json);
    // The original never called a provider (⚠ _enrich_field_from_source returned None): we say so plainly.
    AgentResult r = AgentResult::needs(AgentStatus::NeedsAccount,
        u"%1 with missing fields, ranked for enrichment. Filling them needs an enrichment provider account "
        "(Clearbit, Apollo, ZoomInfo or Hunter), which CaseyOS cannot connect yet."_s.arg(
            plural(list.size(), u"contact"_s)),
        { { u"queue"_s, list } });
    return r;
}

QString streamLabel(const SyncStreamState& s)
{
    return s.stream + u" ("_s + s.account + u')';
}

AgentResult syncHealth(const AgentContext& ctx)
{
    AgentResult r;
    const QDateTime now = ctx.clock.now();
    QJsonArray streams;
    int failing = 0;
    for (const SyncStreamState& s : ctx.data.syncStreams) {
        const StreamHealth h = streamHealth(s.status, s.lastSuccessAt, s.lastError, now);
        const QJsonObject evidence { { u"account"_s, s.account }, { u"stream"_s, s.stream },
            { u"health"_s, h.status },
            { u"lag_seconds"_s, h.lagSeconds ? QJsonValue(double(*h.lagSeconds)) : QJsonValue() },
            { u"severity"_s, h.severity }, { u"sync_status"_s, s.status }, { u"last_error"_s, s.lastError },
            { u"last_success_at"_s, toIsoUtc(s.lastSuccessAt) } };
        streams.append(evidence);
        if (h.status == u"healthy"_s || h.status == u"never"_s)
            continue;
        r.findings.append({ h.severity, streamLabel(s),
            u"%1 is %2: %3"_s.arg(streamLabel(s), h.status, h.reason), evidence });
        if (h.status != u"failing"_s)
            continue;
        ++failing;
        // One move per failure episode: a later recovery and a new failure have a new last success.
        ProposedMove p
            = proposal(s.account + u'|' + s.stream + u'|' + QString::number(toEpochMs(s.lastSuccessAt)),
                u"Fix the %1 sync of %2"_s.arg(s.stream, s.account), u"fix_sync"_s, u"sales"_s,
                u"Sync is failing: %1. Open Accounts to reconnect or sync now."_s.arg(h.reason), evidence);
        p.components.urgency = h.severity == u"high"_s ? 0.9 : 0.7;
        r.moves.append(p);
    }
    r.output.insert(u"streams"_s, streams);
    r.output.insert(u"note"_s,
        u"sync_state keeps no request counts, so the rate-limit (80 %) and error-rate (5 %, flag at 1 %) "
        "checks have nothing to measure yet; lag and the last sync's status are judged."_s);
    r.summary = ctx.data.syncStreams.isEmpty()
        ? u"No connected account has synced yet."_s
        : u"%1: %2 failing, %3 with a warning."_s.arg(plural(ctx.data.syncStreams.size(), u"sync stream"_s))
              .arg(failing)
              .arg(r.findings.size() - failing);
    return r;
}

} // namespace

QList<AgentDefinition> hygieneAgents()
{
    const AgentDomain d = AgentDomain::DataHygiene;
    return {
        { { u"duplicate_watcher"_s, d,
              u"Finds contacts that are likely the same person (same email, phone, domain and similar name, "
              u"or "
              "similar company and name) and proposes merging them, keeping the more complete record."_s,
              { { u"contacts"_s }, {}, false } },
            duplicateWatcher },
        { { u"contact_validation"_s, d,
              u"Checks every contact: email format, disposable domains, shared inboxes, phone numbers, job "
              "titles and missing fields."_s,
              { { u"contacts"_s }, {}, false } },
            contactValidation },
        { { u"data_decay"_s, d,
              u"Sorts contacts into fresh, stale (90 days), decayed (180) and zombie (365) by their last "
              "activity and proposes verifying, refreshing or archiving them."_s,
              { { u"contacts"_s, u"outcomes"_s }, {}, false } },
            dataDecay },
        { { u"enrichment_orchestrator"_s, d,
              u"Ranks contacts with missing fields for enrichment (customers first, then by deals)."_s,
              { { u"contacts"_s, u"deals"_s }, u"enrichment provider (Clearbit, Apollo, ZoomInfo, Hunter)"_s,
                  false } },
            enrichmentOrchestrator },
        { { u"sync_health"_s, d,
              u"Judges each connected account's sync by its lag (healthy < 5 min, degraded < 15 min, else "
              "failing) and last error, and proposes fixing a failing one."_s,
              { { u"sync_state"_s }, {}, false } },
            syncHealth },
    };
}

} // namespace caseyos::agents
