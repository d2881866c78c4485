#include "agents/cores/DataDecay.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

QString decayBucket(int days)
{
    if (days >= 365)
        return u"zombie"_s;
    if (days >= 180)
        return u"decayed"_s;
    if (days >= 90)
        return u"stale"_s;
    return u"fresh"_s;
}

DecayAssessment assessDecay(const DecayInput& input, const QDateTime& now)
{
    DecayAssessment a;
    const QDateTime since = input.lastActivityAt.isValid() ? input.lastActivityAt : input.createdAt;
    // Whole days, as the original counted (a record touched 89.9 days ago is still 89 days old).
    a.days = since.isValid() ? int(std::max<qint64>(0, since.secsTo(now) / 86400)) : 999;
    a.bucket = decayBucket(a.days);
    double score = a.bucket == u"zombie"_s ? 0.8
        : a.bucket == u"decayed"_s         ? 0.5
        : a.bucket == u"stale"_s           ? 0.2
                                           : 0.0;
    if (input.badEmail)
        score += 0.2;
    if (a.bucket != u"fresh"_s && !input.engaged)
        score += 0.1;
    a.score = std::min(1.0, std::round(score * 100.0) / 100.0);
    // Ours: a dead address on a dead record goes; a dead address alone gets checked; a year of silence is
    // archived (kept, out of the way); half a year earns a refresh from the sources; stale is a low-priority
    // refresh; fresh needs nothing.
    if (input.badEmail && a.bucket == u"zombie"_s) {
        a.action = u"delete"_s;
        a.priority = 1;
    } else if (input.badEmail) {
        a.action = u"verify_email"_s;
        a.priority = 2;
    } else if (a.bucket == u"zombie"_s) {
        a.action = u"archive"_s;
        a.priority = 2;
    } else if (a.bucket == u"decayed"_s) {
        a.action = u"enrich"_s;
        a.priority = 3;
    } else if (a.bucket == u"stale"_s) {
        a.action = u"enrich"_s;
        a.priority = 4;
    } else {
        a.action = u"none"_s;
        a.priority = 5;
    }
    return a;
}

} // namespace caseyos::agents
