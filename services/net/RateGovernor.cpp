#include "net/RateGovernor.h"

#include <algorithm>
#include <optional>

namespace caseyos {

namespace {

std::optional<double> headerNumber(
    const QList<QPair<QByteArray, QByteArray>>& headers, std::initializer_list<QByteArrayView> names)
{
    for (const auto& [name, value] : headers) {
        for (const QByteArrayView wanted : names) {
            if (name.compare(wanted, Qt::CaseInsensitive) != 0)
                continue;
            bool ok = false;
            const double number = value.trimmed().toDouble(&ok);
            if (ok && number >= 0)
                return number;
        }
    }
    return std::nullopt;
}

} // namespace

RateGovernor::RateGovernor(const Clock& clock)
    : m_clock(clock)
{
}

void RateGovernor::setLimit(const QString& bucket, double limit, qint64 windowMs)
{
    m_buckets.insert(bucket, RateBucket(limit, windowMs));
}

const RateBucket* RateGovernor::bucket(const QString& bucket) const
{
    const auto it = m_buckets.constFind(bucket);
    return it == m_buckets.constEnd() ? nullptr : &it.value();
}

qint64 RateGovernor::waitMs(const QList<RateCost>& costs) const
{
    const qint64 now = nowMs();
    qint64 wait = 0;
    for (const RateCost& cost : costs) {
        if (const RateBucket* b = bucket(cost.bucket))
            wait = std::max(wait, b->waitMs(now, cost.cost));
    }
    return wait;
}

bool RateGovernor::tryAcquire(const QList<RateCost>& costs)
{
    if (waitMs(costs) > 0)
        return false;
    const qint64 now = nowMs();
    for (const RateCost& cost : costs) {
        const auto it = m_buckets.find(cost.bucket);
        if (it != m_buckets.end())
            it->take(now, cost.cost);
    }
    return true;
}

void RateGovernor::observeHeaders(
    const QList<RateCost>& costs, const QList<QPair<QByteArray, QByteArray>>& headers)
{
    if (costs.isEmpty())
        return;
    const auto it = m_buckets.find(costs.first().bucket);
    if (it == m_buckets.end())
        return;
    if (const auto max = headerNumber(headers, { "X-HubSpot-RateLimit-Max", "X-RateLimit-Limit" }))
        it->lowerLimit(*max);
    if (const auto remaining = headerNumber(
            headers, { "X-HubSpot-RateLimit-Remaining", "X-RateLimit-Remaining", "RateLimit-Remaining" }))
        it->observeRemaining(nowMs(), *remaining);
}

void RateGovernor::blockFor(const QList<RateCost>& costs, qint64 delayMs)
{
    const qint64 until = nowMs() + std::max<qint64>(0, delayMs);
    for (const RateCost& cost : costs) {
        const auto it = m_buckets.find(cost.bucket);
        if (it != m_buckets.end())
            it->blockUntil(until);
    }
}

} // namespace caseyos
