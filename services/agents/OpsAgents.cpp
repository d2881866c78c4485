// Ops agents (original-behaviour.md §8.2): revenue_ops, competitor_watch, partner_coordinator (deterministic)
// and market_trends (needs an X account and a model).
#include "agents/AgentCatalogue.h"
#include "agents/AgentSupport.h"
#include "agents/cores/PartnerTiers.h"
#include "agents/cores/RevenueOps.h"
#include "core/Timestamps.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

PipelineDeal pipelineDeal(const DealRecord& d)
{
    return { d.id, d.name, canonicalStage(d.stage), d.amount.value_or(0.0), d.closeDate, d.lastActivityAt,
        d.createdAt, d.competitorMentioned };
}

AgentResult revenueOps(const AgentContext& ctx)
{
    AgentResult r;
    const QDateTime now = ctx.clock.now();
    QList<PipelineDeal> deals;
    for (const DealRecord& d : ctx.data.deals)
        deals.append(pipelineDeal(d));
    const double target = ctx.input.value(u"target"_s).toDouble(kDefaultPipelineTarget);
    const PipelineHealth h = assessPipeline(deals, now, target);
    QJsonArray issues;
    for (const PipelineIssue& i : h.issues) {
        const QJsonObject issue { { u"kind"_s, i.kind }, { u"severity"_s, i.severity },
            { u"text"_s, i.text } };
        issues.append(issue);
        r.findings.append({ i.severity, u"pipeline"_s, i.text, issue });
    }
    QJsonArray atRisk;
    for (qsizetype k = 0; k < deals.size(); ++k) {
        const PipelineDeal& d = deals.at(k);
        if (d.stage == u"won"_s || d.stage == u"lost"_s)
            continue;
        const DealRisk risk = assessDealRisk(d, now);
        if (!risk.atRisk)
            continue;
        const DealRecord& record = ctx.data.deals.at(k);
        const QJsonObject evidence { { u"deal_id"_s, d.id }, { u"deal"_s, d.name }, { u"stage"_s, d.stage },
            { u"amount"_s, d.amount }, { u"risk_score"_s, risk.score },
            { u"reasons"_s, QJsonArray::fromStringList(risk.reasons) } };
        atRisk.append(evidence);
        r.findings.append({ risk.score >= 50 ? u"high"_s : u"medium"_s, u"deal:"_s + d.id,
            u"%1 at risk (%2): %3"_s.arg(d.name).arg(risk.score).arg(risk.reasons.join(u", "_s)), evidence });
        ProposedMove p = proposal(u"deal:"_s + d.id,
            u"Rescue deal: %1 — %2"_s.arg(d.name, risk.reasons.value(0)), u"deal_review"_s, u"sales"_s,
            u"At-risk score %1 (over 25): %2."_s.arg(risk.score).arg(risk.reasons.join(u"; "_s)), evidence);
        p.draft.dealId = d.id;
        p.draft.contactEmail = record.contactEmail;
        p.draft.company = record.company;
        p.components.revenue = std::min(1.0, 0.3 + d.amount / 100000.0);
        p.components.urgency = risk.score >= 50 ? 0.9 : 0.7;
        r.moves.append(p);
    }
    r.output = { { u"health_score"_s, h.score }, { u"status"_s, h.status }, { u"issues"_s, issues },
        { u"open_deals"_s, h.openDeals }, { u"pipeline_value"_s, h.pipelineValue },
        { u"weighted_pipeline"_s, h.weightedPipeline },
        { u"coverage"_s, std::round(h.coverage * 100.0) / 100.0 }, { u"target"_s, target },
        { u"win_rate"_s, h.winRate ? QJsonValue(*h.winRate) : QJsonValue() },
        { u"velocity_per_day"_s, h.velocityPerDay ? QJsonValue(*h.velocityPerDay) : QJsonValue() },
        { u"at_risk"_s, atRisk } };
    r.summary = u"Pipeline %1 (%2/100): %3 open worth $%4 (weighted $%5), %6 at risk."_s.arg(h.status)
                    .arg(h.score)
                    .arg(plural(h.openDeals, u"deal"_s))
                    .arg(h.pipelineValue, 0, 'f', 0)
                    .arg(h.weightedPipeline, 0, 'f', 0)
                    .arg(atRisk.size());
    return r;
}

AgentResult competitorWatch(const AgentContext& ctx)
{
    AgentResult r;
    QJsonArray list;
    for (const DealRecord& d : ctx.data.deals) {
        const QString stage = canonicalStage(d.stage);
        if (!d.competitorMentioned || stage == u"won"_s || stage == u"lost"_s)
            continue;
        const double amount = d.amount.value_or(0.0);
        const QString impact = amount > 20000 ? u"high"_s : u"medium"_s;
        const QJsonObject evidence { { u"deal_id"_s, d.id }, { u"deal"_s, d.name }, { u"amount"_s, amount },
            { u"impact"_s, impact }, { u"stage"_s, stage } };
        list.append(evidence);
        r.findings.append({ impact, u"deal:"_s + d.id,
            u"A competitor is in %1 (%2 impact)"_s.arg(d.name, impact), evidence });
        if (impact != u"high"_s)
            continue;
        ProposedMove p = proposal(u"deal:"_s + d.id,
            u"Competitive deal: prepare a battle card for %1"_s.arg(d.name), u"deal_review"_s, u"sales"_s,
            u"A competitor was mentioned in a $%1 deal (high impact over $20k)."_s.arg(amount, 0, 'f', 0),
            evidence);
        p.draft.dealId = d.id;
        p.draft.contactEmail = d.contactEmail;
        p.draft.company = d.company;
        r.moves.append(p);
    }
    r.output = {
        { u"competitive_deals"_s, list },
        { u"detection"_s,
            u"a deal's competitor field or notes, or a message from its contact that mentions a competitor"_s }
    };
    r.summary = u"%1 with a competitor mentioned."_s.arg(plural(list.size(), u"open deal"_s));
    return r;
}

AgentResult partnerCoordinator(const AgentContext& ctx)
{
    const QJsonArray partners = ctx.input.value(u"partners"_s).toArray();
    if (partners.isEmpty())
        return AgentResult::needs(AgentStatus::NeedsInput,
            u"CaseyOS keeps no partner records: pass {\"partners\": [{\"name\": …, \"revenue\": 120000, "
            "\"referrals\": 8}]} to get tiers and commissions."_s);
    AgentResult r;
    QJsonArray list;
    for (const QJsonValue& v : partners) {
        const QJsonObject p = v.toObject();
        const double revenue = p.value(u"revenue"_s).toDouble();
        const QString tier = partnerTier(revenue, p.value(u"referrals"_s).toInt());
        list.append(QJsonObject { { u"name"_s, p.value(u"name"_s) }, { u"tier"_s, tier },
            { u"commission_rate"_s, partnerCommission(tier) },
            { u"commission"_s, revenue * partnerCommission(tier) } });
    }
    r.output = { { u"partners"_s, list } };
    r.summary = u"Tiers and commissions for %1."_s.arg(plural(list.size(), u"partner"_s));
    return r;
}

AgentResult marketTrends(const AgentContext&)
{
    return AgentResult::needs(AgentStatus::NeedsAccount,
        u"Market trends read thought leaders' posts on X and need a connected X account, and a language "
        u"model "
        "for the analysis. Neither is available, so nothing is reported (the original's rules: clusters of ≥ "
        "2 "
        "posts by keyword, actionable when mean relevance ≥ 0.5)."_s);
}

} // namespace

QList<AgentDefinition> opsAgents()
{
    const AgentDomain d = AgentDomain::Ops;
    return {
        { { u"revenue_ops"_s, d,
              u"Pipeline health (stalled deals, top-heavy stages, coverage of the target) and at-risk deals, "
              u"with "
              "a rescue move for each."_s,
              { { u"deals"_s, u"input"_s }, {}, false } },
            revenueOps },
        { { u"competitor_watch"_s, d,
              u"Open deals where a competitor came up; high impact over $20k gets a battle-card move."_s,
              { { u"deals"_s, u"messages"_s }, {}, false } },
            competitorWatch },
        { { u"partner_coordinator"_s, d,
              u"Partner tiers by revenue or referrals and their commission (5–25 %)."_s,
              { { u"input"_s }, {}, false } },
            partnerCoordinator },
        { { u"market_trends"_s, d, u"Trends among thought leaders' posts on X."_s, { {}, u"x"_s, true } },
            marketTrends },
    };
}

} // namespace caseyos::agents
