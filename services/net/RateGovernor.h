#pragma once

#include "core/Clock.h"
#include "net/RateBucket.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace caseyos {

// What one request spends: `cost` units from the named bucket (1 request, or Gmail quota units).
struct RateCost
{
    QString bucket;
    double cost = 1;
};

// Rate budgets per provider key ("hubspot:<account>", "hubspot-search:<account>", "gmail:<account>",
// "calendar:<account>" — see ProviderLimits.h). A request may go when every bucket it names has room;
// buckets nobody configured do not limit. Time comes from the injected Clock. Not thread-safe: it lives
// on the network thread with the HttpClient that asks it.
class RateGovernor
{
public:
    explicit RateGovernor(const Clock& clock);

    void setLimit(const QString& bucket, double limit, qint64 windowMs);
    bool hasBucket(const QString& bucket) const { return m_buckets.contains(bucket); }
    const RateBucket* bucket(const QString& bucket) const;

    // How long to wait before a request with these costs may go (0 = now).
    qint64 waitMs(const QList<RateCost>& costs) const;
    // Spends the costs if the request may go now; returns false (spending nothing) otherwise.
    bool tryAcquire(const QList<RateCost>& costs);

    // Tightens the request's first bucket from the rate-limit headers the provider sent
    // (X-HubSpot-RateLimit-Max / -Remaining, generic X-RateLimit-Remaining / RateLimit-Remaining).
    void observeHeaders(const QList<RateCost>& costs, const QList<QPair<QByteArray, QByteArray>>& headers);
    // A 429 told us when the server will take requests again: hold every bucket of the request till then.
    void blockFor(const QList<RateCost>& costs, qint64 delayMs);

private:
    qint64 nowMs() const { return m_clock.now().toMSecsSinceEpoch(); }

    const Clock& m_clock;
    QHash<QString, RateBucket> m_buckets;
};

} // namespace caseyos
