#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace caseyos::agents {

// The original's sync_health thresholds (original-behaviour.md §8.2): lag < 300 s healthy, < 900 s degraded,
// else failing; an alert is high severity when the lag is over 1800 s. Rate-limit use warns at 80 %; an error
// rate of 5 % is over the threshold and 1 % raises a flag.
QString lagStatus(qint64 lagSeconds); // healthy, degraded, failing
QString lagAlertSeverity(qint64 lagSeconds); // none (healthy), medium, high (> 1800 s)
bool rateLimitWarning(double used, double limit); // used/limit ≥ 0.8
QString errorRateLevel(qint64 errors, qint64 total); // ok, flag (≥ 1 %), over_threshold (≥ 5 %)

// One stream of sync_state judged at `now`: lag = now − last success (never succeeded → failing, no lag); a
// stream whose last sync ended in an error is failing whatever its lag.
struct StreamHealth
{
    QString status; // healthy, degraded, failing, never
    std::optional<qint64> lagSeconds;
    QString severity; // none, medium, high
    QString reason;
};
StreamHealth streamHealth(const QString& syncStatus, const QDateTime& lastSuccessAt, const QString& lastError,
    const QDateTime& now);

} // namespace caseyos::agents
