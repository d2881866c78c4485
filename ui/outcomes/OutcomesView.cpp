#include "outcomes/OutcomesView.h"

#include "outcomes/OutcomeCharts.h"
#include "outcomes/OutcomePicker.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtCharts/QChartView>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int kPeriods[] = { 7, 30, 90 };

QString percentText(double rate)
{
    return QString::number(rate * 100.0, 'f', 1) + u'%';
}

QChartView* makeChartView(const QString& name)
{
    auto* view = new QChartView;
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(300, 220);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

// QChartView::setChart hands the old chart back to the caller instead of deleting it.
void replaceChart(QChartView* view, QChart* chart)
{
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace

OutcomesView::OutcomesView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(u"outcomesView"_s);
    buildUi();
    m_stats.days = m_days;
    setStats(m_stats); // the empty state until the first stats arrive
}

QWidget* OutcomesView::makeFigure(const QString& caption, QLabel** value, QLabel** detail)
{
    auto* card = new QFrame;
    card->setObjectName(u"outcomeFigure"_s);
    card->setStyleSheet(u"#outcomeFigure { background: palette(base); border: 1px solid #e5e7eb; "
                        "border-radius: 6px; }"_s);
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    auto* title = new QLabel(caption);
    title->setStyleSheet(u"color: #5f6b7a;"_s);
    layout->addWidget(title);
    *value = new QLabel;
    QFont big = (*value)->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    (*value)->setFont(big);
    layout->addWidget(*value);
    *detail = new QLabel;
    (*detail)->setStyleSheet(u"color: #5f6b7a;"_s);
    layout->addWidget(*detail);
    return card;
}

void OutcomesView::buildUi()
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(12, 10, 12, 12);
    outer->setSpacing(10);

    auto* header = new QHBoxLayout;
    auto* title = new QLabel(u"Outcomes"_s);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    header->addWidget(title);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(u"outcomesSubtitle"_s);
    m_subtitle->setStyleSheet(u"color: #5f6b7a;"_s);
    header->addSpacing(8);
    header->addWidget(m_subtitle);
    header->addStretch(1);
    m_periods = new QButtonGroup(this);
    m_periods->setExclusive(true);
    for (int days : kPeriods) {
        auto* button = new QToolButton;
        button->setObjectName(u"period%1"_s.arg(days));
        button->setText(u"%1 days"_s.arg(days));
        button->setCheckable(true);
        button->setChecked(days == m_days);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setToolTip(u"Outcomes of the last %1 days, today included"_s.arg(days));
        m_periods->addButton(button, days);
        header->addWidget(button);
    }
    connect(m_periods, &QButtonGroup::idClicked, this, &OutcomesView::setPeriod);
    outer->addLayout(header);

    m_stack = new QStackedWidget;
    outer->addWidget(m_stack, 1);

    m_empty = new QLabel;
    m_empty->setObjectName(u"outcomesEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(u"color: #5f6b7a; padding: 32px;"_s);
    m_stack->addWidget(m_empty);

    auto* page = new QWidget;
    auto* grid = new QGridLayout(page);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(10);
    auto* figures = new QHBoxLayout;
    figures->setSpacing(10);
    figures->addWidget(makeFigure(u"Reply rate"_s, &m_replyRate, &m_replyDetail));
    figures->addWidget(makeFigure(u"Meeting rate"_s, &m_meetingRate, &m_meetingDetail));
    figures->addWidget(makeFigure(u"Net impact"_s, &m_net, &m_netDetail));
    figures->addWidget(makeFigure(u"Mean impact"_s, &m_mean, &m_meanDetail));
    grid->addLayout(figures, 0, 0, 1, 2);
    m_funnel = makeChartView(u"funnelChart"_s);
    m_categories = makeChartView(u"categoryChart"_s);
    m_daily = makeChartView(u"dailyImpactChart"_s);
    grid->addWidget(m_funnel, 1, 0);
    grid->addWidget(m_categories, 1, 1);
    grid->addWidget(m_daily, 2, 0, 1, 2);
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);
    m_stack->addWidget(page);
}

void OutcomesView::setPeriod(int days)
{
    if (QAbstractButton* button = m_periods->button(days))
        button->setChecked(true);
    if (days == m_days)
        return;
    m_days = days;
    Q_EMIT periodChanged(days);
}

void OutcomesView::setStats(const OutcomeStats& stats)
{
    m_stats = stats;
    // The stats say which window they cover: select it without asking for it again.
    if (QAbstractButton* button = m_periods->button(stats.days)) {
        button->setChecked(true);
        m_days = stats.days;
    }
    const QString who = stats.contactEmail.isEmpty() ? QString() : u" · "_s + stats.contactEmail;
    m_subtitle->setText(u"last %1 days%2"_s.arg(stats.days).arg(who));

    if (stats.total == 0) {
        m_empty->setText(
            u"<p style='font-size:13pt'>No outcomes in the last %1 days%2.</p>"
            "<p>Record what happened after a move with <b>Record outcome…</b> in its detail pane, "
            "or with <code>caseyos outcome record</code>. Replies, meetings and deals then show up "
            "here and lift that contact's other moves.</p>"_s.arg(stats.days)
                .arg(stats.contactEmail.isEmpty() ? QString() : u" for "_s + stats.contactEmail));
        m_stack->setCurrentIndex(0);
        return;
    }

    const qint64 sent = stats.sent();
    m_replyRate->setText(percentText(stats.replyRate));
    m_replyDetail->setText(
        sent == 0 ? u"no emails sent"_s : u"%1 replied of %2 sent"_s.arg(stats.replied()).arg(sent));
    m_meetingRate->setText(percentText(stats.meetingRate));
    const qint64 meetings
        = stats.byType.value(OutcomeType::MeetingBooked) + stats.byType.value(OutcomeType::MeetingHeld);
    m_meetingDetail->setText(
        sent == 0 ? u"no emails sent"_s : u"%1 booked or held of %2 sent"_s.arg(meetings).arg(sent));
    m_net->setText(impactText(stats.netImpact, 1));
    m_net->setStyleSheet(stats.netImpact < 0 ? u"color: #c62828;"_s : u"color: #2e7d32;"_s);
    m_netDetail->setText(u"%1 positive · %2 negative"_s.arg(stats.positive).arg(stats.negative));
    m_mean->setText(impactText(stats.meanImpact, 2));
    m_meanDetail->setText(u"over %1 outcome%2"_s.arg(stats.total).arg(stats.total == 1 ? QString() : u"s"_s));

    replaceChart(m_funnel, makeFunnelChart(stats));
    replaceChart(m_categories, makeCategoryChart(stats));
    replaceChart(m_daily, makeDailyImpactChart(stats));
    m_stack->setCurrentIndex(1);
}

bool OutcomesView::showsEmptyState() const
{
    return m_stack->currentIndex() == 0;
}

QChart* OutcomesView::funnelChart() const
{
    return m_funnel->chart();
}

QChart* OutcomesView::categoryChart() const
{
    return m_categories->chart();
}

QChart* OutcomesView::dailyChart() const
{
    return m_daily->chart();
}

QString OutcomesView::figuresText() const
{
    return QStringList { u"Reply rate "_s + m_replyRate->text(), m_replyDetail->text(),
        u"Meeting rate "_s + m_meetingRate->text(), m_meetingDetail->text(), u"Net impact "_s + m_net->text(),
        m_netDetail->text(), u"Mean impact "_s + m_mean->text(), m_meanDetail->text() }
        .join(u'\n');
}

QString OutcomesView::emptyText() const
{
    return m_empty->text();
}

} // namespace caseyos
