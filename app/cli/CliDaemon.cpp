// caseyos daemon [--interval MINUTES] [--once]: the background checks without a window.
#include "Cli.h"
#include "CliCommon.h"
#include "checks/BackgroundChecks.h"
#include "checks/BackgroundScheduler.h"
#include "core/Clock.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

// One line per notification, for the terminal and the log.
QString describe(const Notification& n)
{
    return u"[%1] %2%3"_s.arg(
        toString(n.priority), n.title, n.message.isEmpty() ? QString() : u" — "_s + n.message);
}

void report(const CheckPassResult& result)
{
    QString text;
    for (const Notification& n : result.created) {
        qInfo("Notified #%lld %s", n.id, qPrintable(describe(n)));
        text += u"Notified #%1 "_s.arg(n.id) + describe(n) + u'\n';
    }
    for (const QString& error : result.errors) {
        qWarning("Background check failed: %s", qPrintable(error));
        printErr(u"check failed: "_s + error);
    }
    text += u"Checks at %1: %2 new notification%3, %4 unread"_s.arg(localTime(result.at))
                .arg(result.created.size())
                .arg(result.created.size() == 1 ? u""_s : u"s"_s)
                .arg(result.unreadCount);
    if (result.purgedExpired + result.purgedOldRead > 0)
        text += u", %1 purged"_s.arg(result.purgedExpired + result.purgedOldRead);
    printOut(text + u'\n');
}

#ifdef Q_OS_UNIX
// SIGINT / SIGTERM end the event loop through a socket pair: a signal handler may only write to a descriptor,
// and the loop reads it like any other event, so the scheduler stops between passes, never inside one.
int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[0], &byte, 1);
}

bool installSignalHandlers(QObject* context)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return false;
    auto* notifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[1], &byte, 1);
        qInfo("Stop requested; the daemon ends");
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &action, nullptr) == 0 && ::sigaction(SIGTERM, &action, nullptr) == 0;
}
#else
bool installSignalHandlers(QObject*)
{
    return true; // Ctrl+C ends the process; every write is a transaction, so nothing is left half done
}
#endif

} // namespace

int runDaemon(const QStringList& arguments)
{
    CommandParser command(u"daemon"_s,
        u"Run the background checks without a window: new form leads, deal updates, new replies,\n"
        "overdue moves, stale moves and meetings within 15 minutes. Each condition is notified once;\n"
        "read the results with \"caseyos notifications\" or \"caseyos whats-up\". Runs a pass at start,\n"
        "then every interval, until interrupted (Ctrl+C or SIGTERM)."_s,
        {});
    const QCommandLineOption intervalOption(u"interval"_s,
        u"Minutes between passes, 1 to 1440 (default: the setting checks/intervalMinutes, else 5)."_s,
        u"MINUTES"_s);
    const QCommandLineOption onceOption(u"once"_s, u"Run one pass and exit."_s);
    command.addOption(intervalOption);
    command.addOption(onceOption);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (!command.positional().isEmpty()) {
        printErr(u"daemon takes no arguments (got \"%1\")"_s.arg(command.positional().join(u' ')));
        return ExitUsage;
    }
    const QCommandLineParser& parser = command.parser();
    int interval = BackgroundScheduler::intervalFromSettings();
    if (parser.isSet(intervalOption)) {
        bool ok = false;
        interval = parser.value(intervalOption).toInt(&ok);
        if (!ok || interval < 1 || interval > BackgroundScheduler::kMaxIntervalMinutes) {
            printErr(u"--interval needs a whole number of minutes from 1 to %1 (got \"%2\")"_s
                         .arg(BackgroundScheduler::kMaxIntervalMinutes)
                         .arg(parser.value(intervalOption)));
            return ExitUsage;
        }
    }

    Context context;
    if (!prepareContext(command.globals(), &context))
        return ExitFailure;
    const Clock& clock = SystemClock::instance();
    if (parser.isSet(onceOption)) {
        Database db;
        if (!openDatabase(context, db))
            return ExitFailure;
        const CheckPassResult result = BackgroundChecks(db, clock).runPass();
        report(result);
        return result.errors.isEmpty() ? ExitOk : ExitFailure;
    }

    {
        // Fail now, not five minutes from now, when the database cannot be opened.
        Database probe;
        if (!openDatabase(context, probe))
            return ExitFailure;
    }
    QObject guard;
    if (!installSignalHandlers(&guard))
        printErr(u"cannot catch SIGINT/SIGTERM; stop the daemon by killing it"_s);
    BackgroundScheduler scheduler(context.databasePath, clock);
    QObject::connect(&scheduler, &BackgroundScheduler::passFinished, &guard, &report);
    printOut(u"Background checks every %1 minute%2 on %3 (Ctrl+C stops)\n"_s.arg(interval).arg(
        interval == 1 ? u""_s : u"s"_s, context.databasePath));
    qInfo("Daemon started: checks every %d minutes on %s", interval, qPrintable(context.databasePath));
    scheduler.start(interval);
    const int code = QCoreApplication::exec();
    scheduler.stop();
    return code == 0 ? ExitOk : ExitFailure;
}

} // namespace caseyos::cli
