// The demo workspace: `caseyos --demo` on a fresh data folder opens a window with a full, ranked list.
#include "MainWindow.h"
#include "MoveDetailPane.h"
#include "MovesFilterProxy.h"
#include "MovesModel.h"
#include "MovesView.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "WorkspaceLauncher.h"
#include "WorkspaceStatusBar.h"

#include <QFileInfo>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using caseyos::test::waitFor;

namespace {

TEST(DemoWindowTest, OpensWithRankedMovesListed)
{
    caseyos::test::WindowHarness h;
    ASSERT_TRUE(h.start(true, 60000));
    caseyos::MainWindow* window = h.window();
    EXPECT_EQ(window->windowTitle(), u"CaseyOS"_s);

    // The demo lives in <home>/demo, never in the user's own workspace.
    EXPECT_TRUE(h.launcher()->databasePath().startsWith(h.home.file(u"demo"_s)));
    EXPECT_FALSE(QFileInfo::exists(h.home.databasePath()));

    const caseyos::MovesFilterProxy* proxy = window->proxy();
    ASSERT_GE(proxy->rowCount(), 10) << "the demo should fill more than Today's top ten";
    for (int row = 1; row < proxy->rowCount(); ++row)
        ASSERT_FALSE(caseyos::ranksBefore(*proxy->moveAt(row), *proxy->moveAt(row - 1))) << "row " << row;
    for (int row = 0; row < proxy->rowCount(); ++row)
        ASSERT_EQ(proxy->moveAt(row)->effectiveStatus(h.clock.now().toMSecsSinceEpoch()),
            caseyos::MoveStatus::Pending);

    // The first move is selected and explained.
    EXPECT_EQ(window->movesView()->currentRow(), 0);
    ASSERT_TRUE(waitFor([&] { return window->detailPane()->hasDetail(); }, 10000));
    EXPECT_EQ(window->detailPane()->titleText(), proxy->moveAt(0)->title);
    EXPECT_TRUE(window->detailPane()->reasoningText().startsWith(u"Revenue "_s));
    EXPECT_TRUE(window->workspaceStatusBar()->countsText().contains(u"pending"_s));

    // A second start reuses the demo workspace (no second import, same moves).
    const int count = window->model()->rowCount();
    caseyos::MainWindow second(h.clock);
    caseyos::WorkspaceLauncher::Options options { h.home.path(), true };
    auto* launcher = new caseyos::WorkspaceLauncher(options, h.clock, &second);
    launcher->start();
    ASSERT_TRUE(
        waitFor([&] { return second.isShowingContent() && second.model()->rowCount() == count; }, 60000))
        << second.model()->rowCount() << " vs " << count;
}

} // namespace
