// Keyboard triage on the real window over a real SQLite workspace: the keys of PRODUCT.md §1 change the
// selected move's status through the storage thread, the list re-ranks, and the selection moves on.
#include "FilterBar.h"
#include "MainWindow.h"
#include "MoveUndoStack.h"
#include "MovesFilterProxy.h"
#include "MovesModel.h"
#include "MovesView.h"
#include "SnoozeMenu.h"
#include "TriageController.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "WorkspaceStatusBar.h"
#include "execution/ExecuteDialog.h"
#include "workspace/WorkspaceClient.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using caseyos::MoveStatus;
using caseyos::test::waitFor;

namespace {

class TriageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.start());
        ASSERT_TRUE(h.importSignals(caseyos::test::fiveLeads()));
        ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
        ASSERT_EQ(h.shownEmails(), caseyos::test::fiveLeadEmails());
        h.window()->movesView()->setFocus();
        ASSERT_TRUE(h.selectEmail(u"dana@acme.com"_s));
    }

    QStringList without(QStringList emails, const QString& removed)
    {
        emails.removeAll(removed);
        return emails;
    }

    caseyos::test::WindowHarness h;
};

TEST_F(TriageTest, AcceptCompletesTheMoveAndSelectsTheNext)
{
    h.press(Qt::Key_A);
    // The selection moves on at once, before the storage thread answers.
    EXPECT_EQ(h.currentEmail(), u"ben@globex.com"_s);
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Completed)));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 4; }));
    EXPECT_EQ(h.shownEmails(), without(caseyos::test::fiveLeadEmails(), u"dana@acme.com"_s));
    EXPECT_EQ(h.currentEmail(), u"ben@globex.com"_s);

    // The accepted move is listed under Completed.
    h.window()->proxy()->setView(caseyos::MovesFilterProxy::View::Completed);
    EXPECT_EQ(h.shownEmails(), QStringList { u"dana@acme.com"_s });
}

TEST_F(TriageTest, TriageFromTheMiddleKeepsTheOrder)
{
    ASSERT_TRUE(h.selectEmail(u"chen@initech.com"_s));
    h.press(Qt::Key_C); // complete
    ASSERT_TRUE(h.waitForStatus(u"chen@initech.com"_s, int(MoveStatus::Completed)));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 4; }));
    EXPECT_EQ(h.shownEmails(),
        (QStringList {
            u"dana@acme.com"_s, u"ben@globex.com"_s, u"eva@umbrella.com"_s, u"femi@hooli.com"_s }));
    EXPECT_EQ(h.currentEmail(), u"eva@umbrella.com"_s);

    // j / k walk the list.
    h.press(Qt::Key_K);
    EXPECT_EQ(h.currentEmail(), u"ben@globex.com"_s);
    h.press(Qt::Key_J);
    h.press(Qt::Key_J);
    EXPECT_EQ(h.currentEmail(), u"femi@hooli.com"_s);
}

TEST_F(TriageTest, DismissAsksForAnOptionalReason)
{
    h.press(Qt::Key_D);
    auto* prompt = caseyos::test::waitForModal<QInputDialog>();
    ASSERT_NE(prompt, nullptr);
    // Nothing happens until the prompt is answered.
    EXPECT_EQ(h.moveByEmail(u"dana@acme.com"_s)->status, MoveStatus::Pending);
    QTest::keyClicks(QApplication::focusWidget(), u"Duplicate lead"_s);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Dismissed)));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 4; }));
    EXPECT_EQ(h.currentEmail(), u"ben@globex.com"_s);
    ASSERT_FALSE(h.changedSpy->isEmpty());
    const auto change = h.changedSpy->last().at(0).value<caseyos::MoveChange>();
    EXPECT_EQ(change.after.status, MoveStatus::Dismissed);
    EXPECT_EQ(change.after.dismissReason, u"Duplicate lead"_s);
}

TEST_F(TriageTest, SnoozeTomorrowMorningHidesTheMoveUntilThen)
{
    h.press(Qt::Key_S);
    QMenu* menu = nullptr;
    ASSERT_TRUE(waitFor([&] {
        menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        return menu != nullptr;
    }));
    EXPECT_EQ(menu, h.window()->controller()->snoozeMenu());
    QTest::keyClick(menu, Qt::Key_T); // &Tomorrow 09:00
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Snoozed)));
    // The fake clock is 2026-11-25 10:00 in UTC, so tomorrow 09:00 local is 2026-11-26T09:00Z.
    EXPECT_EQ(h.moveByEmail(u"dana@acme.com"_s)->snoozedUntilMs,
        QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch());
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 4; }));
    EXPECT_EQ(h.currentEmail(), u"ben@globex.com"_s);

    // When the time comes the move is back in Today, at its rank.
    h.clock.set(QDateTime(QDate(2026, 11, 26), QTime(9, 1), Qt::UTC));
    h.window()->controller()->wakeSnoozes();
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
    EXPECT_EQ(h.shownEmails(), caseyos::test::fiveLeadEmails());
}

TEST_F(TriageTest, UndoBringsTheMoveBack)
{
    h.press(Qt::Key_A);
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 4; }));
    ASSERT_TRUE(waitFor([&] { return h.window()->controller()->undoStack()->canUndo(); }));
    h.press(Qt::Key_Z);
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Pending)));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
    EXPECT_EQ(h.shownEmails(), caseyos::test::fiveLeadEmails());
    EXPECT_EQ(h.currentEmail(), u"dana@acme.com"_s); // the restored move is selected again
    EXPECT_TRUE(h.window()->workspaceStatusBar()->currentMessage().startsWith(u"Undid: "_s));
    EXPECT_TRUE(h.window()->workspaceStatusBar()->currentMessage().contains(u"Completed"_s));
    // The undo's own change is not recorded as something to undo.
    QTest::qWait(100);
    EXPECT_FALSE(h.window()->controller()->undoStack()->canUndo());
}

TEST_F(TriageTest, TwoUndosWalkBackTwoChanges)
{
    h.press(Qt::Key_A); // dana completed, ben selected
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Completed)));
    h.press(Qt::Key_C); // ben completed
    ASSERT_TRUE(h.waitForStatus(u"ben@globex.com"_s, int(MoveStatus::Completed)));
    ASSERT_TRUE(waitFor([&] { return h.window()->controller()->undoStack()->size() == 2; }));
    h.press(Qt::Key_Z);
    ASSERT_TRUE(h.waitForStatus(u"ben@globex.com"_s, int(MoveStatus::Pending)));
    h.press(Qt::Key_Z);
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Pending)));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
    EXPECT_EQ(h.shownEmails(), caseyos::test::fiveLeadEmails());
}

TEST_F(TriageTest, TypingInTheSearchFieldNeverTriggersCommands)
{
    h.press(Qt::Key_F, Qt::ControlModifier); // Ctrl+F focuses the search field
    QLineEdit* search = h.window()->filterBar()->searchField();
    ASSERT_EQ(QApplication::focusWidget(), search);
    for (const Qt::Key key : { Qt::Key_A, Qt::Key_D, Qt::Key_C, Qt::Key_S, Qt::Key_Z })
        h.press(key);
    EXPECT_EQ(search->text(), u"adcsz"_s);
    EXPECT_EQ(QApplication::activePopupWidget(), nullptr); // no snooze menu
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr); // no dismiss prompt
    QTest::qWait(300);
    EXPECT_TRUE(h.changedSpy->isEmpty());
    for (const QString& email : caseyos::test::fiveLeadEmails())
        EXPECT_EQ(h.moveByEmail(email)->status, MoveStatus::Pending) << qPrintable(email);

    // The search filters the list: "globex" leaves Ben only; Esc clears it and returns to the list.
    search->clear();
    QTest::keyClicks(search, u"globex"_s);
    ASSERT_TRUE(waitFor([&] { return h.shownEmails() == QStringList { u"ben@globex.com"_s }; }));
    h.press(Qt::Key_Escape);
    EXPECT_TRUE(search->text().isEmpty());
    EXPECT_EQ(QApplication::focusWidget(), h.window()->movesView());
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
}

TEST_F(TriageTest, ReopenFromCompletedAndExecuteIsHonest)
{
    // `e` opens the preview; this window runs no performers (as for the demo), and the preview says why.
    h.press(Qt::Key_E);
    auto* preview = caseyos::test::waitForModal<caseyos::ExecuteDialog>();
    ASSERT_NE(preview, nullptr);
    ASSERT_TRUE(waitFor([&] { return preview->bannerText().contains(u"does not act on your accounts"_s); }, 10000))
        << preview->bannerText().toStdString();
    QTest::keyClick(preview, Qt::Key_Escape);
    ASSERT_TRUE(waitFor([&] { return QApplication::activeModalWidget() == nullptr; }));
    QTest::qWait(100);
    EXPECT_TRUE(h.changedSpy->isEmpty()); // nothing was executed or changed
    EXPECT_EQ(h.moveByEmail(u"dana@acme.com"_s)->status, MoveStatus::Pending);

    h.press(Qt::Key_A);
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Completed)));
    h.window()->filterBar()->viewBox()->setCurrentIndex(
        h.window()->filterBar()->viewBox()->findData(u"completed"_s));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails() == QStringList { u"dana@acme.com"_s }; }));
    h.window()->movesView()->setFocus();
    h.window()->movesView()->selectRow(0);
    h.press(Qt::Key_O);
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Pending)));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().isEmpty(); }));
}

TEST_F(TriageTest, StatusBarCountsFollowTheList)
{
    const auto* bar = h.window()->workspaceStatusBar();
    ASSERT_TRUE(waitFor([&] { return bar->countsText() == u"5 pending · 5 shown · 5 total"_s; }));
    h.press(Qt::Key_A);
    ASSERT_TRUE(waitFor([&] { return bar->countsText() == u"4 pending · 4 shown · 5 total"_s; }))
        << qPrintable(bar->countsText());
    QTest::keyClicks(h.window()->filterBar()->searchField(), u"hooli"_s);
    h.window()->filterBar()->applySearchNow();
    ASSERT_TRUE(waitFor([&] { return bar->countsText() == u"4 pending · 1 shown · 5 total"_s; }))
        << qPrintable(bar->countsText());
}

} // namespace
