// Saves a screenshot of the demo window (1280×800) for people to look at; runs under the suite's Xvfb.
#include "MainWindow.h"
#include "MoveDetailPane.h"
#include "MovesFilterProxy.h"
#include "notifications/NotificationsModel.h"
#include "notifications/NotificationsPanel.h"
#include "UiTestSupport.h"
#include "WaitFor.h"

#include <QDir>
#include <QDockWidget>
#include <QImage>
#include <QPixmap>
#include <QScrollArea>
#include <QSet>
#include <QTest>
#include <gtest/gtest.h>
#include <iostream>

using namespace Qt::StringLiterals;
using caseyos::test::waitFor;

namespace {

TEST(ScreenshotTest, DemoWindow)
{
    caseyos::test::WindowHarness h;
    ASSERT_TRUE(h.start(true, 60000));
    caseyos::MainWindow* window = h.window();
    window->resize(1280, 800);
    ASSERT_GT(window->proxy()->rowCount(), 10);
    ASSERT_TRUE(waitFor([&] { return window->detailPane()->hasDetail(); }, 10000));
    QTest::qWait(300); // let layouts settle and the last paints happen

    QString folder = qEnvironmentVariable("CASEYOS_SCREENSHOT_DIR");
    if (folder.isEmpty())
        folder = QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR);
    ASSERT_TRUE(QDir().mkpath(folder));
    const QString path = QDir(folder).filePath(u"demo-window.png"_s);

    const QImage image = window->grab().toImage();
    ASSERT_FALSE(image.isNull());
    EXPECT_GE(image.width(), 1280);
    EXPECT_GE(image.height(), 800);
    // Not a blank or single-colour image: a real window has many colours (text, bars, icons).
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 50);
    ASSERT_TRUE(image.save(path)) << qPrintable(path);
    std::cout << "[ screenshot ] " << qPrintable(path) << "\n";

    // The detail pane's whole content (it scrolls in the window): signal, payload and history included.
    auto* scroll = window->detailPane()->findChild<QScrollArea*>();
    ASSERT_NE(scroll, nullptr);
    const QImage detail = scroll->widget()->grab().toImage();
    ASSERT_FALSE(detail.isNull());
    ASSERT_TRUE(detail.save(QDir(folder).filePath(u"demo-detail.png"_s)));
}

// The demo window with the notifications panel open: the background checks ran over the demo signals when
// the workspace opened (new leads, replies, meetings soon, overdue moves).
TEST(ScreenshotTest, DemoWindowWithNotifications)
{
    caseyos::test::WindowHarness h;
    ASSERT_TRUE(h.start(true, 60000));
    caseyos::MainWindow* window = h.window();
    window->resize(1440, 860);
    window->showNotifications();
    caseyos::NotificationsPanel* panel = window->notificationsPanel();
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() > 0; }, 20000));
    QTest::qWait(300);

    QString folder = qEnvironmentVariable("CASEYOS_SCREENSHOT_DIR");
    if (folder.isEmpty())
        folder = QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR);
    ASSERT_TRUE(QDir().mkpath(folder));
    const QImage image = window->grab().toImage();
    ASSERT_FALSE(image.isNull());
    ASSERT_TRUE(image.save(QDir(folder).filePath(u"demo-notifications.png"_s)));
}

} // namespace
