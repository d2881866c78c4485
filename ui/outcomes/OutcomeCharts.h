#pragma once

#include "outcomes/OutcomeStats.h"

#include <QColor>
#include <QTimeZone>
#include <QtCharts/QChart>

namespace caseyos {

// The Outcomes view's charts, built from one OutcomeStats. Each returns a new chart the caller owns (a
// QChartView takes it over). Pure presentation: no database, no clock.

// The funnel sent → opened → replied → booked, as horizontal bars from the top, each stage's label showing
// its share of the sends.
QChart* makeFunnelChart(const OutcomeStats& stats);

// Outcomes by category, as a donut (categories without outcomes are left out).
QChart* makeCategoryChart(const OutcomeStats& stats);

// Net impact per local day: one bar a day, green above zero, red below; date labels thinned so 90 days
// stay readable.
QChart* makeDailyImpactChart(const OutcomeStats& stats);

// The colour each category has in every chart and legend.
QColor categoryColor(OutcomeCategory category);

} // namespace caseyos
