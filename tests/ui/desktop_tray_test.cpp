// The system tray for real, under Xvfb with a D-Bus session (scripts/test.sh starts a StatusNotifierWatcher
// and the dunst notification server, whose log CASEYOS_DUNST_LOG names): the icon appears with the unread
// count, urgent notifications pop up (dunst shows them), normal ones do not, pop-ups held by quiet hours or
// pause appear when the hold ends, closing the window keeps CaseyOS in the tray, and the real binary started
// with --minimized lives in the tray.
// Without a tray host (plain ctest, no session) each test checks the fallback instead and says so; with
// CASEYOS_EXPECT_TRAY=1 (scripts/test.sh) a missing tray is a failure.
#include "FakeClock.h"
#include "MainWindow.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/DesktopWindowBinding.h"

#include <QAction>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <iostream>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;
using caseyos::test::waitFor;

namespace {

// Without any display (a plain ctest run outside Xvfb) the GUI test main could not create its application:
// run offscreen then, which has no tray, so the fallback is what gets tested. Runs before main().
const bool g_platformChosen = [] {
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return true;
}();

QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}

bool trayExpected()
{
    return qgetenv("CASEYOS_EXPECT_TRAY") == "1";
}

// A title no other test (or test process) uses, so the shared dunst log tells them apart.
QString uniqueTitle(const char* what)
{
    static int counter = 0;
    return u"%1 [%2-%3]"_s.arg(QString::fromUtf8(what))
        .arg(QCoreApplication::applicationPid())
        .arg(++counter);
}

// What dunst printed: one block per notification with a line  summary: '<title>'.
class DunstLog
{
public:
    DunstLog()
        : m_path(qEnvironmentVariable("CASEYOS_DUNST_LOG"))
    {
    }
    bool available() const { return !m_path.isEmpty(); }
    int count(const QString& title) const
    {
        QFile file(m_path);
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return int(file.readAll().count(u"summary: '%1'"_s.arg(title).toUtf8()));
    }
    bool waitFor(const QString& title, int timeoutMs = 5000) const
    {
        return caseyos::test::waitFor([&] { return count(title) > 0; }, timeoutMs);
    }

private:
    QString m_path;
};

// Runs a command without blocking the event loop (the tray's D-Bus object answers from this thread).
QString runAsync(const QString& program, const QStringList& arguments, int timeoutMs = 10000)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(5000))
        return {};
    waitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString registeredTrayItems()
{
    return runAsync(u"dbus-send"_s,
        { u"--session"_s, u"--print-reply"_s, u"--dest=org.kde.StatusNotifierWatcher"_s,
            u"/StatusNotifierWatcher"_s, u"org.freedesktop.DBus.Properties.Get"_s,
            u"string:org.kde.StatusNotifierWatcher"_s, u"string:RegisteredStatusNotifierItems"_s });
}

// The tray item's own tooltip as the desktop reads it over D-Bus (StatusNotifierItem.ToolTip).
QString itemToolTip(const QString& service)
{
    return runAsync(u"dbus-send"_s,
        { u"--session"_s, u"--print-reply"_s, u"--dest="_s + service, u"/StatusNotifierItem"_s,
            u"org.freedesktop.DBus.Properties.Get"_s, u"string:org.kde.StatusNotifierItem"_s,
            u"string:ToolTip"_s });
}

qint64 pidOfBusName(const QString& name)
{
    const QString reply = runAsync(u"dbus-send"_s,
        { u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.DBus"_s, u"/org/freedesktop/DBus"_s,
            u"org.freedesktop.DBus.GetConnectionUnixProcessID"_s, u"string:"_s + name });
    const qsizetype at = reply.indexOf(u"uint32 "_s);
    return at < 0 ? -1 : reply.mid(at + 7).trimmed().toLongLong();
}

// The tray items the watcher lists for process `pid` (Qt registers each icon by its connection's bus name).
QStringList itemsOf(qint64 pid)
{
    QStringList found;
    for (QString line : registeredTrayItems().split(u'\n')) {
        line = line.trimmed();
        if (!line.startsWith(u"string \""_s))
            continue;
        const QString item = line.mid(8, line.size() - 9);
        if (pidOfBusName(item) == pid)
            found << item;
    }
    return found;
}

// Each test's DesktopIntegration with a settings file of its own and no real login entry.
struct Fixture
{
    explicit Fixture(const Clock& clock)
    {
        EXPECT_TRUE(dir.isValid());
        DesktopIntegration::Options options;
        options.settingsFile = dir.filePath(u"settings.ini"_s);
        options.autostart = AutostartEntry::Mechanism::Unsupported;
        options.home = dir.path();
        desktop = std::make_unique<DesktopIntegration>(clock, options);
        window = std::make_unique<MainWindow>(clock);
        bindDesktopToWindow(desktop.get(), window.get());
    }
    ~Fixture()
    {
        desktop.reset(); // the tray icon goes first
        window.reset();
    }
    QTemporaryDir dir;
    std::unique_ptr<DesktopIntegration> desktop;
    std::unique_ptr<MainWindow> window;
};

// True when a tray exists and the test goes on. Otherwise the fallback is checked here, and the test ends:
// as a failure when the tray was expected (scripts/test.sh), with a note when it was not.
bool trayOrFallback(Fixture& f)
{
    QSignalSpy messages(f.desktop.get(), &DesktopIntegration::statusMessage);
    f.desktop->start();
    if (f.desktop->trayAvailable()) {
        EXPECT_NE(f.desktop->trayIcon(), nullptr);
        EXPECT_EQ(messages.count(), 0) << "no 'background mode unavailable' message where a tray exists";
        return true;
    }
    if (trayExpected()) {
        ADD_FAILURE()
            << "CASEYOS_EXPECT_TRAY=1 but no system tray is available: is the StatusNotifierWatcher "
               "running on this session bus?";
        return false;
    }
    std::cout << "[ note ] no system tray host on this display (no StatusNotifierWatcher on a session bus): "
                 "testing the fallback path instead. scripts/test.sh runs the real tray path.\n";
    EXPECT_EQ(messages.count(), 1);
    EXPECT_EQ(f.window->statusBar()->currentMessage(), DesktopIntegration::backgroundUnavailableMessage());
    EXPECT_FALSE(f.window->closeToTray());
    QSignalSpy quit(f.window.get(), &MainWindow::quitRequested);
    f.window->show();
    f.window->close();
    EXPECT_FALSE(f.window->isVisible());
    EXPECT_EQ(quit.count(), 1);
    return false;
}

} // namespace

TEST(DesktopTray, IconAppearsWithTheUnreadCount)
{
    FakeClock clock;
    Fixture f(clock);
    if (!trayOrFallback(f))
        return;
    QSystemTrayIcon* tray = f.desktop->trayIcon();
    EXPECT_TRUE(tray->isVisible());
    EXPECT_EQ(tray->contextMenu(), f.desktop->trayMenu());

    f.desktop->setUnreadCount(3);
    EXPECT_EQ(tray->toolTip(), u"CaseyOS — 3 unread notifications"_s);
    // The badge is on the icon the tray shows: the top-right corner of the 32 px image is badge red.
    const QImage image = tray->icon().pixmap(32, 32).toImage();
    int red = 0;
    for (int y = 0; y < 16; ++y)
        for (int x = 16; x < 32; ++x) {
            const QColor c = image.pixelColor(x, y);
            red += c.red() > 180 && c.green() < 90 && c.blue() < 90 ? 1 : 0;
        }
    EXPECT_GT(red, 16 * 16 / 4) << "no badge in the top-right quarter of the tray icon";

    if (!trayExpected()) {
        std::cout << "[ note ] a tray exists but not the test session's watcher: D-Bus checks skipped\n";
        return;
    }
    // The desktop side: the watcher lists this process's item, and the item's tooltip carries the count.
    QStringList items;
    ASSERT_TRUE(
        waitFor([&] { return !(items = itemsOf(QCoreApplication::applicationPid())).isEmpty(); }, 5000))
        << "the tray item was not registered with the StatusNotifierWatcher";
    QString toolTip;
    EXPECT_TRUE(waitFor([&] { return (toolTip = itemToolTip(items.last())).contains(u"3 unread"_s); }, 5000))
        << qPrintable(toolTip);
}

TEST(DesktopTray, UrgentPopsUpAndNormalDoesNot)
{
    FakeClock clock;
    Fixture f(clock);
    if (!trayOrFallback(f))
        return;
    QSignalSpy shown(f.desktop.get(), &DesktopIntegration::popupShown);
    const QString normal = uniqueTitle("Deal updated");
    const QString urgent = uniqueTitle("Meeting with Dana in 15 minutes");
    f.desktop->notify(1, normal, u"Acme moved to proposal"_s, 50, 11);
    f.desktop->notify(2, urgent, u"Acme sync at 10:15"_s, 100, 12);
    ASSERT_EQ(shown.count(), 1);
    EXPECT_EQ(shown.first().at(1).toString(), urgent);

    const DunstLog dunst;
    if (!dunst.available()) {
        ASSERT_FALSE(trayExpected()) << "CASEYOS_DUNST_LOG is not set";
        std::cout << "[ note ] CASEYOS_DUNST_LOG not set: the pop-up was checked at the tray icon only\n";
        return;
    }
    ASSERT_TRUE(dunst.waitFor(urgent)) << "dunst never showed the urgent pop-up";
    // Both went out in this order over one connection: had the normal one been sent, dunst would have it now.
    EXPECT_EQ(dunst.count(normal), 0);
    EXPECT_EQ(dunst.count(urgent), 1);
}

TEST(DesktopTray, QuietHoursHoldThePopupUntilTheyEnd)
{
    FakeClock clock(utc(2026, 11, 25, 23, 30)); // the user's zone is UTC
    Fixture f(clock);
    if (!trayOrFallback(f))
        return;
    QuietHours quiet;
    quiet.enabled = true; // 22:00–07:00
    f.desktop->setQuietHours(quiet);
    QSignalSpy shown(f.desktop.get(), &DesktopIntegration::popupShown);
    const QString title = uniqueTitle("2 new replies");
    f.desktop->notify(21, title, u"Dana and Ben replied"_s, 100, 31);
    EXPECT_EQ(shown.count(), 0);
    EXPECT_EQ(f.desktop->heldPopupCount(), 1);
    QTest::qWait(500);
    const DunstLog dunst;
    if (dunst.available()) {
        EXPECT_EQ(dunst.count(title), 0) << "shown during quiet hours";
    }

    clock.set(utc(2026, 11, 26, 7, 1));
    f.desktop->releaseIfHoldEnded();
    ASSERT_EQ(shown.count(), 1);
    EXPECT_EQ(shown.first().at(1).toString(), title);
    if (dunst.available()) {
        EXPECT_TRUE(dunst.waitFor(title)) << "the held pop-up never appeared";
    } else {
        ASSERT_FALSE(trayExpected()) << "CASEYOS_DUNST_LOG is not set";
    }
}

TEST(DesktopTray, PopupsHeldWhilePausedAreSummarisedOnResume)
{
    FakeClock clock;
    Fixture f(clock);
    if (!trayOrFallback(f))
        return;
    f.desktop->pauseAction()->trigger();
    ASSERT_TRUE(f.desktop->isPaused());
    QSignalSpy shown(f.desktop.get(), &DesktopIntegration::popupShown);
    const QString first = uniqueTitle("3 new form leads");
    const QString second = uniqueTitle("Overdue: call Ben");
    f.desktop->notify(41, first, u"m"_s, 75, 1);
    f.desktop->notify(42, second, u"m"_s, 100, 2);
    EXPECT_EQ(shown.count(), 0);
    f.desktop->pauseAction()->trigger(); // resume
    ASSERT_EQ(shown.count(), 1);
    const QString summary = shown.first().at(1).toString();
    EXPECT_EQ(summary, u"2 notifications while pop-ups were held (1 urgent)"_s);
    const DunstLog dunst;
    if (dunst.available()) {
        EXPECT_TRUE(dunst.waitFor(summary));
        EXPECT_EQ(dunst.count(first), 0) << "summarised, not shown one by one";
    }
}

TEST(DesktopTray, ClickingAPopupOpensItsMove)
{
    FakeClock clock;
    Fixture f(clock);
    if (!trayOrFallback(f))
        return;
    QSignalSpy opened(f.desktop.get(), &DesktopIntegration::moveActivated);
    QSignalSpy show(f.desktop.get(), &DesktopIntegration::showWindowRequested);
    f.desktop->notify(51, uniqueTitle("Overdue: email Chen"), u"m"_s, 75, 77);
    // The notification server reports a click as the icon's messageClicked().
    ASSERT_TRUE(QMetaObject::invokeMethod(f.desktop->trayIcon(), "messageClicked"));
    ASSERT_EQ(opened.count(), 1);
    EXPECT_EQ(opened.first().first().toLongLong(), 77);
    EXPECT_TRUE(f.window->isVisible()) << "the window comes forward for the move";

    // A later pop-up that is not about a move: a click shows the window.
    f.desktop->windowHiddenToTray(); // the one-time hint
    ASSERT_TRUE(QMetaObject::invokeMethod(f.desktop->trayIcon(), "messageClicked"));
    EXPECT_EQ(opened.count(), 1);
    EXPECT_EQ(show.count(), 1);
}

TEST(DesktopTray, ClosingTheWindowKeepsCaseyOSInTheTrayAndSaysSoOnce)
{
    FakeClock clock;
    Fixture f(clock);
    if (!trayOrFallback(f))
        return;
    ASSERT_TRUE(f.desktop->closeToTray());
    ASSERT_TRUE(f.window->closeToTray());
    QSignalSpy quit(f.window.get(), &MainWindow::quitRequested);
    QSignalSpy shown(f.desktop.get(), &DesktopIntegration::popupShown);

    f.window->show();
    ASSERT_TRUE(waitFor([&] { return f.window->isVisible(); }));
    EXPECT_FALSE(f.window->close());
    EXPECT_FALSE(f.window->isVisible());
    EXPECT_EQ(quit.count(), 0);
    ASSERT_EQ(shown.count(), 1);
    EXPECT_EQ(shown.first().at(1).toString(), u"CaseyOS keeps running in the tray"_s);

    // Back from the tray, closed again: no second hint.
    f.desktop->showAction()->trigger();
    EXPECT_TRUE(f.window->isVisible());
    f.window->close();
    EXPECT_FALSE(f.window->isVisible());
    EXPECT_EQ(shown.count(), 1);

    // Unticking the option makes close a real close; Quit from the tray always is one.
    f.desktop->closeToTrayAction()->trigger();
    EXPECT_FALSE(f.window->closeToTray());
    f.desktop->closeToTrayAction()->trigger();
    EXPECT_TRUE(f.window->closeToTray());
    f.desktop->quitAction()->trigger();
    EXPECT_EQ(quit.count(), 1);
}

TEST(DesktopTray, MinimizedAppStartsInTheTray)
{
    FakeClock clock;
    Fixture f(clock);
    if (!trayOrFallback(f))
        return;
    if (!trayExpected()) {
        std::cout << "[ note ] not in the test session: the real binary's tray icon is checked by "
                     "scripts/test.sh\n";
        return;
    }
    caseyos::test::TempHome home;
    QTemporaryDir runtime; // the single-instance socket of this run only
    ASSERT_TRUE(runtime.isValid());
    QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.file(u"config"_s)); // the app's own settings, not the user's
    env.remove(u"CASEYOS_HOME"_s);

    QProcess app;
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(CASEYOS_BINARY), { u"--home"_s, home.path(), u"--minimized"_s });
    ASSERT_TRUE(app.waitForStarted(10000));
    QByteArray output;
    const auto readOutput = [&] {
        output += app.readAll();
        return output;
    };
    EXPECT_TRUE(waitFor([&] { return !itemsOf(app.processId()).isEmpty(); }, 15000))
        << "the app's tray icon never registered; output:\n"
        << readOutput().toStdString();
    EXPECT_TRUE(
        waitFor([&] { return readOutput().contains("Started in the system tray (--minimized)"); }, 5000))
        << output.toStdString();
    EXPECT_FALSE(output.contains("Background mode is unavailable"));

    // A second launch is handed to it; the running app logs it and stays.
    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(CASEYOS_BINARY), { u"--home"_s, home.path() });
    ASSERT_TRUE(waitFor([&] { return second.state() == QProcess::NotRunning; }, 5000));
    EXPECT_EQ(second.exitCode(), 0);
    EXPECT_TRUE(waitFor([&] { return readOutput().contains("Second launch for this data folder"); }, 5000))
        << output.toStdString();
    EXPECT_EQ(app.state(), QProcess::Running);

    app.terminate();
    if (!app.waitForFinished(10000))
        app.kill();
}
