// Recording an outcome from the detail pane: the "Record outcome…" picker, driven by keyboard and mouse like
// a user would, emits the request; wired to OutcomesClient it completes the move and re-scores the contact's
// other moves, and the list shows their new order.
#include "MainWindow.h"
#include "MoveDetailPane.h"
#include "MovesFilterProxy.h"
#include "MovesModel.h"
#include "MovesView.h"
#include "OutcomesController.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "moves/MoveRow.h"
#include "outcomes/OutcomeDialog.h"
#include "outcomes/OutcomePicker.h"
#include "outcomes/OutcomesClient.h"
#include "outcomes/OutcomesView.h"
#include "workspace/WorkspaceClient.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;
using caseyos::test::waitFor;
using caseyos::test::waitForModal;

namespace {

MoveRow sampleRow()
{
    MoveRow row;
    row.id = 42;
    row.title = u"Reply to Dana Lee (Acme) — asked for pricing"_s;
    row.actionType = u"email_follow_up"_s;
    row.domain = u"sales"_s;
    row.source = u"gmail"_s;
    row.contactEmail = u"dana@acme.com"_s;
    row.aps = 72.5;
    row.createdAtMs = FakeClock().now().toMSecsSinceEpoch();
    return row;
}

struct PaneFixture
{
    PaneFixture()
        : pane(clock)
    {
        pane.resize(420, 700);
        pane.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&pane));
        QApplication::setActiveWindow(&pane);
    }
    OutcomePicker* picker() const { return pane.outcomePicker(); }
    QToolButton* button() const { return picker()->button(); }

    FakeClock clock;
    MoveDetailPane pane;
};

TEST(OutcomePicker, DisabledUntilAMoveIsShown)
{
    PaneFixture f;
    ASSERT_NE(f.picker(), nullptr);
    EXPECT_FALSE(f.button()->isEnabled());
    f.pane.showRow(sampleRow());
    EXPECT_TRUE(f.button()->isEnabled());
    EXPECT_TRUE(f.button()->isVisible());
    EXPECT_EQ(f.button()->text(), u"Record outcome…"_s);
    f.pane.clear();
    EXPECT_FALSE(f.button()->isEnabled());
}

TEST(OutcomePicker, MenuListsTheTwentyTypesByCategoryWithTheirImpact)
{
    PaneFixture f;
    QStringList sections;
    QStringList types;
    for (QAction* action : f.picker()->menu()->actions()) {
        if (action->isSeparator() && !action->text().isEmpty())
            sections << action->text();
        else if (action->data().isValid())
            types << action->text();
    }
    EXPECT_EQ(sections, (QStringList { u"Email"_s, u"Meeting"_s, u"Deal"_s, u"Task"_s, u"General"_s }));
    ASSERT_EQ(types.size(), 20);
    EXPECT_EQ(types.at(3), u"Email replied\t+8"_s);
    EXPECT_EQ(types.at(4), u"Email bounced\t−4"_s);
    EXPECT_EQ(types.at(6), u"Meeting booked\t+10"_s);
    EXPECT_EQ(types.at(19), u"No response\t−1"_s);
}

TEST(OutcomePicker, KeyboardPicksATypeForTheShownMove)
{
    PaneFixture f;
    f.pane.showRow(sampleRow());
    QSignalSpy requested(&f.pane, &MoveDetailPane::outcomeRequested);

    // Tab-reachable: focus it as Tab would, then Space opens the menu with the first type active.
    f.button()->setFocus(Qt::TabFocusReason);
    ASSERT_TRUE(f.button()->hasFocus());
    QTest::keyClick(f.button(), Qt::Key_Space);
    QMenu* menu = f.picker()->menu();
    ASSERT_TRUE(waitFor([&] { return menu->isVisible(); }));
    ASSERT_NE(menu->activeAction(), nullptr);
    EXPECT_EQ(menu->activeAction()->text(), u"Email sent\t0"_s);
    // Down three times: opened, clicked, replied.
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(menu, Qt::Key_Down);
    ASSERT_EQ(menu->activeAction()->text(), u"Email replied\t+8"_s);
    // For people to look at: the pane with its picker, and the open menu.
    QString folder = qEnvironmentVariable("CASEYOS_SCREENSHOT_DIR");
    if (folder.isEmpty())
        folder = QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR);
    QDir().mkpath(folder);
    if (auto* scroll = f.pane.findChild<QScrollArea*>())
        scroll->widget()->grab().save(QDir(folder).filePath(u"outcome-picker-pane.png"_s));
    menu->grab().save(QDir(folder).filePath(u"outcome-picker-menu.png"_s));
    QTest::keyClick(menu, Qt::Key_Return);

    ASSERT_TRUE(waitFor([&] { return requested.count() == 1; }));
    const QList<QVariant> args = requested.takeFirst();
    EXPECT_EQ(args.at(0).toLongLong(), 42);
    EXPECT_EQ(args.at(1).value<OutcomeType>(), OutcomeType::EmailReplied);
    EXPECT_DOUBLE_EQ(args.at(2).toDouble(), 1.0);
    EXPECT_TRUE(args.at(3).toString().isEmpty());
    EXPECT_FALSE(menu->isVisible());
}

TEST(OutcomePicker, ConfidenceAndNoteThroughTheDialog)
{
    PaneFixture f;
    f.pane.showRow(sampleRow());
    QSignalSpy requested(&f.pane, &MoveDetailPane::outcomeRequested);

    QTest::mouseClick(f.button(), Qt::LeftButton);
    QMenu* menu = f.picker()->menu();
    ASSERT_TRUE(waitFor([&] { return menu->isVisible(); }));
    QAction* details = menu->findChild<QAction*>(u"outcomeWithDetails"_s);
    ASSERT_NE(details, nullptr);
    menu->setActiveAction(details);
    QTest::keyClick(menu, Qt::Key_Return);

    auto* dialog = waitForModal<OutcomeDialog>();
    ASSERT_NE(dialog, nullptr);
    const int dealLost = dialog->typeBox()->findData(static_cast<int>(OutcomeType::DealLost));
    ASSERT_GE(dealLost, 0);
    dialog->typeBox()->setCurrentIndex(dealLost);
    // Typed as a user would: select the spin box's text and type 60.
    dialog->confidenceBox()->setFocus();
    dialog->confidenceBox()->selectAll();
    QTest::keyClicks(dialog->confidenceBox(), u"60"_s);
    QTest::keyClicks(dialog->noteEdit(), u"Went with a competitor"_s);
    // −5 × 60 % = −3.0, shown before recording.
    EXPECT_TRUE(dialog->impactPreview().startsWith(u"Recorded impact: −3.0"_s))
        << dialog->impactPreview().toStdString();
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);

    ASSERT_TRUE(waitFor([&] { return requested.count() == 1; }));
    const QList<QVariant> args = requested.takeFirst();
    EXPECT_EQ(args.at(0).toLongLong(), 42);
    EXPECT_EQ(args.at(1).value<OutcomeType>(), OutcomeType::DealLost);
    EXPECT_DOUBLE_EQ(args.at(2).toDouble(), 0.6);
    EXPECT_EQ(args.at(3).toString(), u"Went with a competitor"_s);
}

TEST(OutcomePicker, RecordingFromTheWindowRescoresTheContactsMovesInTheList)
{
    test::WindowHarness h;
    ASSERT_TRUE(h.start());
    // Dana has two moves (80.5 and 64.5); Ben 76.5 and Chen 72.5 rank between them.
    ASSERT_TRUE(h.importSignals(test::formSignal(u"d1"_s, u"Dana Lee"_s, u"Acme"_s, u"dana@acme.com"_s, 0.9)
        + test::formSignal(u"b1"_s, u"Ben Ortiz"_s, u"Globex"_s, u"ben@globex.com"_s, 0.8)
        + test::formSignal(u"c1"_s, u"Chen Wu"_s, u"Initech"_s, u"chen@initech.com"_s, 0.7)
        + test::formSignal(u"d2"_s, u"Dana Lee"_s, u"Acme"_s, u"dana@acme.com"_s, 0.5)));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 4; }));
    ASSERT_EQ(h.shownEmails(),
        (QStringList { u"dana@acme.com"_s, u"ben@globex.com"_s, u"chen@initech.com"_s, u"dana@acme.com"_s }));

    // The window's own wiring (OutcomesController): the pane's request goes to its OutcomesClient on the
    // storage thread, and the rows it sends back update the list in place.
    ASSERT_NE(h.window()->outcomes(), nullptr);
    OutcomesClient* outcomes = h.window()->outcomes()->client();
    ASSERT_NE(outcomes, nullptr);
    MoveDetailPane* pane = h.window()->detailPane();
    QSignalSpy recorded(outcomes, &OutcomesClient::recorded);
    QSignalSpy failed(outcomes, &OutcomesClient::failed);

    // Dana's first move in the list (80.5).
    const qint64 first = h.window()->proxy()->moveAt(0)->id;
    ASSERT_DOUBLE_EQ(h.window()->proxy()->moveAt(0)->aps, 80.5);
    ASSERT_TRUE(h.window()->movesView()->selectMove(first));
    ASSERT_TRUE(waitFor([&] { return pane->moveId() == first; }));
    QAction* booked = pane->outcomePicker()->menu()->findChild<QAction*>(u"outcome_meeting_booked"_s);
    ASSERT_NE(booked, nullptr);
    pane->outcomePicker()->popupMenu();
    ASSERT_TRUE(waitFor([&] { return pane->outcomePicker()->menu()->isVisible(); }));
    pane->outcomePicker()->menu()->setActiveAction(booked);
    QTest::keyClick(pane->outcomePicker()->menu(), Qt::Key_Return);

    ASSERT_TRUE(waitFor([&] { return recorded.count() == 1 || failed.count() > 0; }, 10000));
    ASSERT_EQ(failed.count(), 0) << failed.first().first().toString().toStdString();
    const auto result = recorded.first().at(0).value<OutcomeRecordResult>();
    const auto rows = recorded.first().at(1).value<QList<MoveRow>>();
    EXPECT_EQ(result.outcome.type, OutcomeType::MeetingBooked);
    EXPECT_EQ(result.outcome.moveId, first);
    ASSERT_EQ(rows.size(), 2); // the completed move and Dana's other move
    // meeting_booked is +10: Dana's other move goes from 64.5 to 74.5, past Chen (72.5), not past Ben.
    const MoveRow* other = h.window()->model()->findMove(result.rescored.value(0).after.id);
    ASSERT_NE(other, nullptr);
    EXPECT_DOUBLE_EQ(other->aps, 74.5);
    EXPECT_DOUBLE_EQ(other->outcomeAdjustment, 10.0);
    EXPECT_EQ(h.window()->model()->findMove(first)->status, MoveStatus::Completed);
    EXPECT_TRUE(
        h.window()->statusBar()->currentMessage().startsWith(u"Recorded Meeting booked for dana@acme.com"_s))
        << h.window()->statusBar()->currentMessage().toStdString();
    ASSERT_TRUE(waitFor([&] {
        return h.shownEmails()
            == QStringList { u"ben@globex.com"_s, u"dana@acme.com"_s, u"chen@initech.com"_s };
    })) << h.shownEmails().join(u", "_s).toStdString();

    // The completed move left Today's list (the selection moved on, as after an accept). Shown again (as a
    // list of all statuses would), its detail has the outcome in its history and next to the picker.
    pane->showRow(*h.window()->model()->findMove(first));
    h.client()->loadDetail(first);
    ASSERT_TRUE(waitFor([&] { return !pane->outcomeText().isEmpty(); }, 10000));
    EXPECT_TRUE(pane->outcomeText().startsWith(u"Last outcome: Meeting booked (+10.0)"_s))
        << pane->outcomeText().toStdString();
    EXPECT_TRUE(pane->historyText().contains(u"Outcome recorded"_s)) << pane->historyText().toStdString();

    // View ▸ Outcomes (Ctrl+Shift+O) opens the stats dock, which loads the last 30 days: the booked meeting.
    ASSERT_FALSE(h.window()->outcomesDock()->isVisible());
    h.press(Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier, h.window());
    ASSERT_TRUE(waitFor([&] { return h.window()->outcomesDock()->isVisible(); }));
    ASSERT_TRUE(waitFor([&] { return h.window()->outcomesView()->stats().total == 1; }, 10000));
    EXPECT_EQ(h.window()->outcomesView()->stats().byType.value(OutcomeType::MeetingBooked), 1);
    EXPECT_FALSE(h.window()->outcomesView()->showsEmptyState());
}

} // namespace
