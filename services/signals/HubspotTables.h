#pragma once

#include <QString>

#include <optional>

namespace caseyos {

// PRODUCT.md §3 HubSpot stage table (stage lowercased; unknown stages use the "any other" row).
struct HubspotStageRule
{
    double urgency = 0.5;
    QString actionType = QStringLiteral("deal_review");
    double strategic = 0.5;
    int dueHours = 8;
};

HubspotStageRule hubspotStageRule(QStringView stage);

// Revenue by amount: ≤0 or missing 0.3 · <5k 0.5 · <10k 0.6 · <25k 0.7 · <50k 0.8 · <100k 0.9 · ≥100k 1.0.
double hubspotRevenueForAmount(std::optional<double> amount);

// How people name a stage: "decision maker bought in" for HubSpot's built-in stage ids (any case or
// punctuation), other stages quoted as the payload spelled them; empty for none.
QString hubspotStageLabel(const QString& stage);

} // namespace caseyos
