// The notifications panel and its model, offscreen, wired the way the window wires them: the panel's
// requests go to a real NotificationsClient on a storage thread over a real SQLite file, and its results
// come back to the panel. Keys and buttons are pressed like a user would.
#include "FakeClock.h"
#include "SnoozeMenu.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "notifications/NotificationDelegate.h"
#include "notifications/NotificationRepository.h"
#include "notifications/NotificationService.h"
#include "notifications/NotificationsClient.h"
#include "notifications/NotificationsModel.h"
#include "notifications/NotificationsPanel.h"
#include "storage/Database.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QThread>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

Notification draft(
    qint64 id, const QString& title, NotificationPriority priority, qint64 createdSecs, qint64 moveId = 0)
{
    Notification n;
    n.id = id;
    n.title = title;
    n.message = title + u" details"_s;
    n.priority = priority;
    n.kind = u"test"_s;
    n.moveId = moveId;
    n.createdAt = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC).addSecs(createdSecs);
    return n;
}

QStringList titles(const NotificationsModel& model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list << model.index(row).data(NotificationsModel::TitleRole).toString();
    return list;
}

class PanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
        NotificationService service(db, clock);
        // Created oldest first; the list shows urgent, high (newest first), normal.
        for (const Notification& n : { draft(0, u"Normal lead"_s, NotificationPriority::Normal, -600),
                 draft(0, u"High overdue"_s, NotificationPriority::High, -300, 41),
                 draft(0, u"Urgent meeting"_s, NotificationPriority::Urgent, -200, 42),
                 draft(0, u"High reply"_s, NotificationPriority::High, -100, 43) })
            ids.insert(n.title, service.create(n).value().id);

        storage.setObjectName(u"storage"_s);
        storage.start();
        client = std::make_unique<NotificationsClient>(home.databasePath(), clock, &storage);
        window.setCentralWidget(panel);
        // A window-wide move shortcut on "d", like the main window's Dismiss: the panel's keys must win.
        windowDismiss = new QAction(u"Dismiss move"_s, &window);
        windowDismiss->setShortcut(QKeySequence(Qt::Key_D));
        windowDismiss->setShortcutContext(Qt::WindowShortcut);
        window.addAction(windowDismiss);

        // The wiring the lead does in the main window.
        QObject::connect(
            client.get(), &NotificationsClient::loaded, panel, &NotificationsPanel::setNotifications);
        QObject::connect(
            client.get(), &NotificationsClient::changed, panel, &NotificationsPanel::applyChange);
        QObject::connect(client.get(), &NotificationsClient::failed, panel, &NotificationsPanel::showError);
        QObject::connect(
            panel, &NotificationsPanel::markReadRequested, client.get(), &NotificationsClient::markRead);
        QObject::connect(
            panel, &NotificationsPanel::dismissRequested, client.get(), &NotificationsClient::dismiss);
        QObject::connect(
            panel, &NotificationsPanel::snoozeRequested, client.get(), &NotificationsClient::snooze);
        QObject::connect(panel, &NotificationsPanel::markAllReadRequested, client.get(),
            &NotificationsClient::markAllRead);

        window.resize(520, 420);
        window.show();
        QApplication::setActiveWindow(&window);
        client->load();
        ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() == 4; }));
        panel->view()->setFocus();
        ASSERT_TRUE(waitFor([&] { return panel->view()->hasFocus(); }));
    }

    void TearDown() override
    {
        client.reset();
        storage.quit();
        storage.wait();
    }

    NotificationState stateOf(const QString& title)
    {
        return NotificationRepository(db).find(ids.value(title))->state(clock.now());
    }

    void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(key), modifiers);
    }

    bool select(const QString& title)
    {
        const int row = panel->model()->rowOf(ids.value(title));
        if (row < 0)
            return false;
        panel->view()->setCurrentIndex(panel->model()->index(row));
        return panel->currentId() == ids.value(title);
    }

    TempHome home;
    FakeClock clock;
    Database db;
    QHash<QString, qint64> ids;
    QThread storage;
    std::unique_ptr<NotificationsClient> client;
    QMainWindow window;
    NotificationsPanel* panel = new NotificationsPanel(clock, &window);
    QAction* windowDismiss = nullptr;
};

} // namespace

TEST_F(PanelTest, ListsUnreadInPriorityOrderWithTheFirstOneCurrent)
{
    EXPECT_EQ(titles(*panel->model()),
        (QStringList { u"Urgent meeting"_s, u"High reply"_s, u"High overdue"_s, u"Normal lead"_s }));
    EXPECT_EQ(panel->currentId(), ids.value(u"Urgent meeting"_s));
    EXPECT_EQ(panel->findChild<QLabel*>(u"notificationsHeader"_s)->text(), u"Notifications (4 unread)"_s);
    EXPECT_EQ(panel->findChild<QLabel*>(u"notificationsHeadline"_s)->text(),
        u"1 urgent, 2 high, 1 normal: Urgent meeting"_s);
    const QModelIndex first = panel->model()->index(0);
    EXPECT_EQ(first.data(NotificationsModel::PriorityNameRole).toString(), u"urgent"_s);
    EXPECT_EQ(first.data(NotificationsModel::PriorityColorRole).value<QColor>(),
        NotificationsModel::priorityColor(NotificationPriority::Urgent));
    EXPECT_EQ(first.data(NotificationsModel::TimeTextRole).toString(), u"Today 09:56"_s);
    EXPECT_EQ(first.data(NotificationsModel::MessageRole).toString(), u"Urgent meeting details"_s);

    // A screenshot for people to look at.
    const QString dir = QDir(QStringLiteral(CASEYOS_SCREENSHOT_DEFAULT_DIR)).absolutePath();
    QDir().mkpath(dir);
    EXPECT_TRUE(panel->grab().save(dir + u"/notifications-panel.png"_s));
}

TEST_F(PanelTest, RMarksTheCurrentOneReadAndTheListMovesOn)
{
    press(Qt::Key_R);
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() == 3; }));
    EXPECT_EQ(stateOf(u"Urgent meeting"_s), NotificationState::Read);
    EXPECT_EQ(
        titles(*panel->model()), (QStringList { u"High reply"_s, u"High overdue"_s, u"Normal lead"_s }));
    EXPECT_EQ(panel->currentId(), ids.value(u"High reply"_s))
        << "the next one is current, ready for the next key";
}

TEST_F(PanelTest, DDismissesInThePanelNotTheWindowsMoveShortcut)
{
    QSignalSpy windowAction(windowDismiss, &QAction::triggered);
    ASSERT_TRUE(select(u"High overdue"_s));
    press(Qt::Key_D);
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() == 3; }));
    EXPECT_EQ(stateOf(u"High overdue"_s), NotificationState::Dismissed);
    EXPECT_EQ(windowAction.count(), 0) << "the window's d must not fire while the list has focus";
}

TEST_F(PanelTest, SSnoozesThroughTheMenuUntilTheChosenTime)
{
    ASSERT_TRUE(select(u"High reply"_s));
    press(Qt::Key_S);
    QMenu* menu = nullptr;
    ASSERT_TRUE(waitFor([&] {
        menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        return menu != nullptr;
    }));
    EXPECT_EQ(menu, static_cast<QMenu*>(panel->snoozeMenu()));
    QTest::keyClick(menu, Qt::Key_4); // &4 hours
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() == 3; }));
    const std::optional<Notification> stored = NotificationRepository(db).find(ids.value(u"High reply"_s));
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->snoozedUntil, clock.now().addSecs(4 * 3600));
    EXPECT_EQ(stored->state(clock.now()), NotificationState::Snoozed);
    EXPECT_FALSE(titles(*panel->model()).contains(u"High reply"_s));

    // When the snooze ends, the next load shows it again.
    clock.advance(4 * 3600);
    client->load();
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() == 4; }));
}

TEST_F(PanelTest, ButtonsDoWhatTheKeysDo)
{
    ASSERT_TRUE(select(u"Normal lead"_s));
    QTest::mouseClick(panel->findChild<QPushButton*>(u"notificationRead"_s), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() == 3; }));
    EXPECT_EQ(stateOf(u"Normal lead"_s), NotificationState::Read);
    ASSERT_TRUE(select(u"High overdue"_s));
    QTest::mouseClick(panel->findChild<QPushButton*>(u"notificationDismiss"_s), Qt::LeftButton);
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() == 2; }));
    EXPECT_EQ(stateOf(u"High overdue"_s), NotificationState::Dismissed);
}

TEST_F(PanelTest, EnterOpensTheMoveAndMarksTheNotificationRead)
{
    QSignalSpy open(panel, &NotificationsPanel::openMoveRequested);
    ASSERT_TRUE(select(u"High reply"_s));
    press(Qt::Key_Return);
    ASSERT_EQ(open.count(), 1);
    EXPECT_EQ(open.first().first().toLongLong(), 43);
    ASSERT_TRUE(waitFor([&] { return stateOf(u"High reply"_s) == NotificationState::Read; }));
}

TEST_F(PanelTest, CtrlShiftRMarksAllReadAndShowsTheEmptyState)
{
    auto* stack = panel->findChild<QStackedWidget*>();
    ASSERT_TRUE(stack);
    EXPECT_EQ(stack->currentWidget(), panel->view());
    press(Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    ASSERT_TRUE(waitFor([&] { return panel->model()->rowCount() == 0; }));
    for (const QString& title : ids.keys())
        EXPECT_EQ(stateOf(title), NotificationState::Read) << title.toStdString();
    EXPECT_EQ(stack->currentWidget(), panel->findChild<QLabel*>(u"notificationsEmpty"_s));
    EXPECT_FALSE(panel->findChild<QPushButton*>(u"notificationsMarkAll"_s)->isEnabled());
    EXPECT_FALSE(panel->findChild<QPushButton*>(u"notificationRead"_s)->isEnabled());
    EXPECT_EQ(panel->findChild<QLabel*>(u"notificationsHeadline"_s)->text(),
        u"All clear: no unread notifications"_s);
}

TEST_F(PanelTest, AFailureIsShownInThePanel)
{
    client->markRead(999);
    auto* error = panel->findChild<QLabel*>(u"notificationsError"_s);
    ASSERT_TRUE(waitFor([&] { return error->isVisible(); }));
    EXPECT_EQ(error->text(), u"No notification with id 999"_s);
}

TEST(NotificationsModelTest, PassesTheModelTesterThroughMergesChangesAndInserts)
{
    FakeClock clock;
    NotificationsModel model(clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setNotifications({ draft(1, u"n1"_s, NotificationPriority::Normal, -50),
        draft(2, u"u2"_s, NotificationPriority::Urgent, -40),
        draft(3, u"h3"_s, NotificationPriority::High, -30),
        draft(4, u"l4"_s, NotificationPriority::Low, -20) });
    EXPECT_EQ(titles(model), (QStringList { u"u2"_s, u"h3"_s, u"n1"_s, u"l4"_s }));

    // A second load: one gone, one new, one retitled; the rest keep their rows (no reset).
    Notification retitled = draft(1, u"n1 (updated)"_s, NotificationPriority::Normal, -50);
    model.setNotifications({ retitled, draft(2, u"u2"_s, NotificationPriority::Urgent, -40),
        draft(4, u"l4"_s, NotificationPriority::Low, -20),
        draft(5, u"h5"_s, NotificationPriority::High, -10) });
    EXPECT_EQ(titles(model), (QStringList { u"u2"_s, u"h5"_s, u"n1 (updated)"_s, u"l4"_s }));
    EXPECT_EQ(reset.count(), 0);

    // A change that makes one read removes it; a snooze in the future too; a still-unread change updates.
    Notification read = draft(2, u"u2"_s, NotificationPriority::Urgent, -40);
    read.readAt = clock.now();
    model.applyChange(read);
    Notification snoozed = draft(4, u"l4"_s, NotificationPriority::Low, -20);
    snoozed.snoozedUntil = clock.now().addSecs(60);
    model.applyChange(snoozed);
    EXPECT_EQ(titles(model), (QStringList { u"h5"_s, u"n1 (updated)"_s }));

    // New ones from the scheduler go to their place; duplicates and read ones are skipped.
    model.addNotifications({ draft(6, u"u6"_s, NotificationPriority::Urgent, 0),
        draft(5, u"h5"_s, NotificationPriority::High, -10),
        draft(7, u"n7"_s, NotificationPriority::Normal, 0) });
    EXPECT_EQ(titles(model), (QStringList { u"u6"_s, u"h5"_s, u"n7"_s, u"n1 (updated)"_s }));
    model.removeNotification(7);
    model.setNotifications({});
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_GT(inserted.count(), 0);
    EXPECT_GT(removed.count(), 0);
    EXPECT_EQ(reset.count(), 0);
}
