// The rest of the window: detail pane, manual moves (create / edit / delete with undo), command palette,
// shortcut help, import progress, a workspace that cannot be opened.
#include "CommandPalette.h"
#include "FilterBar.h"
#include "MainWindow.h"
#include "MoveActions.h"
#include "MoveDetailPane.h"
#include "MoveEditorDialog.h"
#include "MoveUndoStack.h"
#include "MovesFilterProxy.h"
#include "MovesModel.h"
#include "MovesView.h"
#include "ShortcutHelpDialog.h"
#include "TriageController.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "WorkspaceLauncher.h"
#include "WorkspaceStatusBar.h"
#include "scoring/ApsCalculator.h"
#include "workspace/WorkspaceClient.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using caseyos::MoveStatus;
using caseyos::test::waitFor;
using caseyos::test::waitForModal;

namespace {

class WindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(h.start());
        ASSERT_TRUE(h.importSignals(caseyos::test::fiveLeads()));
        ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
        h.window()->movesView()->setFocus();
    }

    caseyos::test::WindowHarness h;
};

TEST_F(WindowTest, DetailPaneShowsTheSelectedMovesReasoningSignalAndHistory)
{
    ASSERT_TRUE(h.selectEmail(u"ben@globex.com"_s));
    caseyos::MoveDetailPane* pane = h.window()->detailPane();
    const caseyos::MoveRow* ben = h.moveByEmail(u"ben@globex.com"_s);
    ASSERT_TRUE(waitFor([&] { return pane->hasDetail() && pane->moveId() == ben->id; }));

    EXPECT_EQ(pane->titleText(), ben->title);
    // Form rule for Ben: revenue 0.8, urgency 0.9, effort 0.2, strategic 0.5.
    const QString reasoning = caseyos::apsReasoning({ 0.8, 0.9, 0.2, 0.5 }, 0.0);
    EXPECT_EQ(pane->reasoningText(), reasoning);
    EXPECT_DOUBLE_EQ(ben->aps, 76.5);
    const QString signal = pane->signalText();
    EXPECT_TRUE(signal.contains(u"form_submitted"_s)) << qPrintable(signal);
    EXPECT_TRUE(signal.contains(u"f-ben"_s)) << qPrintable(signal);
    EXPECT_TRUE(signal.contains(u"\"revenue_potential\": 0.8"_s)) << qPrintable(signal); // pretty-printed
    EXPECT_EQ(pane->detail().signal->dedupeKey.size(), 64);
    EXPECT_TRUE(signal.contains(pane->detail().signal->dedupeKey));
    EXPECT_TRUE(pane->historyText().contains(u"Created"_s)) << qPrintable(pane->historyText());

    // Enter moves the focus to the detail; Esc comes back to the list.
    h.press(Qt::Key_Return);
    EXPECT_TRUE(pane->isAncestorOf(QApplication::focusWidget()) || QApplication::focusWidget() == pane);
    h.press(Qt::Key_Escape);
    EXPECT_EQ(QApplication::focusWidget(), h.window()->movesView());

    // Another selection replaces the detail; a history entry appears after an action.
    ASSERT_TRUE(h.selectEmail(u"chen@initech.com"_s));
    const qint64 chen = h.moveByEmail(u"chen@initech.com"_s)->id;
    ASSERT_TRUE(waitFor([&] { return pane->hasDetail() && pane->moveId() == chen; }));
    EXPECT_EQ(pane->reasoningText(), caseyos::apsReasoning({ 0.7, 0.9, 0.2, 0.5 }, 0.0));
}

TEST_F(WindowTest, NewMoveFromTheDialogLandsAtItsRank)
{
    h.press(Qt::Key_N);
    auto* editor = waitForModal<caseyos::MoveEditorDialog>();
    ASSERT_NE(editor, nullptr);
    QPushButton* save = editor->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save);
    EXPECT_FALSE(save->isEnabled()); // no title yet
    QTest::keyClicks(editor->titleField(), u"Call Gina about the renewal"_s);
    editor->actionTypeField()->setCurrentText(u"log_call"_s);
    editor->emailField()->setText(u"gina@vandelay.com"_s);
    editor->companyField()->setText(u"Vandelay"_s);
    // Revenue 70 %, urgency 90 %, effort 20 %, strategic left at the default for log_call (50 %):
    // 28 + 22.5 + 12 + 10 = 72.5, the same as Chen; created later, it ranks after Chen (who is due earlier).
    editor->revenueField()->setValue(70);
    editor->urgencyField()->setValue(90);
    editor->effortField()->setValue(20);
    EXPECT_TRUE(editor->strategicField()->specialValueText().contains(u"50"_s));
    ASSERT_TRUE(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);

    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 6; })) << h.statusMessage();
    EXPECT_EQ(h.shownEmails(),
        (QStringList { u"dana@acme.com"_s, u"ben@globex.com"_s, u"chen@initech.com"_s, u"gina@vandelay.com"_s,
            u"eva@umbrella.com"_s, u"femi@hooli.com"_s }));
    const caseyos::MoveRow* gina = h.moveByEmail(u"gina@vandelay.com"_s);
    EXPECT_DOUBLE_EQ(gina->aps, 72.5);
    EXPECT_EQ(gina->source, u"manual"_s);
    EXPECT_EQ(gina->actionType, u"log_call"_s);
    EXPECT_EQ(gina->title, u"Call Gina about the renewal"_s);
    // Due in a day by default, on the hour.
    EXPECT_EQ(gina->dueByMs, QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch());
    ASSERT_TRUE(
        waitFor([&] { return h.currentEmail() == u"gina@vandelay.com"_s; })); // the new move is selected
}

TEST_F(WindowTest, EditAndDeleteAManualMoveWithUndo)
{
    h.press(Qt::Key_N);
    auto* editor = waitForModal<caseyos::MoveEditorDialog>();
    ASSERT_NE(editor, nullptr);
    editor->titleField()->setText(u"Send Hal the case study"_s);
    editor->emailField()->setText(u"hal@example.org"_s);
    editor->revenueField()->setValue(0); // explicit zeros are values, not "default"
    editor->urgencyField()->setValue(0);
    editor->effortField()->setValue(100);
    editor->strategicField()->setValue(0);
    editor->accept();
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 6; })) << h.statusMessage();
    EXPECT_EQ(h.shownEmails().last(), u"hal@example.org"_s);
    EXPECT_DOUBLE_EQ(h.moveByEmail(u"hal@example.org"_s)->aps, 0.0);
    ASSERT_TRUE(waitFor([&] { return h.currentEmail() == u"hal@example.org"_s; }));

    // Edit: F2 opens the editor with the move's values; a higher revenue moves it up.
    h.press(Qt::Key_F2);
    editor = waitForModal<caseyos::MoveEditorDialog>();
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->titleField()->text(), u"Send Hal the case study"_s);
    EXPECT_EQ(editor->revenueField()->value(), 0);
    EXPECT_EQ(editor->effortField()->value(), 100);
    editor->revenueField()->setValue(100);
    editor->urgencyField()->setValue(100);
    editor->effortField()->setValue(0);
    editor->strategicField()->setValue(100);
    editor->accept();
    ASSERT_TRUE(waitFor(
        [&] { return !h.shownEmails().isEmpty() && h.shownEmails().first() == u"hal@example.org"_s; }));
    EXPECT_DOUBLE_EQ(h.moveByEmail(u"hal@example.org"_s)->aps, 100.0);
    EXPECT_EQ(h.currentEmail(), u"hal@example.org"_s); // the selection followed the move

    // Delete asks first; Cancel keeps it.
    h.press(Qt::Key_Delete);
    auto* confirm = waitForModal<QMessageBox>();
    ASSERT_NE(confirm, nullptr);
    confirm->button(QMessageBox::Cancel)->click();
    QTest::qWait(100);
    EXPECT_EQ(h.shownEmails().size(), 6);

    h.press(Qt::Key_Delete);
    confirm = waitForModal<QMessageBox>();
    ASSERT_NE(confirm, nullptr);
    confirm->button(QMessageBox::Yes)->click();
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
    EXPECT_EQ(h.moveByEmail(u"hal@example.org"_s), nullptr);

    // z restores the deleted move with its edited score.
    h.window()->movesView()->setFocus();
    h.press(Qt::Key_Z);
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 6; })) << h.statusMessage();
    EXPECT_EQ(h.shownEmails().first(), u"hal@example.org"_s);
    EXPECT_TRUE(h.window()->workspaceStatusBar()->currentMessage().contains(u"Deleted"_s));

    // Moves from signals cannot be edited or deleted here.
    ASSERT_TRUE(h.selectEmail(u"dana@acme.com"_s));
    QTest::qWait(80);
    h.press(Qt::Key_Delete);
    QTest::qWait(100);
    EXPECT_EQ(QApplication::activeModalWidget(), nullptr);
}

TEST_F(WindowTest, UndoOfACreationDeletesTheMove)
{
    h.press(Qt::Key_N);
    auto* editor = waitForModal<caseyos::MoveEditorDialog>();
    ASSERT_NE(editor, nullptr);
    editor->titleField()->setText(u"Short-lived"_s);
    editor->emailField()->setText(u"ivy@example.org"_s);
    editor->accept();
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 6; })) << h.statusMessage();
    ASSERT_TRUE(waitFor([&] { return h.window()->controller()->undoStack()->canUndo(); }));
    h.press(Qt::Key_Z);
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
    EXPECT_EQ(h.moveByEmail(u"ivy@example.org"_s), nullptr);
}

TEST_F(WindowTest, CommandPaletteRunsTheChosenCommand)
{
    ASSERT_TRUE(h.selectEmail(u"eva@umbrella.com"_s));
    h.press(Qt::Key_K, Qt::ControlModifier);
    auto* palette = waitForModal<caseyos::CommandPalette>();
    ASSERT_NE(palette, nullptr);
    EXPECT_GT(palette->list()->count(), 10); // every command
    QTest::keyClicks(palette->filterField(), u"compl"_s);
    ASSERT_EQ(palette->visibleCommands().size(), 1);
    EXPECT_TRUE(palette->visibleCommands().first().startsWith(u"Complete"_s));
    QTest::keyClick(palette->filterField(), Qt::Key_Return);
    ASSERT_TRUE(h.waitForStatus(u"eva@umbrella.com"_s, int(MoveStatus::Completed)));
    EXPECT_FALSE(palette->isVisible());
}

TEST_F(WindowTest, QuestionMarkShowsEveryShortcut)
{
    h.press(Qt::Key_Question);
    auto* help = waitForModal<caseyos::ShortcutHelpDialog>();
    ASSERT_NE(help, nullptr);
    QStringList keys;
    for (int row = 0; row < help->table()->rowCount(); ++row)
        keys.append(help->table()->item(row, 0)->text());
    for (const QString& key :
        { u"A"_s, u"D"_s, u"S"_s, u"C"_s, u"O"_s, u"E"_s, u"Z / Ctrl+Z"_s, u"Ctrl+K"_s })
        EXPECT_TRUE(keys.contains(key)) << qPrintable(key) << " in " << qPrintable(keys.join(u", "_s));
    help->close();
}

TEST_F(WindowTest, ImportThroughTheWindowShowsProgressAndAddsRanked)
{
    // A second file: a lead that outranks everyone, one duplicate and one broken line.
    QByteArray more
        = caseyos::test::formSignal(u"f-kim"_s, u"Kim Park"_s, u"Stark"_s, u"kim@stark.com"_s, 1.0);
    more += caseyos::test::formSignal(u"f-dana"_s, u"Dana Lee"_s, u"Acme"_s, u"dana@acme.com"_s, 0.9);
    more += "{not json\n";
    QSignalSpy finished(h.client(), &caseyos::WorkspaceClient::importFinished);
    ASSERT_TRUE(h.importSignals(more));
    ASSERT_EQ(finished.count(), 1);
    const auto report = finished.first().at(0).value<caseyos::IngestReport>();
    EXPECT_EQ(report.ingested, 1);
    EXPECT_EQ(report.duplicates, 1);
    EXPECT_EQ(report.invalid, 1);
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 6; })) << h.statusMessage();
    EXPECT_EQ(h.shownEmails().first(), u"kim@stark.com"_s); // 84.5
    const QString message = h.window()->workspaceStatusBar()->currentMessage();
    EXPECT_TRUE(message.contains(u"1 new signals"_s) && message.contains(u"1 duplicates"_s)
        && message.contains(u"1 invalid"_s))
        << qPrintable(message);
    EXPECT_FALSE(h.window()->workspaceStatusBar()->isImporting());
}

TEST_F(WindowTest, ReloadKeepsTheSelectedMove)
{
    ASSERT_TRUE(h.selectEmail(u"chen@initech.com"_s));
    const int loads = h.listedSpy->count();
    h.press(Qt::Key_F5);
    ASSERT_TRUE(waitFor([&] { return h.listedSpy->count() == loads + 1; }));
    EXPECT_EQ(h.shownEmails(), caseyos::test::fiveLeadEmails());
    EXPECT_EQ(h.currentEmail(), u"chen@initech.com"_s);
}

TEST_F(WindowTest, FilterPickersNarrowTheList)
{
    caseyos::FilterBar* filters = h.window()->filterBar();
    // The action type picker lists the types present; the form leads are all email follow-ups.
    const int followUps = filters->actionTypeBox()->findData(u"email_follow_up"_s);
    ASSERT_GE(followUps, 1);
    filters->actionTypeBox()->setCurrentIndex(followUps);
    EXPECT_EQ(h.shownEmails().size(), 5);

    h.press(Qt::Key_N);
    auto* editor = waitForModal<caseyos::MoveEditorDialog>();
    ASSERT_NE(editor, nullptr);
    editor->titleField()->setText(u"Clean up the Acme record"_s);
    editor->actionTypeField()->setCurrentText(u"update_crm"_s);
    editor->domainField()->setCurrentIndex(editor->domainField()->findData(u"cs"_s));
    editor->emailField()->setText(u"ops@acme.com"_s);
    editor->accept();
    // A new action type appears in the picker; the current filter hides the new move.
    ASSERT_TRUE(waitFor([&] { return filters->actionTypeBox()->findData(u"update_crm"_s) > 0; }));
    EXPECT_EQ(h.shownEmails().size(), 5);

    filters->actionTypeBox()->setCurrentIndex(0); // all actions
    filters->sourceBox()->setCurrentIndex(filters->sourceBox()->findData(u"manual"_s));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails() == QStringList { u"ops@acme.com"_s }; }));
    filters->sourceBox()->setCurrentIndex(0);
    filters->domainBox()->setCurrentIndex(filters->domainBox()->findData(u"cs"_s));
    EXPECT_EQ(h.shownEmails(), QStringList { u"ops@acme.com"_s });
    filters->domainBox()->setCurrentIndex(0);
    filters->viewBox()->setCurrentIndex(filters->viewBox()->findData(u"all"_s));
    EXPECT_EQ(h.shownEmails().size(), 6);
}

TEST(WindowOpenTest, AWorkspaceThatCannotOpenShowsTheReason)
{
    caseyos::test::WindowHarness h;
    // The database path is a folder: SQLite cannot open it.
    ASSERT_TRUE(QDir(h.home.path()).mkpath(u"caseyos.db"_s));
    EXPECT_FALSE(h.start(false, 3000));
    ASSERT_TRUE(waitFor([&] {
        return !h.window()->stateText().isEmpty()
            && h.window()->stateText().contains(u"could not be opened"_s);
    }));
    EXPECT_FALSE(h.window()->isShowingContent());
    auto* box = waitForModal<QMessageBox>();
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->text().contains(u"could not be opened"_s));
    box->close();
    // Nothing can be done to a workspace that is not open.
    EXPECT_FALSE(h.window()->moveActions()->newMove->isEnabled());
    EXPECT_FALSE(h.window()->moveActions()->importFiles->isEnabled());
}

} // namespace
