// Desktop integration where there is no system tray (offscreen here, like some desktops): one message says
// background mode is unavailable, closing the window really closes it, nothing crashes. Plus what works the
// same with or without a tray: the tray menu's actions, pause, held pop-ups, the options (close to tray,
// open at login) and a clicked pop-up opening its move in the window.
#include "MainWindow.h"
#include "MovesView.h"
#include "UiTestSupport.h"
#include "WaitFor.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/DesktopWindowBinding.h"
#include "moves/MoveRow.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;
using caseyos::test::waitFor;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

// A DesktopIntegration with its own settings file and no real login entry.
struct Desktop
{
    explicit Desktop(const Clock& clock,
        AutostartEntry::Mechanism autostart = AutostartEntry::Mechanism::Unsupported, QString home = {})
    {
        EXPECT_TRUE(dir.isValid());
        DesktopIntegration::Options options;
        options.settingsFile = dir.filePath(u"settings.ini"_s);
        options.autostart = autostart;
        options.home = home.isEmpty() ? dir.filePath(u"home"_s) : home;
        options.defaultHome = dir.filePath(u"default-home"_s);
        options.program = u"/usr/bin/caseyos"_s;
        integration = std::make_unique<DesktopIntegration>(clock, options);
    }
    QString settingsFile() const { return dir.filePath(u"settings.ini"_s); }

    QTemporaryDir dir;
    std::unique_ptr<DesktopIntegration> integration;
};

class EnvGuard
{
public:
    EnvGuard(const char* name, const QByteArray& value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~EnvGuard()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char* m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

TEST(DesktopFallback, NoTraySaysSoOnceAndClosingTheWindowClosesIt)
{
    ASSERT_FALSE(QSystemTrayIcon::isSystemTrayAvailable()) << "offscreen never has a tray";
    FakeClock clock;
    Desktop desktop(clock);
    MainWindow window(clock);
    QSignalSpy messages(desktop.integration.get(), &DesktopIntegration::statusMessage);
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    QSignalSpy hidden(&window, &MainWindow::hiddenToTray);

    bindDesktopToWindow(desktop.integration.get(), &window);
    desktop.integration->start();
    desktop.integration->start(); // a second start says nothing more

    EXPECT_FALSE(desktop.integration->trayAvailable());
    EXPECT_EQ(desktop.integration->trayIcon(), nullptr);
    ASSERT_EQ(messages.count(), 1);
    const QString text = messages.first().first().toString();
    EXPECT_EQ(text, DesktopIntegration::backgroundUnavailableMessage());
    EXPECT_TRUE(text.contains(u"no system tray"_s)) << qPrintable(text);
    EXPECT_EQ(window.statusBar()->currentMessage(), text);

    // The option is on by default but has no effect without a tray, and cannot be ticked.
    EXPECT_TRUE(desktop.integration->closeToTrayAction()->isChecked());
    EXPECT_FALSE(desktop.integration->closeToTrayAction()->isEnabled());
    EXPECT_FALSE(desktop.integration->closeToTray());
    EXPECT_FALSE(window.closeToTray());

    window.show();
    ASSERT_TRUE(window.isVisible());
    EXPECT_TRUE(window.close());
    EXPECT_FALSE(window.isVisible());
    EXPECT_EQ(hidden.count(), 0);
    EXPECT_EQ(quit.count(), 1) << "a real close ends the app";
    EXPECT_EQ(messages.count(), 1) << "the message is said once";
}

TEST(DesktopFallback, NotificationsWithoutTrayNeitherCrashNorPopUp)
{
    FakeClock clock;
    Desktop desktop(clock);
    desktop.integration->start();
    QSignalSpy shown(desktop.integration.get(), &DesktopIntegration::popupShown);
    desktop.integration->setUnreadCount(5);
    desktop.integration->notify(1, u"Meeting in 15 minutes"_s, u"Acme sync"_s, 100, 7);
    desktop.integration->notify(2, u"Overdue move"_s, u"Call Ben"_s, 75, 8);
    desktop.integration->windowHiddenToTray();
    EXPECT_EQ(shown.count(), 0);
    EXPECT_EQ(desktop.integration->unreadCount(), 5);
    EXPECT_EQ(desktop.integration->toolTip(), u"CaseyOS — 5 unread notifications"_s);
    desktop.integration->setUnreadCount(1);
    EXPECT_EQ(desktop.integration->toolTip(), u"CaseyOS — 1 unread notification"_s);
    desktop.integration->setUnreadCount(-4);
    EXPECT_EQ(desktop.integration->unreadCount(), 0);
}

TEST(DesktopFallback, TrayMenuHasShowWhatsUpPauseQuit)
{
    FakeClock clock;
    Desktop desktop(clock);
    QStringList texts;
    for (QAction* action : desktop.integration->trayMenu()->actions())
        texts << (action->isSeparator() ? u"--"_s : action->text());
    EXPECT_EQ(texts,
        (QStringList {
            u"&Show CaseyOS"_s, u"&What's up"_s, u"--"_s, u"&Pause notifications"_s, u"--"_s, u"&Quit"_s }));
    EXPECT_TRUE(desktop.integration->pauseAction()->isCheckable());

    QSignalSpy show(desktop.integration.get(), &DesktopIntegration::showWindowRequested);
    QSignalSpy whatsUp(desktop.integration.get(), &DesktopIntegration::whatsUpRequested);
    QSignalSpy quit(desktop.integration.get(), &DesktopIntegration::quitRequested);
    QSignalSpy paused(desktop.integration.get(), &DesktopIntegration::pausedChanged);
    desktop.integration->showAction()->trigger();
    desktop.integration->whatsUpAction()->trigger();
    desktop.integration->pauseAction()->trigger();
    EXPECT_EQ(show.count(), 1);
    EXPECT_EQ(whatsUp.count(), 1);
    ASSERT_EQ(paused.count(), 1);
    EXPECT_TRUE(paused.first().first().toBool());
    EXPECT_TRUE(desktop.integration->isPaused());
    EXPECT_TRUE(desktop.integration->toolTip().contains(u"paused"_s));
    desktop.integration->pauseAction()->trigger();
    EXPECT_FALSE(desktop.integration->isPaused());
    EXPECT_EQ(paused.count(), 2);
    EXPECT_EQ(quit.count(), 0);
    desktop.integration->quitAction()->trigger();
    EXPECT_EQ(quit.count(), 1);
}

TEST(DesktopFallback, TrayCommandsDriveTheWindow)
{
    FakeClock clock;
    Desktop desktop(clock);
    MainWindow window(clock);
    bindDesktopToWindow(desktop.integration.get(), &window);
    desktop.integration->start();
    QSignalSpy quit(&window, &MainWindow::quitRequested);

    window.showMinimized();
    desktop.integration->showAction()->trigger();
    EXPECT_TRUE(window.isVisible());
    EXPECT_FALSE(window.isMinimized());

    window.hide();
    desktop.integration->whatsUpAction()->trigger();
    EXPECT_TRUE(window.isVisible());

    // Quit closes for good even when close-to-tray is on.
    window.setCloseToTray(true);
    desktop.integration->quitAction()->trigger();
    EXPECT_FALSE(window.isVisible());
    EXPECT_EQ(quit.count(), 1);
}

TEST(DesktopFallback, CloseToTrayHidesTheWindowInsteadOfClosing)
{
    // What MainWindow does when the option is on and a tray exists (the tray itself is tested under Xvfb).
    FakeClock clock;
    MainWindow window(clock);
    QSignalSpy quit(&window, &MainWindow::quitRequested);
    QSignalSpy hidden(&window, &MainWindow::hiddenToTray);
    window.setCloseToTray(true);
    window.show();
    window.close();
    EXPECT_FALSE(window.isVisible());
    EXPECT_EQ(hidden.count(), 1);
    EXPECT_EQ(quit.count(), 0);
    window.bringToFront();
    EXPECT_TRUE(window.isVisible());
    window.quitApplication();
    EXPECT_EQ(quit.count(), 1);
}

TEST(DesktopFallback, PausedAndQuietHoursHoldPopupsUntilTheyEnd)
{
    FakeClock clock(utc(2026, 11, 25, 23, 0)); // 23:00 in the user's zone (UTC)
    Desktop desktop(clock);
    desktop.integration->start();
    QuietHours quiet;
    quiet.enabled = true; // 22:00–07:00
    desktop.integration->setQuietHours(quiet);
    EXPECT_TRUE(desktop.integration->isHoldingPopups());
    EXPECT_TRUE(desktop.integration->toolTip().contains(u"Quiet hours (22:00–07:00)"_s))
        << qPrintable(desktop.integration->toolTip());

    desktop.integration->notify(1, u"urgent"_s, u"m"_s, 100, 1);
    desktop.integration->notify(2, u"normal"_s, u"m"_s, 50, 2); // never a pop-up
    desktop.integration->notify(3, u"high"_s, u"m"_s, 75, 3);
    EXPECT_EQ(desktop.integration->heldPopupCount(), 2);

    clock.set(utc(2026, 11, 26, 6, 59));
    desktop.integration->releaseIfHoldEnded();
    EXPECT_EQ(desktop.integration->heldPopupCount(), 2) << "still quiet at 06:59";

    // At 07:00 quiet hours end, but the user paused meanwhile: still held until resumed.
    desktop.integration->setPaused(true);
    clock.set(utc(2026, 11, 26, 7, 0));
    desktop.integration->releaseIfHoldEnded();
    EXPECT_EQ(desktop.integration->heldPopupCount(), 2);
    desktop.integration->setPaused(false);
    EXPECT_EQ(desktop.integration->heldPopupCount(), 0);

    // The quiet hours were saved in the settings.
    QSettings settings(desktop.settingsFile(), QSettings::IniFormat);
    EXPECT_TRUE(QuietHours::load(settings).enabled);
}

TEST(DesktopFallback, CloseToTrayOptionIsSaved)
{
    FakeClock clock;
    QString settingsFile;
    {
        Desktop desktop(clock);
        settingsFile = desktop.settingsFile();
        QSignalSpy changed(desktop.integration.get(), &DesktopIntegration::closeToTrayChanged);
        desktop.integration->closeToTrayAction()->trigger(); // untick
        EXPECT_FALSE(desktop.integration->closeToTrayAction()->isChecked());
        ASSERT_EQ(changed.count(), 1);
        QSettings settings(settingsFile, QSettings::IniFormat);
        EXPECT_FALSE(settings.value(DesktopIntegration::closeToTrayKey(), true).toBool());
    }
}

// File ▸ Settings writes the quiet hours and the close-to-tray option into the settings; the window says so
// (settingsChanged) and the tray takes them at once.
TEST(DesktopFallback, SettingsChangedFromTheWindowAreTakenAtOnce)
{
    FakeClock clock;
    Desktop desktop(clock);
    MainWindow window(clock);
    bindDesktopToWindow(desktop.integration.get(), &window);
    desktop.integration->start();
    EXPECT_FALSE(desktop.integration->quietHours().enabled);
    EXPECT_TRUE(desktop.integration->closeToTrayAction()->isChecked());
    {
        QSettings settings(desktop.settingsFile(), QSettings::IniFormat);
        QuietHours hours;
        hours.enabled = true;
        hours.start = QTime(20, 0);
        hours.end = QTime(8, 0);
        hours.save(settings);
        settings.setValue(DesktopIntegration::closeToTrayKey(), false);
    }
    Q_EMIT window.settingsChanged();
    EXPECT_TRUE(desktop.integration->quietHours().enabled);
    EXPECT_EQ(desktop.integration->quietHours().start, QTime(20, 0));
    EXPECT_FALSE(desktop.integration->closeToTrayAction()->isChecked());
}

TEST(DesktopFallback, OpenAtLoginWritesAndRemovesTheAutostartEntry)
{
    QTemporaryDir config;
    ASSERT_TRUE(config.isValid());
    EnvGuard env("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    const QString entryPath = QDir(config.path()).filePath(u"autostart/caseyos.desktop"_s);

    FakeClock clock;
    QTemporaryDir home;
    Desktop desktop(clock, AutostartEntry::Mechanism::XdgAutostart, home.path());
    MainWindow window(clock);
    bindDesktopToWindow(desktop.integration.get(), &window);
    desktop.integration->start();
    QAction* openAtLogin = desktop.integration->openAtLoginAction();
    ASSERT_TRUE(desktop.integration->settingsActions().contains(openAtLogin));
    ASSERT_TRUE(desktop.integration->settingsActions().contains(desktop.integration->closeToTrayAction()));
    EXPECT_TRUE(openAtLogin->isEnabled());
    EXPECT_FALSE(openAtLogin->isChecked());

    openAtLogin->trigger();
    EXPECT_TRUE(openAtLogin->isChecked());
    QFile file(entryPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(entryPath);
    const QString content = QString::fromUtf8(file.readAll());
    file.close();
    // Not the default home, so the entry keeps it.
    EXPECT_TRUE(content.contains(u"Exec=/usr/bin/caseyos --minimized --home "_s + home.path()))
        << qPrintable(content);
    EXPECT_EQ(window.statusBar()->currentMessage(), u"CaseyOS will open in the tray when you log in"_s);

    openAtLogin->trigger();
    EXPECT_FALSE(openAtLogin->isChecked());
    EXPECT_FALSE(QFile::exists(entryPath));

    // A folder that cannot be written: the box stays unticked and the status bar says why.
    QFile blocker(QDir(config.path()).filePath(u"autostart"_s));
    QDir(config.path()).rmdir(u"autostart"_s);
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    openAtLogin->trigger();
    EXPECT_FALSE(openAtLogin->isChecked());
    EXPECT_TRUE(window.statusBar()->currentMessage().startsWith(u"Open at login: Cannot create the folder"_s))
        << qPrintable(window.statusBar()->currentMessage());
}

TEST(DesktopFallback, ClickedPopupOpensItsMoveInTheWindow)
{
    caseyos::test::WindowHarness h;
    ASSERT_TRUE(h.start());
    ASSERT_TRUE(h.importSignals(caseyos::test::fiveLeads()));
    const MoveRow* ben = h.moveByEmail(u"ben@globex.com"_s);
    ASSERT_NE(ben, nullptr);
    const qint64 benId = ben->id;
    ASSERT_NE(h.window()->movesView()->currentMoveId(), benId);

    Desktop desktop(h.clock);
    bindDesktopToWindow(desktop.integration.get(), h.window());
    desktop.integration->start();
    h.window()->showMinimized();
    Q_EMIT desktop.integration->moveActivated(benId);
    EXPECT_TRUE(h.window()->isVisible());
    EXPECT_FALSE(h.window()->isMinimized());
    EXPECT_EQ(h.window()->movesView()->currentMoveId(), benId);
    EXPECT_EQ(h.currentEmail(), u"ben@globex.com"_s);

    // A move that is not listed: the window still comes forward and says so.
    Q_EMIT desktop.integration->moveActivated(987654);
    EXPECT_EQ(h.window()->movesView()->currentMoveId(), benId);
    EXPECT_TRUE(h.window()->statusBar()->currentMessage().contains(u"#987654"_s));
}
