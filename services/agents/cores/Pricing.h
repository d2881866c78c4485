#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace caseyos::agents {

// The original's pricing_calculator (original-behaviour.md §8.2). Base prices: strategy $8k (complexity ×0.8
// low, ×1.0 medium, ×1.3 high, ×1.6 enterprise); implementation $15k (×0.8/1.0/1.25/1.5); retainer by tier
// 20 h $5k, 40 h $8.5k, 60 h $12k; audit $4k; training $2.5k a day, $1.5k a half day. Duration factor
// 1 + 0.05·(weeks − 4) when weeks > 4. Discounts add up: volume 5 % (2 services), 10 % (≥ 3), 15 % (≥ 5);
// loyalty 5/10/15 % (returning / ≥ 2 years / ≥ 5 years); referral 5/10 %; early bird 10 % (signed within 7
// days) / 5 % (within 14); strategic: logo 10 %, case study 5 %. The total discount is capped at 25 %.
struct PricedService
{
    QString service; // strategy, implementation, retainer, audit, training
    QString complexity = QStringLiteral("medium"); // strategy, implementation
    int retainerHours = 20; // retainer: 20, 40 or 60
    double trainingDays = 1.0; // training: whole and half days (1.5 = one day and a half day)
    int weeks = 0; // strategy, implementation: duration (0 = standard)
};

struct PricingInput
{
    QList<PricedService> services;
    int customerYears = 0; // 0 new; 1 returning; ≥ 2, ≥ 5
    bool returningCustomer = false;
    int referralPercent = 0; // 0, 5 or 10
    std::optional<int> signWithinDays; // early bird
    bool logoRights = false;
    bool caseStudy = false;
};

struct PricingLine
{
    QString service;
    double base = 0.0;
    double factor = 1.0; // complexity × duration
    double price = 0.0;
};

struct PricingQuote
{
    QList<PricingLine> lines;
    double subtotal = 0.0;
    QStringList discounts; // "volume 10%", …
    double requestedDiscount = 0.0; // the sum before the cap, 0..1
    double discount = 0.0; // after the cap
    bool capped = false;
    double total = 0.0;
    QStringList paymentOptions; // "50/50", "33/33/34 milestones", "3 monthly instalments"
    QStringList errors; // unknown services, bad tiers
};

inline constexpr double kMaxTotalDiscount = 0.25;
std::optional<PricingLine> priceService(const PricedService& service, QString* error);
double durationFactor(int weeks);
double volumeDiscount(int services);
PricingQuote quote(const PricingInput& input);

} // namespace caseyos::agents
