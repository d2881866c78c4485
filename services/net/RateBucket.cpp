#include "net/RateBucket.h"

#include <algorithm>

namespace caseyos {

RateBucket::RateBucket(double limit, qint64 windowMs)
    : m_limit(limit)
    , m_windowMs(std::max<qint64>(1, windowMs))
{
}

void RateBucket::prune(qint64 nowMs) const
{
    // An entry spent at t counts for every instant in [t, t + window).
    while (!m_spent.empty() && m_spent.front().first + m_windowMs <= nowMs)
        m_spent.pop_front();
}

double RateBucket::used(qint64 nowMs) const
{
    prune(nowMs);
    double total = 0;
    for (const auto& entry : m_spent)
        total += entry.second;
    return total;
}

double RateBucket::available(qint64 nowMs) const
{
    if (nowMs < m_blockedUntilMs)
        return 0;
    return std::max(0.0, m_limit - used(nowMs));
}

qint64 RateBucket::waitMs(qint64 nowMs, double cost) const
{
    const double need = std::min(cost, m_limit);
    const qint64 blocked = std::max<qint64>(0, m_blockedUntilMs - nowMs);
    double inUse = used(nowMs);
    if (inUse + need <= m_limit)
        return blocked;
    // Walk the oldest spends until enough of them have expired.
    for (const auto& [when, units] : m_spent) {
        inUse -= units;
        if (inUse + need <= m_limit)
            return std::max(blocked, when + m_windowMs - nowMs);
    }
    return std::max(blocked, m_windowMs);
}

void RateBucket::take(qint64 nowMs, double cost)
{
    prune(nowMs);
    if (cost > 0)
        m_spent.emplace_back(nowMs, cost);
}

void RateBucket::observeRemaining(qint64 nowMs, double remaining)
{
    const double ours = m_limit - used(nowMs);
    if (remaining < ours)
        m_spent.emplace_back(nowMs, ours - std::max(0.0, remaining));
}

void RateBucket::lowerLimit(double limit)
{
    if (limit > 0 && limit < m_limit)
        m_limit = limit;
}

void RateBucket::blockUntil(qint64 epochMs)
{
    m_blockedUntilMs = std::max(m_blockedUntilMs, epochMs);
}

} // namespace caseyos
