#include "agents/cores/Pricing.h"

#include <QHash>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

namespace {

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QString percent(double fraction)
{
    return QString::number(int(std::lround(fraction * 100.0))) + u'%';
}

} // namespace

double durationFactor(int weeks)
{
    return weeks > 4 ? 1.0 + 0.05 * (weeks - 4) : 1.0;
}

double volumeDiscount(int services)
{
    if (services >= 5)
        return 0.15;
    if (services >= 3)
        return 0.10;
    return services == 2 ? 0.05 : 0.0;
}

std::optional<PricingLine> priceService(const PricedService& s, QString* error)
{
    static const QHash<QString, double> strategy { { u"low"_s, 0.8 }, { u"medium"_s, 1.0 },
        { u"high"_s, 1.3 }, { u"enterprise"_s, 1.6 } };
    static const QHash<QString, double> implementation { { u"low"_s, 0.8 }, { u"medium"_s, 1.0 },
        { u"high"_s, 1.25 }, { u"enterprise"_s, 1.5 } };
    PricingLine line;
    line.service = s.service;
    auto complexity = [&](const QHash<QString, double>& table) -> std::optional<double> {
        const auto it = table.constFind(s.complexity.toLower());
        if (it == table.cend()) {
            *error = u"unknown complexity \"%1\" (low, medium, high, enterprise)"_s.arg(s.complexity);
            return std::nullopt;
        }
        return *it;
    };
    if (s.service == u"strategy"_s || s.service == u"implementation"_s) {
        const bool isStrategy = s.service == u"strategy"_s;
        const auto c = complexity(isStrategy ? strategy : implementation);
        if (!c)
            return std::nullopt;
        line.base = isStrategy ? 8000.0 : 15000.0;
        line.factor = *c * durationFactor(s.weeks);
    } else if (s.service == u"retainer"_s) {
        static const QHash<int, double> tiers { { 20, 5000.0 }, { 40, 8500.0 }, { 60, 12000.0 } };
        if (!tiers.contains(s.retainerHours)) {
            *error = u"no retainer tier of %1 hours (20, 40 or 60)"_s.arg(s.retainerHours);
            return std::nullopt;
        }
        line.base = tiers.value(s.retainerHours);
    } else if (s.service == u"audit"_s) {
        line.base = 4000.0;
    } else if (s.service == u"training"_s) {
        const double whole = std::floor(s.trainingDays);
        const double half = s.trainingDays - whole;
        if (s.trainingDays <= 0 || (half != 0.0 && half != 0.5)) {
            *error = u"training is sold in whole and half days (got %1)"_s.arg(s.trainingDays);
            return std::nullopt;
        }
        line.base = 2500.0 * whole + (half > 0 ? 1500.0 : 0.0);
    } else {
        *error = u"unknown service \"%1\" (strategy, implementation, retainer, audit, training)"_s.arg(
            s.service);
        return std::nullopt;
    }
    line.price = round2(line.base * line.factor);
    return line;
}

PricingQuote quote(const PricingInput& in)
{
    PricingQuote q;
    for (const PricedService& s : in.services) {
        QString error;
        if (const auto line = priceService(s, &error)) {
            q.lines.append(*line);
            q.subtotal += line->price;
        } else {
            q.errors << error;
        }
    }
    auto add = [&q](const QString& name, double fraction) {
        if (fraction <= 0)
            return;
        q.requestedDiscount += fraction;
        q.discounts << name + u' ' + percent(fraction);
    };
    add(u"volume"_s, volumeDiscount(int(q.lines.size())));
    add(u"loyalty"_s,
        in.customerYears >= 5                                 ? 0.15
            : in.customerYears >= 2                           ? 0.10
            : (in.returningCustomer || in.customerYears >= 1) ? 0.05
                                                              : 0.0);
    add(u"referral"_s, in.referralPercent >= 10 ? 0.10 : in.referralPercent >= 5 ? 0.05 : 0.0);
    if (in.signWithinDays)
        add(u"early bird"_s, *in.signWithinDays <= 7 ? 0.10 : *in.signWithinDays <= 14 ? 0.05 : 0.0);
    add(u"logo"_s, in.logoRights ? 0.10 : 0.0);
    add(u"case study"_s, in.caseStudy ? 0.05 : 0.0);
    q.requestedDiscount = round2(q.requestedDiscount);
    q.capped = q.requestedDiscount > kMaxTotalDiscount;
    q.discount = q.capped ? kMaxTotalDiscount : q.requestedDiscount;
    q.total = round2(q.subtotal * (1.0 - q.discount));
    q.paymentOptions
        = { u"50% upfront, 50% on completion"_s, u"33/33/34% at milestones"_s, u"3 monthly instalments"_s };
    return q;
}

} // namespace caseyos::agents
