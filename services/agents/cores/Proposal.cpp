#include "agents/cores/Proposal.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

QString money(double v)
{
    return u"$"_s + QLocale(QLocale::English).toString(v, 'f', v == std::floor(v) ? 0 : 2);
}

} // namespace

const QList<ProposalService>& proposalCatalogue()
{
    static const QList<ProposalService> catalogue {
        { u"brand_strategy"_s, u"Brand strategy"_s, 8000.0, 4, false },
        { u"content_strategy"_s, u"Content strategy"_s, 6000.0, 3, false },
        { u"go_to_market"_s, u"Go-to-market plan"_s, 12000.0, 6, false },
        { u"monthly_retainer"_s, u"Monthly retainer"_s, 5000.0, 0, true },
    };
    return catalogue;
}

double proposalDiscount(int services)
{
    if (services >= 3)
        return 0.10;
    return services == 2 ? 0.05 : 0.0;
}

Proposal generateProposal(const QString& client, const QStringList& keys, const QDate& today)
{
    Proposal p;
    p.client = client.trimmed().isEmpty() ? u"your team"_s : client.trimmed();
    for (const QString& key : keys) {
        const QString k = key.trimmed().toLower();
        const auto it = std::find_if(proposalCatalogue().cbegin(), proposalCatalogue().cend(),
            [&](const ProposalService& s) { return s.key == k; });
        if (it == proposalCatalogue().cend())
            p.unknown << key;
        else if (!std::any_of(
                     p.services.cbegin(), p.services.cend(), [&](const auto& s) { return s.key == k; }))
            p.services.append(*it);
    }
    for (const ProposalService& s : p.services) {
        if (s.recurring) {
            p.monthly += s.price;
        } else {
            p.oneTimeSubtotal += s.price;
            p.totalWeeks += s.weeks; // engagements run one after another
        }
    }
    p.discountRate = proposalDiscount(int(p.services.size()));
    p.oneTimeTotal = std::round(p.oneTimeSubtotal * (1.0 - p.discountRate) * 100.0) / 100.0;
    p.monthlyTotal = std::round(p.monthly * (1.0 - p.discountRate) * 100.0) / 100.0;
    p.startDate = today.addDays(7);
    p.endDate = p.startDate.addDays(7 * p.totalWeeks);

    QString t = u"# Proposal for %1\n\n## Scope\n"_s.arg(p.client);
    for (const ProposalService& s : p.services)
        t += s.recurring ? u"- %1: %2 a month\n"_s.arg(s.name, money(s.price))
                         : u"- %1: %2, %3 weeks\n"_s.arg(s.name, money(s.price)).arg(s.weeks);
    t += u"\n## Investment\n"_s;
    if (p.oneTimeSubtotal > 0)
        t += u"- One-time: %1"_s.arg(money(p.oneTimeTotal))
            + (p.discountRate > 0
                    ? u" (%1 less %2%)"_s.arg(money(p.oneTimeSubtotal)).arg(int(p.discountRate * 100))
                    : QString())
            + u'\n';
    if (p.monthly > 0)
        t += u"- Monthly: %1\n"_s.arg(money(p.monthlyTotal));
    t += u"\n## Timeline\n- Start: %1\n"_s.arg(p.startDate.toString(Qt::ISODate));
    if (p.totalWeeks > 0)
        t += u"- Delivery: %1 weeks, by %2\n"_s.arg(p.totalWeeks).arg(p.endDate.toString(Qt::ISODate));
    t += u"\n## Payment terms\n%1\n"_s.arg(p.paymentTerms);
    p.text = t;
    return p;
}

} // namespace caseyos::agents
