#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace caseyos::agents {

// The original's revenue_ops thresholds (original-behaviour.md §8.2).

// Stage → probability: lead .05, qualified .15, discovery .30, proposal .50, negotiation .75, won 1, lost 0.
// HubSpot's built-in stage ids map onto these (appointmentscheduled → discovery, qualifiedtobuy → qualified,
// presentationscheduled → proposal, decisionmakerboughtin and contractsent → negotiation, closedwon → won,
// closedlost → lost); an unknown stage counts as lead.
QString canonicalStage(const QString& stage);
double stageProbability(const QString& canonical);

struct PipelineDeal
{
    QString id;
    QString name;
    QString stage; // canonical
    double amount = 0.0;
    QDate closeDate; // invalid: none
    QDateTime lastActivityAt; // invalid: none (counts as the deal's creation)
    QDateTime createdAt;
    bool competitor = false;
};

// At-risk score: +30 for > 14 days without activity (else +15 for > 7); +25 when past the close date (else
// +10 when it is < 7 days away); +15 for > $50k still in lead/qualified; +20 with a competitor. At risk when
// the score is > 25.
struct DealRisk
{
    int score = 0;
    bool atRisk = false;
    QStringList reasons;
    int daysIdle = 0;
};
DealRisk assessDealRisk(const PipelineDeal& deal, const QDateTime& now);

// Pipeline health: 100, −25 per high issue, −10 per medium issue. Issues: stalled deals (> 14 days idle;
// high when more than 3); top-heavy (early stages lead/qualified/discovery hold more than 3× the deals of
// proposal/negotiation); coverage = weighted pipeline / target below 1.5× (high below 1.0×). Status ≥ 80
// healthy, ≥ 50 needs_attention, else critical.
struct PipelineIssue
{
    QString kind; // stalled_deals, top_heavy, low_coverage
    QString severity; // high, medium
    QString text;
};
struct PipelineHealth
{
    int score = 100;
    QString status;
    QList<PipelineIssue> issues;
    double pipelineValue = 0.0; // open deals
    double weightedPipeline = 0.0;
    double coverage = 0.0;
    int openDeals = 0;
    int stalledDeals = 0;
    std::optional<double> winRate; // won / (won + lost)
    std::optional<double> velocityPerDay; // weighted pipeline × win rate / average open-deal age in days
};
inline constexpr double kDefaultPipelineTarget = 100000.0;
PipelineHealth assessPipeline(
    const QList<PipelineDeal>& deals, const QDateTime& now, double target = kDefaultPipelineTarget);
QString pipelineStatus(int score);

} // namespace caseyos::agents
