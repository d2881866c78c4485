#include "outcomes/OutcomeCharts.h"

#include "outcomes/OutcomePicker.h"

#include <QFont>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QCategoryAxis>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QPieSeries>
#include <QtCharts/QPieSlice>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QColor kInk(0x1f, 0x29, 0x37);
const QColor kMuted(0x5f, 0x6b, 0x7a);
const QColor kGrid(0xe5, 0xe7, 0xeb);
const QColor kFunnel(0x15, 0x65, 0xc0);
const QColor kGain(0x2e, 0x7d, 0x32);
const QColor kLoss(0xc6, 0x28, 0x28);

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    chart->setTitleFont(titleFont);
    chart->setTitleBrush(kInk);
    chart->setBackgroundRoundness(6);
    chart->setMargins(QMargins(6, 4, 10, 6));
    chart->setAnimationOptions(QChart::NoAnimation); // stats arrive as a whole; no movement to follow
    chart->legend()->setVisible(false);
    return chart;
}

void styleValueAxis(QValueAxis* axis)
{
    axis->setLabelsBrush(kMuted);
    axis->setGridLineColor(kGrid);
    axis->setLinePen(QPen(kGrid));
    axis->setMinorTickCount(0);
}

// An axis maximum a little above `value`, on a round step so the ticks read well.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : { 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0 })
        if (value <= step * magnitude)
            return step * magnitude;
    return 10.0 * magnitude;
}

QString shareOfSent(qint64 count, qint64 sent)
{
    if (sent <= 0)
        return QString();
    return u"  ·  %1%"_s.arg(QString::number(100.0 * double(count) / double(sent), 'f', 0));
}

} // namespace

QColor categoryColor(OutcomeCategory category)
{
    switch (category) {
    case OutcomeCategory::Email:
        return QColor(0x15, 0x65, 0xc0);
    case OutcomeCategory::Meeting:
        return QColor(0x00, 0x89, 0x7b);
    case OutcomeCategory::Deal:
        return QColor(0x6a, 0x4f, 0xb3);
    case OutcomeCategory::Task:
        return QColor(0xef, 0x6c, 0x00);
    case OutcomeCategory::General:
        return QColor(0x75, 0x75, 0x75);
    }
    return Qt::gray;
}

QChart* makeFunnelChart(const OutcomeStats& s)
{
    QChart* chart = newChart(u"Email funnel"_s);
    struct Stage
    {
        QString name;
        qint64 count;
    };
    // Horizontal bars are laid out from the bottom: list the funnel's last stage first so "Sent" is on top.
    const Stage stages[] = {
        { u"Booked"_s, s.booked() },
        { u"Replied"_s, s.replied() },
        { u"Opened"_s, s.opened() },
        { u"Sent"_s, s.sent() },
    };
    auto* set = new QBarSet(u"Outcomes"_s);
    set->setColor(kFunnel);
    set->setBorderColor(kFunnel);
    set->setLabelColor(kInk);
    QStringList categories;
    qint64 highest = 0;
    for (const Stage& stage : stages) {
        *set << double(stage.count);
        categories << stage.name + (stage.name == u"Sent"_s ? QString() : shareOfSent(stage.count, s.sent()));
        highest = std::max(highest, stage.count);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.62);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(6);
    chart->addSeries(series);

    auto* stagesAxis = new QBarCategoryAxis;
    stagesAxis->append(categories);
    stagesAxis->setLabelsBrush(kInk);
    stagesAxis->setGridLineVisible(false);
    stagesAxis->setLinePen(QPen(kGrid));
    chart->addAxis(stagesAxis, Qt::AlignLeft);
    series->attachAxis(stagesAxis);

    auto* counts = new QValueAxis;
    styleValueAxis(counts);
    // Room on the right for the value labels outside the longest bar.
    counts->setRange(0, niceCeiling(double(highest) * 1.08));
    counts->setLabelFormat(u"%d"_s);
    counts->setTickCount(5);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(counts);
    return chart;
}

QChart* makeCategoryChart(const OutcomeStats& s)
{
    QChart* chart = newChart(u"Outcomes by category"_s);
    auto* series = new QPieSeries;
    series->setHoleSize(0.52);
    series->setPieSize(0.82);
    for (OutcomeCategory category : allOutcomeCategories()) {
        const qint64 count = s.byCategory.value(category);
        if (count <= 0)
            continue;
        QPieSlice* slice
            = series->append(u"%1  %2"_s.arg(outcomeCategoryLabel(category)).arg(count), double(count));
        slice->setColor(categoryColor(category));
        slice->setBorderColor(Qt::white);
        slice->setBorderWidth(2);
        slice->setLabelVisible(false); // the legend names them; labels around a small donut collide
    }
    chart->addSeries(series);
    QLegend* legend = chart->legend();
    legend->setVisible(true);
    legend->setAlignment(Qt::AlignRight);
    legend->setLabelColor(kInk);
    legend->setMarkerShape(QLegend::MarkerShapeCircle);
    return chart;
}

QChart* makeDailyImpactChart(const OutcomeStats& s)
{
    QChart* chart = newChart(u"Net impact per day"_s);
    auto* gains = new QBarSet(u"Net gain"_s);
    auto* losses = new QBarSet(u"Net loss"_s);
    gains->setColor(kGain);
    gains->setBorderColor(kGain);
    losses->setColor(kLoss);
    losses->setBorderColor(kLoss);
    double top = 0.0;
    double bottom = 0.0;
    for (const OutcomeDay& day : s.perDay) {
        // Stacked: each day has one non-zero part, above zero (gain) or below (loss).
        *gains << std::max(0.0, day.netImpact);
        *losses << std::min(0.0, day.netImpact);
        top = std::max(top, day.netImpact);
        bottom = std::min(bottom, day.netImpact);
    }
    auto* series = new QStackedBarSeries;
    series->append(gains);
    series->append(losses);
    series->setBarWidth(s.perDay.size() > 31 ? 0.9 : 0.7);
    chart->addSeries(series);

    // A category axis over the bar indexes (bar i sits at x = i) labels only some days: every day up to ten,
    // about eight labels for longer windows, counted back from today so the latest day always has its date.
    const int n = int(s.perDay.size());
    const int every = n <= 10 ? 1 : int(std::ceil(double(n) / 8.0));
    QList<int> labelled;
    for (int i = n - 1; i >= 0; i -= every)
        labelled.prepend(i); // QCategoryAxis wants increasing values
    auto* days = new QCategoryAxis;
    days->setRange(-0.5, std::max(0, n - 1) + 0.5);
    days->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    days->setLabelsBrush(kMuted);
    days->setGridLineVisible(false);
    days->setLinePen(QPen(kGrid));
    for (int i : labelled)
        days->append(s.perDay.at(i).date.toString(n <= 10 ? u"ddd d"_s : u"d MMM"_s), i);
    chart->addAxis(days, Qt::AlignBottom);
    series->attachAxis(days);

    auto* impact = new QValueAxis;
    styleValueAxis(impact);
    const double low = bottom < 0 ? -niceCeiling(-bottom) : 0.0;
    const double high = top > 0 ? niceCeiling(top) : (low < 0 ? 0.0 : 1.0);
    impact->setRange(low, high);
    impact->setLabelFormat(u"%.0f"_s);
    impact->setTickCount(5);
    impact->applyNiceNumbers();
    chart->addAxis(impact, Qt::AlignLeft);
    series->attachAxis(impact);
    return chart;
}

} // namespace caseyos
