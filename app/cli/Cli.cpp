#include "Cli.h"

#include "CliCommon.h"

#include <QCoreApplication>
#include <cstring>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

// Options that take a separate value: the global ones, and Qt's own GUI options (-platform offscreen, …),
// so that a value is never mistaken for a command name.
bool takesValue(QStringView option)
{
    static const char* const withValue[] = { "--home", "--log-level", "-platform", "-platformpluginpath",
        "-platformtheme", "-plugin", "-qmljsdebugger", "-style", "-stylesheet", "-session", "-display",
        "-geometry", "-title", "-qwindowgeometry", "-qwindowtitle", "-qwindowicon", "-name" };
    for (const char* name : withValue)
        if (option == QLatin1StringView(name))
            return true;
    return false;
}

struct Scan
{
    QString command; // empty: none
    bool help = false;
    bool version = false;
};

// Finds the command name (the first argument that is neither an option nor an option's value) and whether
// --help or --version came before it.
Scan scan(const QStringList& arguments)
{
    Scan result;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == u"--"_s) {
            if (i + 1 < arguments.size())
                result.command = arguments.at(i + 1);
            break;
        }
        if (!arg.startsWith(u'-') || arg == u"-"_s) {
            result.command = arg;
            break;
        }
        if (arg == u"-h"_s || arg == u"--help"_s || arg == u"-?"_s || arg == u"--help-all"_s)
            result.help = true;
        else if (arg == u"-v"_s || arg == u"--version"_s)
            result.version = true;
        else if (takesValue(arg))
            ++i;
    }
    return result;
}

const char kGeneralHelp[] = R"(Usage: caseyos [--home DIR] [--demo] [--log-level LEVEL] [COMMAND] [options]

CaseyOS turns signals from your CRM, inbox and calendar into a ranked list of Today's Moves.
Without a command, the window opens.

Commands:
  ingest FILE...       Import signals from JSON Lines (.jsonl) or CSV (.csv) files
  today                List Today's Moves in rank order
  move ACTION ID       accept, dismiss, snooze, complete, reopen, show or execute a move
  undo [EXECUTION_ID]  Cancel a send still in the outbox, or delete a created draft
  kill-switch [on|off] Stop (or allow again) every send and post
  health               Check the data folder and the database
  outcome SUBCOMMAND   record an outcome (re-scores the contact's moves), stats, types
  notifications        List unread notifications; read, dismiss or snooze one (read --all)
  whats-up             Sum up the unread notifications: headline, counts, top 5
  daemon               Run the background checks without a window (--once: one pass)
  mcp                  Run as an MCP server on stdin/stdout (--print-config: client configuration)
  approvals            List MCP approvals; approve ID or reject ID
  ask TEXT             Ask Jarvis offline ("what's up", "accept the top move", "Dana replied")
  jarvis config        Show or set Jarvis's language model (offline, openai, xai, gemini, local)
  memory               Search Jarvis's memory (search QUERY), list sessions, forget one
  audit                The audit log: verify the hash chain, list entries, prune old ones
  agent                List the agents (agent list) or run one (agent run NAME [--input JSON])

Global options:
  --home DIR           Data folder (default: $CASEYOS_HOME, else the user's application data folder)
  --demo               Use the demo workspace (created on first use)
  --log-level LEVEL    trace, debug, info, warn, error, critical or off
  --minimized          Start in the system tray (minimised where there is none)
  -h, --help           Show help (also after a command: caseyos ingest --help)
  -v, --version        Show the version

Exit codes: 0 success, 1 failure, 2 usage error (ingest: some lines were invalid).
)";

} // namespace

bool isGuiInvocation(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const Scan found = scan(arguments);
    return found.command.isEmpty() && !found.help && !found.version;
}

int run(const QStringList& arguments)
{
    const Scan found = scan(arguments);
    if (found.command.isEmpty() || found.command == u"help"_s) {
        if (found.version && !found.help) {
            printOut(u"caseyos %1\n"_s.arg(QCoreApplication::applicationVersion()));
            return ExitOk;
        }
        if (found.command == u"help"_s) {
            // "caseyos help ingest" is "caseyos ingest --help".
            const qsizetype at = arguments.indexOf(u"help"_s);
            if (at >= 0 && at + 1 < arguments.size()) {
                QStringList rewritten = arguments.mid(0, at);
                rewritten << arguments.at(at + 1) << u"--help"_s;
                return run(rewritten);
            }
        }
        printOut(QString::fromUtf8(kGeneralHelp));
        return found.help || found.command == u"help"_s ? ExitOk : ExitUsage;
    }
    if (found.version && !found.help) {
        printOut(u"caseyos %1\n"_s.arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    if (found.command == u"ingest"_s)
        return runIngest(arguments);
    if (found.command == u"today"_s)
        return runToday(arguments);
    if (found.command == u"move"_s)
        return runMove(arguments);
    if (found.command == u"health"_s)
        return runHealth(arguments);
    if (found.command == u"outcome"_s)
        return runOutcome(arguments);
    if (found.command == u"notifications"_s)
        return runNotifications(arguments);
    if (found.command == u"whats-up"_s)
        return runWhatsUp(arguments);
    if (found.command == u"daemon"_s)
        return runDaemon(arguments);
    if (found.command == u"mcp"_s)
        return runMcp(arguments);
    if (found.command == u"approvals"_s)
        return runApprovals(arguments);
    if (found.command == u"ask"_s)
        return runAsk(arguments);
    if (found.command == u"memory"_s)
        return runMemory(arguments);
    if (found.command == u"jarvis"_s)
        return runJarvis(arguments);
    if (found.command == u"audit"_s)
        return runAudit(arguments);
    if (found.command == u"agent"_s)
        return runAgent(arguments);
    if (found.command == u"undo"_s)
        return runUndo(arguments);
    if (found.command == u"kill-switch"_s)
        return runKillSwitch(arguments);
    printErr(
        u"unknown command \"%1\" (commands: ingest, today, move, health, outcome, notifications, "
        "whats-up, daemon, mcp, approvals, ask, jarvis, memory, audit, agent, undo, kill-switch; run \"caseyos --help\")"_s
            .arg(found.command));
    return ExitUsage;
}

} // namespace caseyos::cli
