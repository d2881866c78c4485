#include "agents/cores/ClientHealth.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

double engagementScore(std::optional<int> days)
{
    if (!days)
        return 20;
    if (*days <= 3)
        return 100;
    if (*days <= 7)
        return 80;
    if (*days <= 14)
        return 60;
    return *days <= 30 ? 40 : 20;
}

double responseScore(std::optional<double> hours)
{
    if (!hours)
        return 20;
    if (*hours <= 4)
        return 100;
    if (*hours <= 12)
        return 80;
    if (*hours <= 24)
        return 60;
    return *hours <= 48 ? 40 : 20;
}

double depthScore(int contacts)
{
    if (contacts >= 4)
        return 100;
    if (contacts == 3)
        return 80;
    return contacts == 2 ? 60 : 40;
}

QString clientHealthStatus(double score)
{
    if (score >= 85)
        return u"thriving"_s;
    if (score >= 70)
        return u"healthy"_s;
    if (score >= 50)
        return u"neutral"_s;
    return score >= 30 ? u"at_risk"_s : u"critical"_s;
}

ClientHealthScore scoreClientHealth(const ClientHealthInput& in)
{
    ClientHealthScore s;
    s.engagement = engagementScore(in.daysSinceContact);
    s.response = responseScore(in.avgResponseHours);
    // No meetings scheduled yet is not a failure to attend: neutral 50, like feedback without any.
    s.attendance = in.meetingsScheduled > 0
        ? 100.0 * std::min(in.meetingsAttended, in.meetingsScheduled) / in.meetingsScheduled
        : 50.0;
    const int feedback = in.positiveFeedback + in.negativeFeedback;
    s.feedback = feedback > 0 ? 100.0 * in.positiveFeedback / feedback : 50.0;
    s.payment = in.paymentLate ? 30.0 : 100.0;
    s.expansion = std::min(100.0, 50.0 + 25.0 * in.expansionDiscussions);
    s.depth = depthScore(in.contacts);
    const double total = 0.20 * s.engagement + 0.15 * s.response + 0.15 * s.attendance + 0.20 * s.feedback
        + 0.10 * s.payment + 0.10 * s.expansion + 0.10 * s.depth;
    s.score = std::round(total * 10.0) / 10.0;
    s.status = clientHealthStatus(s.score);
    return s;
}

} // namespace caseyos::agents
