#include "net/ProviderLimits.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace caseyos::providerlimits {

namespace {

QString key(const QString& provider, const QString& account)
{
    return provider + u':' + account;
}

} // namespace

void configureHubspot(RateGovernor& governor, const QString& account)
{
    governor.setLimit(key(u"hubspot"_s, account), 100, 10000 + kJitterPadMs);
    governor.setLimit(key(u"hubspot-search"_s, account), 4, 1000 + kJitterPadMs);
}

QList<RateCost> hubspotCosts(const QString& account, bool isCrmSearch)
{
    QList<RateCost> costs { { key(u"hubspot"_s, account), 1 } };
    if (isCrmSearch)
        costs.append({ key(u"hubspot-search"_s, account), 1 });
    return costs;
}

void configureGmail(RateGovernor& governor, const QString& account)
{
    governor.setLimit(key(u"gmail"_s, account), 250, 1000 + kJitterPadMs);
}

double gmailQuotaUnits(const QString& method)
{
    // Gmail API "Usage limits" table (per-method quota units).
    static const QHash<QString, double> units {
        { u"users.getProfile"_s, 1 },
        { u"labels.list"_s, 1 },
        { u"history.list"_s, 2 },
        { u"messages.list"_s, 5 },
        { u"messages.get"_s, 5 },
        { u"messages.attachments.get"_s, 5 },
        { u"threads.list"_s, 10 },
        { u"threads.get"_s, 10 },
        { u"messages.send"_s, 100 },
        { u"drafts.create"_s, 10 },
    };
    return units.value(method, 5);
}

QList<RateCost> gmailCosts(const QString& account, const QString& method)
{
    return { { key(u"gmail"_s, account), gmailQuotaUnits(method) } };
}

void configureCalendar(RateGovernor& governor, const QString& account)
{
    governor.setLimit(key(u"calendar"_s, account), 600, 60000 + kJitterPadMs);
}

QList<RateCost> calendarCosts(const QString& account)
{
    return { { key(u"calendar"_s, account), 1 } };
}

} // namespace caseyos::providerlimits
