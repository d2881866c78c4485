#include "agents/cores/Fulfillment.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

QString deliverableRisk(int days, bool behind)
{
    if (days <= 1)
        return u"critical"_s;
    if (days <= 3 || (behind && days <= 5))
        return u"high"_s;
    return days <= 7 ? u"medium"_s : u"low"_s;
}

int daysUntil(const QDateTime& due, const QDateTime& now)
{
    return int(std::floor(double(now.secsTo(due)) / 86400.0));
}

QString approvalStage(qint64 hours)
{
    if (hours >= 168)
        return u"expire"_s;
    if (hours >= 72)
        return u"escalate"_s;
    return hours >= 24 ? u"remind"_s : u"waiting"_s;
}

} // namespace caseyos::agents
