// The notifications as the window wires them (NotificationsController): the background checks run once the
// workspace is open and again after an import; what they find fills the panel (View ▸ Notifications) and asks
// the desktop for pop-ups; opening a notification selects its move.
#include "MainWindow.h"
#include "MovesView.h"
#include "NotificationsController.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "notifications/NotificationsModel.h"
#include "notifications/NotificationsPanel.h"

#include <QDockWidget>
#include <QListView>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

TEST(NotificationsWindow, AnImportedLeadBurstIsNotifiedInThePanelAndAsAPopup)
{
    WindowHarness h;
    ASSERT_TRUE(h.start());
    NotificationsController* notifications = h.window()->notifications();
    ASSERT_NE(notifications, nullptr);
    QSignalSpy popups(notifications, &NotificationsController::popupRequested);
    QSignalSpy unread(notifications, &NotificationsController::unreadCountChanged);

    // Three leads within ten minutes: one high-priority "3 new form leads" (PRODUCT.md §5).
    ASSERT_TRUE(h.importSignals(
        formSignal(u"l1"_s, u"Dana Lee"_s, u"Acme"_s, u"dana@acme.com"_s, 0.9, u"2026-11-25T09:50:00Z"_s)
        + formSignal(
            u"l2"_s, u"Ben Ortiz"_s, u"Globex"_s, u"ben@globex.com"_s, 0.8, u"2026-11-25T09:53:00Z"_s)
        + formSignal(
            u"l3"_s, u"Chen Wu"_s, u"Initech"_s, u"chen@initech.com"_s, 0.7, u"2026-11-25T09:55:00Z"_s)));

    ASSERT_TRUE(waitFor([&] { return popups.count() >= 1; }, 15000));
    const QList<QVariant> popup = popups.first();
    EXPECT_EQ(popup.at(1).toString(), u"3 new form leads"_s);
    EXPECT_EQ(popup.at(3).toInt(), 75); // high: the tray shows it
    EXPECT_GT(popup.at(4).toLongLong(), 0); // points at one of the leads' moves
    ASSERT_TRUE(waitFor([&] { return !unread.isEmpty() && unread.last().at(0).toInt() >= 1; }, 10000));

    // View ▸ Notifications (Ctrl+Shift+N) shows the panel with the notification listed, its count in the
    // title.
    NotificationsPanel* panel = h.window()->notificationsPanel();
    ASSERT_FALSE(h.window()->notificationsDock()->isVisible());
    h.press(Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier, h.window());
    ASSERT_TRUE(waitFor([&] { return h.window()->notificationsDock()->isVisible(); }));
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() >= 1; }, 10000));
    EXPECT_TRUE(h.window()->notificationsDock()->windowTitle().startsWith(u"Notifications ("_s))
        << h.window()->notificationsDock()->windowTitle().toStdString();

    // Enter on it opens its move in the list.
    panel->view()->setCurrentIndex(panel->model()->index(0, 0));
    QTest::keyClick(panel->view(), Qt::Key_Return);
    const qint64 moveId = popup.at(4).toLongLong();
    ASSERT_TRUE(waitFor([&] { return h.window()->movesView()->currentMoveId() == moveId; }, 10000))
        << "current move " << h.window()->movesView()->currentMoveId() << ", expected " << moveId;

    // A second pass over the same signals finds nothing new: no second pop-up.
    const int before = int(popups.count());
    notifications->importFinished(); // runs the checks again
    QTest::qWait(500);
    EXPECT_EQ(popups.count(), before);
}
