#include "agents/cores/PartnerTiers.h"

#include <QHash>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

QString partnerTier(double revenue, int referrals)
{
    if (revenue >= 500000 || referrals >= 50)
        return u"platinum"_s;
    if (revenue >= 200000 || referrals >= 25)
        return u"gold"_s;
    if (revenue >= 100000 || referrals >= 15)
        return u"silver"_s;
    if (revenue >= 25000 || referrals >= 5)
        return u"bronze"_s;
    return u"registered"_s;
}

double partnerCommission(const QString& tier)
{
    static const QHash<QString, double> rates { { u"registered"_s, 0.05 }, { u"bronze"_s, 0.10 },
        { u"silver"_s, 0.15 }, { u"gold"_s, 0.20 }, { u"platinum"_s, 0.25 } };
    return rates.value(tier, 0.0);
}

int enrichmentPriority(const QString& stage, int deals, int missingFields)
{
    const QString s = stage.trimmed().toLower();
    const int base = s == u"customer"_s ? 100 : s == u"opportunity"_s ? 80 : s == u"lead"_s ? 40 : 0;
    return base + 20 * std::max(0, deals) + 5 * std::max(0, missingFields);
}

} // namespace caseyos::agents
