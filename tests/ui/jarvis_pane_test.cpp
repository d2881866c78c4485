// The Jarvis pane in the window, offscreen: asking "what's up" answers from the workspace's real moves, and
// "accept the top move" changes the list; a click on a move link in an answer selects that move.
#include "JarvisController.h"
#include "MainWindow.h"
#include "MovesView.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "core/Move.h"
#include "jarvis/ChatModel.h"
#include "jarvis/ChatPane.h"
#include "moves/MoveRow.h"

#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

// Types the question into the pane and presses Enter, as a user would, and waits for the answer.
QString ask(WindowHarness& h, const QString& text)
{
    ChatPane* pane = h.window()->chatPane();
    QSignalSpy answered(h.window()->jarvis(), &JarvisController::answered);
    pane->input()->setFocus();
    QTest::keyClicks(pane->input(), text);
    QTest::keyClick(pane->input(), Qt::Key_Return);
    if (!waitFor([&] { return !answered.isEmpty(); }, 10000))
        return u"(no answer)"_s;
    const QAbstractItemModel* model = pane->view()->model();
    return model->index(model->rowCount() - 1, 0).data(ChatModel::MarkdownRole).toString();
}

} // namespace

TEST(JarvisPane, WhatsUpAnswersFromTheListAndAcceptingTheTopMoveChangesIt)
{
    WindowHarness h;
    ASSERT_TRUE(h.start());
    ASSERT_TRUE(h.importSignals(fiveLeads()));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
    EXPECT_TRUE(h.window()->jarvisDock()->isVisible()); // beside Today's Moves from the start

    // Ctrl+J puts the keyboard in the question line.
    h.press(Qt::Key_J, Qt::ControlModifier, h.window());
    h.press(Qt::Key_J, Qt::ControlModifier, h.window()); // hidden, then shown again with focus
    ASSERT_TRUE(waitFor([&] { return h.window()->chatPane()->input()->hasFocus(); }));

    const QString whatsUp = ask(h, u"what's up?"_s);
    EXPECT_TRUE(whatsUp.contains(u"Your top 5 of 5 pending moves"_s)) << whatsUp.toStdString();
    EXPECT_TRUE(whatsUp.contains(u"Dana"_s)) << whatsUp.toStdString(); // the top lead, by name
    const MoveRow* dana = h.moveByEmail(u"dana@acme.com"_s);
    ASSERT_NE(dana, nullptr);
    EXPECT_TRUE(whatsUp.contains(u"caseyos://move/%1"_s.arg(dana->id))) << whatsUp.toStdString();

    const qint64 danaId = dana->id;
    const QString accepted = ask(h, u"accept the top move"_s);
    EXPECT_TRUE(accepted.startsWith(u"Accepted [#%1"_s.arg(danaId))) << accepted.toStdString();
    ASSERT_TRUE(h.waitForStatus(u"dana@acme.com"_s, int(MoveStatus::Completed)));
    ASSERT_TRUE(waitFor([&] { return !h.shownEmails().contains(u"dana@acme.com"_s); }))
        << h.shownEmails().join(u", "_s).toStdString();

    // "the second one" counts in the list Jarvis showed last: ben, from the what's-up answer.
    const QString dismissed = ask(h, u"dismiss the second one"_s);
    EXPECT_TRUE(dismissed.startsWith(u"Dismissed"_s)) << dismissed.toStdString();
    ASSERT_TRUE(h.waitForStatus(u"ben@globex.com"_s, int(MoveStatus::Dismissed)));

    // A screenshot for people to look at (docs/screenshots/jarvis-pane.png when asked for).
    QString folder = qEnvironmentVariable("CASEYOS_SCREENSHOT_DIR");
    if (folder.isEmpty())
        folder = QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR);
    QDir().mkpath(folder);
    h.window()->resize(1400, 800);
    QTest::qWait(100);
    EXPECT_TRUE(h.window()->grab().save(QDir(folder).filePath(u"jarvis-pane.png"_s)));
}

TEST(JarvisPane, AMoveLinkInAnAnswerSelectsTheMove)
{
    WindowHarness h;
    ASSERT_TRUE(h.start());
    ASSERT_TRUE(h.importSignals(fiveLeads()));
    ASSERT_TRUE(waitFor([&] { return h.shownEmails().size() == 5; }));
    const MoveRow* chen = h.moveByEmail(u"chen@initech.com"_s);
    ASSERT_NE(chen, nullptr);
    const qint64 chenId = chen->id;
    const QString shown = ask(h, u"show #%1"_s.arg(chenId));
    ASSERT_TRUE(shown.contains(u"caseyos://move/%1"_s.arg(chenId))) << shown.toStdString();

    // Click the link: it sits at the start of the answer's first line.
    QListView* view = h.window()->chatPane()->view();
    const QModelIndex answer = view->model()->index(view->model()->rowCount() - 1, 0);
    const QRect rect = view->visualRect(answer);
    bool selected = false;
    for (int x = rect.left() + 16; x < rect.left() + 200 && !selected; x += 8) {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(x, rect.top() + 20));
        selected = h.window()->movesView()->currentMoveId() == chenId;
    }
    EXPECT_TRUE(selected) << "current move " << h.window()->movesView()->currentMoveId();
}

// A language model's answer streams into its row: each piece shows at once (replacing "Thinking…"), the whole
// answer replaces the pieces, and a stream abandoned for a newer question says it stopped.
TEST(JarvisPane, StreamedPiecesFillTheAnswerRow)
{
    ChatModel model;
    model.addQuestion(u"how busy am I?"_s);
    const int row = model.addPendingAnswer();
    EXPECT_EQ(model.index(row).data(ChatModel::MarkdownRole).toString(), u"Thinking…"_s);
    model.appendDelta(row, u"You have "_s);
    model.appendDelta(row, u"six moves."_s);
    EXPECT_FALSE(model.index(row).data(ChatModel::PendingRole).toBool());
    EXPECT_EQ(model.index(row).data(ChatModel::MarkdownRole).toString(), u"You have six moves."_s);
    jarvis::AssistantReply reply;
    reply.markdown = u"You have six moves.\n\n*Tools used:* `list_moves`"_s;
    model.answer(row, reply);
    EXPECT_EQ(model.index(row).data(ChatModel::MarkdownRole).toString(), reply.markdown);

    model.addQuestion(u"and tomorrow?"_s);
    const int second = model.addPendingAnswer();
    model.appendDelta(second, u"Tomorrow "_s);
    model.dropPending();
    EXPECT_TRUE(
        model.index(second).data(ChatModel::MarkdownRole).toString().startsWith("Tomorrow \n\n(Stopped"_L1));
    EXPECT_EQ(
        model.index(row).data(ChatModel::MarkdownRole).toString(), reply.markdown); // finished rows stay
}
