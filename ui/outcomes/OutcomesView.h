#pragma once

#include "outcomes/OutcomeStats.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QStackedWidget;
class QChart;
class QChartView;

namespace caseyos {

// What outcomes add up to over 7, 30 or 90 days: the email funnel, outcomes by category and net impact per
// day as charts, and the headline figures (reply rate, meeting rate, net and mean impact). It never touches
// the database: the window connects periodChanged to OutcomesClient::loadStats and statsLoaded to setStats.
class OutcomesView : public QWidget
{
    Q_OBJECT
public:
    explicit OutcomesView(QWidget* parent = nullptr);

    int days() const { return m_days; } // the selected period
    bool showsEmptyState() const;
    const OutcomeStats& stats() const { return m_stats; }

    // For tests and accessibility: the charts as shown, and the figures' text.
    QChart* funnelChart() const;
    QChart* categoryChart() const;
    QChart* dailyChart() const;
    QString figuresText() const;
    QString emptyText() const;

public Q_SLOTS:
    void setStats(const caseyos::OutcomeStats& stats);
    void setPeriod(int days); // 7, 30 or 90: selects it and emits periodChanged when it changes

Q_SIGNALS:
    void periodChanged(int days); // the user picked another period: load stats for it

private:
    void buildUi();
    QWidget* makeFigure(const QString& caption, QLabel** value, QLabel** detail);

    int m_days = 30;
    OutcomeStats m_stats;
    QButtonGroup* m_periods = nullptr;
    QLabel* m_subtitle = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_replyRate = nullptr;
    QLabel* m_replyDetail = nullptr;
    QLabel* m_meetingRate = nullptr;
    QLabel* m_meetingDetail = nullptr;
    QLabel* m_net = nullptr;
    QLabel* m_netDetail = nullptr;
    QLabel* m_mean = nullptr;
    QLabel* m_meanDetail = nullptr;
    QChartView* m_funnel = nullptr;
    QChartView* m_categories = nullptr;
    QChartView* m_daily = nullptr;
};

} // namespace caseyos
