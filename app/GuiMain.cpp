#include "GuiMain.h"

#include "MainWindow.h"
#include "MovesModel.h"
#include "WorkspaceLauncher.h"
#include "logging/Logging.h"
#include "workspace/Paths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace caseyos {

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
        u"minimized"_s, u"Start with the window minimised."_s);
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
    // Logging must not keep the window from opening: without a log folder it falls back to stderr.
    QString logError;
    LoggingOptions logging;
    logging.level = level;
    if (ensureDirectory(logDirectory(home), &logError))
        logging.logDirectory = logDirectory(home);
    if (!initLogging(logging, &logError))
        std::fprintf(stderr, "caseyos: logging: %s\n", qPrintable(logError));

    int code = 0;
    {
        // The window (and with it the storage thread) goes before logging shuts down, so its last words are
        // kept.
        MainWindow::Options windowOptions { true };
        MainWindow window(SystemClock::instance(), windowOptions);
        if (parser.isSet(minimizedOption))
            window.showMinimized();
        else
            window.show();

        WorkspaceLauncher::Options launch;
        launch.home = home;
        launch.demo = parser.isSet(demoOption);
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
