#include "outcomes/OutcomeAdjustment.h"

#include <algorithm>
#include <cmath>

namespace caseyos {

namespace {
constexpr double kMsPerDay = 86'400'000.0;
}

double outcomeWeight(double ageDays)
{
    if (!std::isfinite(ageDays))
        return kOutcomeWeightFloor;
    const double age = std::max(0.0, ageDays);
    return std::max(kOutcomeWeightFloor, 1.0 - age / kOutcomeWeightHorizonDays);
}

void AdjustmentAccumulator::add(double impact, qint64 occurredAtMs)
{
    if (!std::isfinite(impact))
        return;
    const double w = outcomeWeight(double(m_nowMs - occurredAtMs) / kMsPerDay);
    m_weightedSum += impact * w;
    m_weightSum += w;
    ++m_count;
}

double AdjustmentAccumulator::value() const
{
    if (m_count == 0 || m_weightSum <= 0.0)
        return 0.0;
    const double mean = m_weightedSum / m_weightSum;
    return std::clamp(mean, -kOutcomeAdjustmentLimit, kOutcomeAdjustmentLimit);
}

} // namespace caseyos
