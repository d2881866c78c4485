// The Outcomes view: charts and figures from real stats (OutcomeService on a temporary database), the empty
// state, the period selector; saves docs/screenshots/outcomes-view.png for people to look at.
#include "FakeClock.h"
#include "TempHome.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "outcomes/OutcomeService.h"
#include "outcomes/OutcomesView.h"
#include "storage/Database.h"

#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QPieSeries>
#include <QtCharts/QStackedBarSeries>
#include <gtest/gtest.h>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;
using caseyos::test::TempHome;

namespace {

// A month of outcomes with a realistic shape, recorded through the service with their real times: every day
// a few sends, some opens, replies every other day, a meeting twice a week, deals and a few bad days.
OutcomeStats monthOfOutcomes(const FakeClock& clock, Database& db, int days)
{
    OutcomeService service(db, clock);
    auto record = [&](OutcomeType type, int daysAgo, int hour, const QString& who) {
        OutcomeInput input;
        input.type = type;
        input.contactEmail = who;
        input.occurredAt = clock.now().addDays(-daysAgo).addSecs((hour - 10) * 3600);
        EXPECT_TRUE(service.record(input).ok());
    };
    for (int d = 0; d < 30; ++d) {
        const QString who = u"lead%1@example.com"_s.arg(d % 7);
        for (int i = 0; i < 3 + d % 4; ++i)
            record(OutcomeType::EmailSent, d, 9, who);
        for (int i = 0; i < 1 + d % 3; ++i)
            record(OutcomeType::EmailOpened, d, 9, who);
        if (d % 2 == 0)
            record(OutcomeType::EmailReplied, d, 9, who);
        if (d % 4 == 1)
            record(OutcomeType::MeetingBooked, d, 9, who);
        if (d % 6 == 3)
            record(OutcomeType::DealStageAdvanced, d, 9, who);
        if (d % 5 == 2) {
            record(OutcomeType::EmailBounced, d, 9, who);
            record(OutcomeType::NegativeResponse, d, 9, who);
            record(OutcomeType::NoResponse, d, 9, who);
        }
        if (d % 9 == 4)
            record(OutcomeType::TaskOverdue, d, 9, who);
        if (d % 3 == 0)
            record(OutcomeType::TaskCompleted, d, 9, who);
    }
    const Result<OutcomeStats> stats = service.stats(days);
    EXPECT_TRUE(stats.ok());
    return stats.ok() ? stats.value() : OutcomeStats {};
}

class OutcomesViewTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
    }
    TempHome home;
    FakeClock clock;
    Database db;
};

TEST_F(OutcomesViewTest, RendersTheChartsAndFiguresFromStats)
{
    const OutcomeStats stats = monthOfOutcomes(clock, db, 30);
    ASSERT_GT(stats.total, 100);
    OutcomesView view;
    view.resize(1100, 780);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setStats(stats);
    EXPECT_FALSE(view.showsEmptyState());
    EXPECT_EQ(view.days(), 30);

    // Funnel: four bars, bottom to top booked, replied, opened, sent, with the stats' counts.
    QChart* funnel = view.funnelChart();
    ASSERT_NE(funnel, nullptr);
    ASSERT_EQ(funnel->series().size(), 1);
    auto* bars = qobject_cast<QHorizontalBarSeries*>(funnel->series().first());
    ASSERT_NE(bars, nullptr);
    ASSERT_EQ(bars->barSets().size(), 1);
    const QBarSet* set = bars->barSets().first();
    ASSERT_EQ(set->count(), 4);
    EXPECT_EQ(set->at(0), double(stats.booked()));
    EXPECT_EQ(set->at(1), double(stats.replied()));
    EXPECT_EQ(set->at(2), double(stats.opened()));
    EXPECT_EQ(set->at(3), double(stats.sent()));
    EXPECT_GT(stats.sent(), stats.opened());

    // Categories: one slice per category with outcomes, sized by its count.
    auto* pie = qobject_cast<QPieSeries*>(view.categoryChart()->series().value(0));
    ASSERT_NE(pie, nullptr);
    qint64 nonEmpty = 0;
    for (OutcomeCategory c : allOutcomeCategories())
        nonEmpty += stats.byCategory.value(c) > 0 ? 1 : 0;
    ASSERT_EQ(pie->count(), nonEmpty);
    EXPECT_DOUBLE_EQ(pie->sum(), double(stats.total));

    // Net impact per day: one bar per day of the window, gains above zero and losses below.
    auto* daily = qobject_cast<QStackedBarSeries*>(view.dailyChart()->series().value(0));
    ASSERT_NE(daily, nullptr);
    ASSERT_EQ(daily->barSets().size(), 2);
    const QBarSet* gains = daily->barSets().at(0);
    const QBarSet* losses = daily->barSets().at(1);
    ASSERT_EQ(gains->count(), 30);
    for (int i = 0; i < 30; ++i)
        EXPECT_DOUBLE_EQ(gains->at(i) + losses->at(i), stats.perDay.at(i).netImpact) << i;
    EXPECT_GT(losses->sum(), -1e9);

    // Figures, as text.
    const QString figures = view.figuresText();
    EXPECT_TRUE(figures.contains(u"Reply rate %1%"_s.arg(stats.replyRate * 100.0, 0, 'f', 1)))
        << figures.toStdString();
    EXPECT_TRUE(figures.contains(u"%1 replied of %2 sent"_s.arg(stats.replied()).arg(stats.sent())));
    EXPECT_TRUE(figures.contains(u"Meeting rate %1%"_s.arg(stats.meetingRate * 100.0, 0, 'f', 1)));
    EXPECT_TRUE(figures.contains(u"%1 positive · %2 negative"_s.arg(stats.positive).arg(stats.negative)));

    // The screenshot for people (docs/screenshots/outcomes-view.png).
    QTest::qWait(200);
    const QImage image = view.grab().toImage();
    ASSERT_FALSE(image.isNull());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 50); // charts, text and figures, not a blank page
    const QString folder = test::screenshotFolder(QStringLiteral(CASEYOS_DOCS_SCREENSHOT_DIR));
    ASSERT_FALSE(folder.isEmpty());
    const QString path = QDir(folder).filePath(u"outcomes-view.png"_s);
    ASSERT_TRUE(image.save(path)) << path.toStdString();
    std::cout << "[ screenshot ] " << path.toStdString() << "\n";
}

TEST_F(OutcomesViewTest, EmptyStateWhenThereAreNoOutcomes)
{
    OutcomesView view;
    const Result<OutcomeStats> stats = OutcomeService(db, clock).stats(7);
    ASSERT_TRUE(stats.ok());
    view.setStats(stats.value());
    EXPECT_TRUE(view.showsEmptyState());
    EXPECT_TRUE(view.emptyText().contains(u"No outcomes in the last 7 days"_s))
        << view.emptyText().toStdString();
    EXPECT_TRUE(view.emptyText().contains(u"Record outcome…"_s));
    EXPECT_EQ(view.days(), 7);

    // One outcome later the charts replace the empty state.
    OutcomeInput input;
    input.type = OutcomeType::EmailSent;
    input.contactEmail = u"dana@acme.com"_s;
    ASSERT_TRUE(OutcomeService(db, clock).record(input).ok());
    view.setStats(OutcomeService(db, clock).stats(7).value());
    EXPECT_FALSE(view.showsEmptyState());
    EXPECT_TRUE(view.figuresText().contains(u"Reply rate 0.0%"_s));
}

TEST_F(OutcomesViewTest, PeriodButtonsAskForOtherWindows)
{
    OutcomesView view;
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    QSignalSpy changed(&view, &OutcomesView::periodChanged);
    auto* week = view.findChild<QToolButton*>(u"period7"_s);
    auto* quarter = view.findChild<QToolButton*>(u"period90"_s);
    ASSERT_NE(week, nullptr);
    ASSERT_NE(quarter, nullptr);
    QTest::mouseClick(week, Qt::LeftButton);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.takeFirst().at(0).toInt(), 7);
    EXPECT_TRUE(week->isChecked());
    QTest::mouseClick(week, Qt::LeftButton); // already selected: nothing to load
    EXPECT_EQ(changed.count(), 0);
    // Keyboard: Tab reaches the buttons; Space picks.
    quarter->setFocus(Qt::TabFocusReason);
    QTest::keyClick(quarter, Qt::Key_Space);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.takeFirst().at(0).toInt(), 90);
    // Stats for 90 days select that period without asking again.
    view.setStats(monthOfOutcomes(clock, db, 90));
    EXPECT_EQ(view.days(), 90);
    EXPECT_TRUE(quarter->isChecked());
    EXPECT_EQ(changed.count(), 0);
    auto* daily = qobject_cast<QStackedBarSeries*>(view.dailyChart()->series().value(0));
    ASSERT_NE(daily, nullptr);
    EXPECT_EQ(daily->barSets().at(0)->count(), 90);
}

} // namespace
