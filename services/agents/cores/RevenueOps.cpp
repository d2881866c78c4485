#include "agents/cores/RevenueOps.h"

#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

bool isOpen(const QString& stage)
{
    return stage != u"won"_s && stage != u"lost"_s;
}

int daysIdle(const PipelineDeal& deal, const QDateTime& now)
{
    const QDateTime since = deal.lastActivityAt.isValid() ? deal.lastActivityAt : deal.createdAt;
    return since.isValid() ? int(std::max<qint64>(0, since.secsTo(now) / 86400)) : 0;
}

} // namespace

QString canonicalStage(const QString& stage)
{
    static const QHash<QString, QString> map { { u"lead"_s, u"lead"_s }, { u"qualified"_s, u"qualified"_s },
        { u"discovery"_s, u"discovery"_s }, { u"proposal"_s, u"proposal"_s },
        { u"negotiation"_s, u"negotiation"_s }, { u"won"_s, u"won"_s }, { u"lost"_s, u"lost"_s },
        { u"appointmentscheduled"_s, u"discovery"_s }, { u"qualifiedtobuy"_s, u"qualified"_s },
        { u"presentationscheduled"_s, u"proposal"_s }, { u"decisionmakerboughtin"_s, u"negotiation"_s },
        { u"contractsent"_s, u"negotiation"_s }, { u"closedwon"_s, u"won"_s },
        { u"closedlost"_s, u"lost"_s } };
    QString key = stage.toLower();
    key.remove(u' ').remove(u'_').remove(u'-');
    return map.value(key, u"lead"_s);
}

double stageProbability(const QString& canonical)
{
    static const QHash<QString, double> p { { u"lead"_s, 0.05 }, { u"qualified"_s, 0.15 },
        { u"discovery"_s, 0.30 }, { u"proposal"_s, 0.50 }, { u"negotiation"_s, 0.75 }, { u"won"_s, 1.0 },
        { u"lost"_s, 0.0 } };
    return p.value(canonical, 0.05);
}

DealRisk assessDealRisk(const PipelineDeal& deal, const QDateTime& now)
{
    DealRisk r;
    r.daysIdle = daysIdle(deal, now);
    if (r.daysIdle > 14) {
        r.score += 30;
        r.reasons << u"%1 days without activity"_s.arg(r.daysIdle);
    } else if (r.daysIdle > 7) {
        r.score += 15;
        r.reasons << u"%1 days without activity"_s.arg(r.daysIdle);
    }
    if (deal.closeDate.isValid()) {
        const qint64 toClose = now.date().daysTo(deal.closeDate);
        if (toClose < 0) {
            r.score += 25;
            r.reasons << u"close date passed %1 days ago"_s.arg(-toClose);
        } else if (toClose < 7) {
            r.score += 10;
            r.reasons << u"closes in %1 days"_s.arg(toClose);
        }
    }
    if (deal.amount > 50000 && (deal.stage == u"lead"_s || deal.stage == u"qualified"_s)) {
        r.score += 15;
        r.reasons << u"large deal still at %1"_s.arg(deal.stage);
    }
    if (deal.competitor) {
        r.score += 20;
        r.reasons << u"a competitor is involved"_s;
    }
    r.atRisk = r.score > 25;
    return r;
}

QString pipelineStatus(int score)
{
    if (score >= 80)
        return u"healthy"_s;
    return score >= 50 ? u"needs_attention"_s : u"critical"_s;
}

PipelineHealth assessPipeline(const QList<PipelineDeal>& deals, const QDateTime& now, double target)
{
    PipelineHealth h;
    int early = 0;
    int late = 0;
    int won = 0;
    int lost = 0;
    qint64 ageDays = 0;
    for (const PipelineDeal& d : deals) {
        if (d.stage == u"won"_s)
            ++won;
        else if (d.stage == u"lost"_s)
            ++lost;
        if (!isOpen(d.stage))
            continue;
        ++h.openDeals;
        h.pipelineValue += d.amount;
        h.weightedPipeline += d.amount * stageProbability(d.stage);
        if (daysIdle(d, now) > 14)
            ++h.stalledDeals;
        if (d.stage == u"lead"_s || d.stage == u"qualified"_s || d.stage == u"discovery"_s)
            ++early;
        else
            ++late;
        if (d.createdAt.isValid())
            ageDays += std::max<qint64>(1, d.createdAt.secsTo(now) / 86400);
    }
    if (h.stalledDeals > 0)
        h.issues.append({ u"stalled_deals"_s, h.stalledDeals > 3 ? u"high"_s : u"medium"_s,
            u"%1 open deal(s) without activity for more than 14 days"_s.arg(h.stalledDeals) });
    if (early > 3 * late)
        h.issues.append({ u"top_heavy"_s, u"medium"_s,
            u"%1 deal(s) in early stages against %2 in proposal or negotiation"_s.arg(early).arg(late) });
    h.coverage = target > 0 ? h.weightedPipeline / target : 0.0;
    if (h.coverage < 1.5)
        h.issues.append({ u"low_coverage"_s, h.coverage < 1.0 ? u"high"_s : u"medium"_s,
            u"weighted pipeline covers %1× the target (1.5× wanted)"_s.arg(h.coverage, 0, 'f', 2) });
    for (const PipelineIssue& issue : h.issues)
        h.score -= issue.severity == u"high"_s ? 25 : 10;
    h.score = std::max(0, h.score);
    h.status = pipelineStatus(h.score);
    if (won + lost > 0)
        h.winRate = double(won) / double(won + lost);
    if (h.winRate && h.openDeals > 0 && ageDays > 0)
        h.velocityPerDay = h.weightedPipeline * *h.winRate / (double(ageDays) / h.openDeals);
    return h;
}

} // namespace caseyos::agents
