#pragma once

#include <QtGlobal>

namespace caseyos {

// The outcome adjustment of PRODUCT.md §2: for one contact, the time-weighted mean of their outcomes'
// impacts, Σ(impact·w) / Σw with w = max(0.1, 1 − age_days/30) and age_days in fractional days (the original
// used whole days ⚠), clamped to [−20, +20]; 0 when the contact has no outcomes. The one place the formula
// lives: the repository streams rows into it, the tests call it directly.
constexpr double kOutcomeAdjustmentLimit = 20.0;
constexpr double kOutcomeWeightFloor = 0.1;
constexpr double kOutcomeWeightHorizonDays = 30.0;

// The weight of an outcome `ageDays` old. An outcome dated in the future (clock skew between sources) counts
// as brand new, weight 1, rather than more than new.
double outcomeWeight(double ageDays);

class AdjustmentAccumulator
{
public:
    explicit AdjustmentAccumulator(qint64 nowMs)
        : m_nowMs(nowMs)
    {
    }
    void add(double impact, qint64 occurredAtMs);
    double value() const; // the clamped mean, 0 with nothing added
    int count() const { return m_count; }

private:
    qint64 m_nowMs;
    double m_weightedSum = 0.0;
    double m_weightSum = 0.0;
    int m_count = 0;
};

} // namespace caseyos
