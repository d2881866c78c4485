#include "agents/cores/SyncHealth.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

QString lagStatus(qint64 lagSeconds)
{
    if (lagSeconds < 300)
        return u"healthy"_s;
    if (lagSeconds < 900)
        return u"degraded"_s;
    return u"failing"_s;
}

QString lagAlertSeverity(qint64 lagSeconds)
{
    if (lagSeconds > 1800)
        return u"high"_s;
    return lagSeconds < 300 ? u"none"_s : u"medium"_s;
}

bool rateLimitWarning(double used, double limit)
{
    return limit > 0 && used / limit >= 0.8;
}

QString errorRateLevel(qint64 errors, qint64 total)
{
    if (total <= 0)
        return u"ok"_s;
    const double rate = double(errors) / double(total);
    if (rate >= 0.05)
        return u"over_threshold"_s;
    return rate >= 0.01 ? u"flag"_s : u"ok"_s;
}

StreamHealth streamHealth(
    const QString& syncStatus, const QDateTime& lastSuccessAt, const QString& lastError, const QDateTime& now)
{
    StreamHealth h;
    if (syncStatus == u"never"_s && !lastSuccessAt.isValid()) {
        h.status = u"never"_s;
        h.severity = u"none"_s;
        h.reason = u"not synced yet"_s;
        return h;
    }
    if (!lastSuccessAt.isValid()) {
        h.status = u"failing"_s;
        h.severity = u"high"_s;
        h.reason
            = lastError.isEmpty() ? u"no sync has succeeded"_s : u"no sync has succeeded: "_s + lastError;
        return h;
    }
    h.lagSeconds = std::max<qint64>(0, lastSuccessAt.secsTo(now));
    h.status = lagStatus(*h.lagSeconds);
    h.severity = lagAlertSeverity(*h.lagSeconds);
    h.reason = u"last success %1 s ago"_s.arg(*h.lagSeconds);
    if (syncStatus == u"error"_s) {
        h.status = u"failing"_s;
        if (h.severity == u"none"_s)
            h.severity = u"medium"_s;
        h.reason += u"; last sync failed: "_s + lastError;
    }
    return h;
}

} // namespace caseyos::agents
