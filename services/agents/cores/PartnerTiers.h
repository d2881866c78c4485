#pragma once

#include <QString>

namespace caseyos::agents {

// The original's partner_coordinator (original-behaviour.md §8.2): tier from revenue or referrals —
// ≥ $500k or ≥ 50 → platinum; ≥ $200k or ≥ 25 → gold; ≥ $100k or ≥ 15 → silver; ≥ $25k or ≥ 5 → bronze;
// else registered. Commission: registered 5 %, bronze 10 %, silver 15 %, gold 20 %, platinum 25 %.
QString partnerTier(double revenue, int referrals);
double partnerCommission(const QString& tier);

// The original's enrichment priority: +100 customer, +80 opportunity, +40 lead (lifecycle stage); +20 per
// deal; +5 per missing field.
int enrichmentPriority(const QString& lifecycleStage, int deals, int missingFields);

} // namespace caseyos::agents
