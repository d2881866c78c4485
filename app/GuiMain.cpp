#include "GuiMain.h"

#include "MainWindow.h"
#include "MovesModel.h"
#include "Translations.h"
#include "WorkspaceLauncher.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/DesktopWindowBinding.h"
#include "desktop/SingleInstance.h"
#include "logging/Logging.h"
#include "workspace/Paths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// A later launch for the same data folder handed its arguments over: log them and bring the window forward
// (unless it asked to start minimised, e.g. a login entry while CaseyOS already runs).
void handleSecondLaunch(MainWindow& window, const QStringList& arguments, const QString& workingDirectory)
{
    qInfo("Second launch for this data folder (from %s): %s", qPrintable(workingDirectory),
        qPrintable(arguments.mid(1).join(u' ')));
    if (arguments.contains(u"--minimized"_s))
        return;
    window.bringToFront();
}

} // namespace

int runGui(const QStringList& arguments)
{
    QElapsedTimer started;
    started.start();
    QCommandLineParser parser;
    parser.setApplicationDescription(u"CaseyOS — Today's Moves from your CRM, inbox and calendar."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption homeOption(
        u"home"_s, u"Data folder (default: $CASEYOS_HOME, else the app data folder)."_s, u"DIR"_s);
    const QCommandLineOption demoOption(u"demo"_s, u"Open the demo workspace (created on first use)."_s);
    const QCommandLineOption logLevelOption(u"log-level"_s,
        u"trace, debug, info, warn, error, critical or off (default: info)."_s, u"LEVEL"_s, u"info"_s);
    const QCommandLineOption minimizedOption(
        u"minimized"_s, u"Start in the system tray (minimised where the desktop has no tray)."_s);
    parser.addOptions({ homeOption, demoOption, logLevelOption, minimizedOption });
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "caseyos: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(u"help"_s)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(u"version"_s)) {
        std::printf("caseyos %s\n", CASEYOS_VERSION);
        return 0;
    }

    const QString level = parser.value(logLevelOption);
    if (!isValidLogLevel(level)) {
        std::fprintf(stderr, "caseyos: unknown log level '%s'\n", qPrintable(level));
        return 2;
    }
    const QString home = resolveHome(parser.value(homeOption));
    const bool demo = parser.isSet(demoOption);
    const bool minimized = parser.isSet(minimizedOption);
    const bool logFolderReady = ensureDirectory(logDirectory(home), nullptr);

    // One window per database: a second launch hands its arguments to the running one and exits, before it
    // opens the log (two processes must not rotate one log file) or the database.
    SingleInstance instance(demo ? databasePath(demoHome(home)) : databasePath(home));
    const SingleInstance::Role role = instance.start(arguments, QDir::currentPath());
    if (role == SingleInstance::Role::Forwarded) {
        std::fprintf(stderr, "caseyos: CaseyOS is already running for %s; handed over to it.\n",
            qPrintable(QDir::toNativeSeparators(home)));
        return 0;
    }
    if (role == SingleInstance::Role::Unresponsive) {
        std::fprintf(stderr, "caseyos: CaseyOS seems to be running for %s but does not answer: %s\n",
            qPrintable(QDir::toNativeSeparators(home)), qPrintable(instance.errorString()));
        return 1;
    }

    // Logging must not keep the window from opening: without a log folder it falls back to stderr.
    QString logError;
    LoggingOptions logging;
    logging.level = level;
    if (logFolderReady)
        logging.logDirectory = logDirectory(home);
    if (!initLogging(logging, &logError))
        std::fprintf(stderr, "caseyos: logging: %s\n", qPrintable(logError));
    if (role == SingleInstance::Role::Failed)
        qWarning(
            "Single instance unavailable, continuing without it: %s", qPrintable(instance.errorString()));
    else
        qInfo("Single instance: listening on %s", qPrintable(instance.serverName()));

    const QStringList languages = installTranslations(*QCoreApplication::instance());
    if (!languages.isEmpty())
        qInfo("Translations: %s", qPrintable(languages.join(u", "_s)));

    int code = 0;
    {
        // The window (and with it the storage thread) goes before logging shuts down, so its last words are
        // kept.
        MainWindow::Options windowOptions { true };
        windowOptions.backgroundSync = !demo; // the demo workspace is never synced with real accounts
        windowOptions.home = home; // for Settings ▸ MCP's client configuration
        windowOptions.demo = demo;
        MainWindow window(SystemClock::instance(), windowOptions);

        DesktopIntegration::Options desktopOptions;
        desktopOptions.home = home;
        desktopOptions.defaultHome = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        DesktopIntegration desktop(SystemClock::instance(), desktopOptions);
        bindDesktopToWindow(&desktop, &window);
        desktop.start();
        // The app ends when the window closes for good (Quit, or a close without the tray), not when its last
        // visible window goes: with the window in the tray there may be none.
        QApplication::setQuitOnLastWindowClosed(false);
        QObject::connect(
            &window, &MainWindow::quitRequested, &window, [] { QCoreApplication::quit(); },
            Qt::QueuedConnection);
        QObject::connect(&instance, &SingleInstance::messageReceived, &window,
            [&window](const QStringList& args, const QString& folder) {
                handleSecondLaunch(window, args, folder);
            });

        if (minimized && desktop.trayAvailable())
            qInfo("Started in the system tray (--minimized)");
        else if (minimized)
            window.showMinimized();
        else
            window.show();

        WorkspaceLauncher::Options launch;
        launch.home = home;
        launch.demo = demo;
        auto* launcher = new WorkspaceLauncher(launch, SystemClock::instance(), &window);
        launcher->start();
        // Start-up figures in the log: when the window was up, when the list was filled.
        QTimer::singleShot(
            0, &window, [&started] { qInfo("Window shown %lld ms after start", started.elapsed()); });
        QObject::connect(window.model(), &MovesModel::modelReset, &window, [&started, &window] {
            qInfo("Moves listed: %d after %lld ms", window.model()->rowCount(), started.elapsed());
        });
        code = QApplication::exec();
    }
    shutdownLogging();
    return code;
}

} // namespace caseyos
