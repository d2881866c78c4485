#pragma once

#include "core/Move.h"

#include <QString>

#include <optional>

namespace caseyos {

// Weights of the four components; the product default is 40 / 25 / 15 / 20 and they must sum to 1.
struct ApsWeights
{
    double revenue = 0.40;
    double urgency = 0.25;
    double effort = 0.15;
    double strategic = 0.20;
    bool isValid() const; // each in [0,1] and the sum within 1e-6 of 1
};

// Components a caller gave; a missing one falls back to the action type's default. 0.0 is a value.
struct ApsInput
{
    std::optional<double> revenue;
    std::optional<double> urgency;
    std::optional<double> effort;
    std::optional<double> strategic;
};

struct ApsResult
{
    double score = 0.0; // 0..100, rounded to 2 decimals
    ApsComponents components;
    double outcomeAdjustment = 0.0;
    QString reasoning;
};

// PRODUCT.md §2 defaults per action type (lowercased match); unknown types get 0.5 everywhere.
ApsComponents defaultComponents(QStringView actionType);

// Fills missing components from the defaults and clamps given ones to [0, 1] (NaN counts as missing).
ApsComponents resolveComponents(QStringView actionType, const ApsInput& input);

// raw = wR·R + wU·U + wE·(1−E) + wS·S; score = round2(clamp(100·raw + adjustment, 0, 100)).
double apsScore(const ApsComponents& components, double outcomeAdjustment, const ApsWeights& weights = {});

// "Revenue 60% · Urgency 90% · Effort 80% easy · Strategic 50%" plus " · Outcome +2.5" when the
// adjustment is non-zero. Percentages are rounded, never truncated.
QString apsReasoning(const ApsComponents& components, double outcomeAdjustment);

ApsResult computeAps(const ApsComponents& components, double outcomeAdjustment, const ApsWeights& weights = {});

// Applies a computed result to a move (aps, components, adjustment, reasoning).
void applyAps(Move& move, const ApsResult& result);

} // namespace caseyos
