// caseyos mcp [--print-config]: CaseyOS as a Model Context Protocol server over stdin/stdout.
#include "Cli.h"
#include "CliCommon.h"
#include "CliExecutors.h"
#include "core/Clock.h"
#include "execution/ApprovedCalls.h"
#include "mcp/McpClientConfig.h"
#include "mcp/McpSession.h"
#include "mcp/McpSettings.h"
#include "mcp/StdioServer.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSettings>
#include <csignal>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

int runMcp(const QStringList& arguments)
{
    CommandParser command(u"mcp"_s,
        u"Run CaseyOS as a Model Context Protocol server on stdin/stdout (JSON-RPC 2.0, one message per\n"
        "line; protocol revisions 2025-06-18 and 2025-03-26). An MCP client (Claude Desktop, …) starts it;\n"
        "--print-config prints the JSON to paste into the client's configuration. Tools that would send or\n"
        "change anything outside CaseyOS only create approvals (see \"caseyos approvals\"). Tools listed in\n"
        "the setting mcp/allowedTools are approved at once and run through the executor right away (a send\n"
        "waits in the outbox for the undo window; if this server exits first, the app sends it).\n"
        "Logs go to stderr and the log file, never to stdout."_s,
        {});
    const QCommandLineOption printConfig(u"print-config"_s, u"Print the MCP client configuration snippet."_s);
    command.addOption(printConfig);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (!command.positional().isEmpty()) {
        printErr(u"mcp takes no arguments (got \"%1\")"_s.arg(command.positional().join(u' ')));
        return ExitUsage;
    }
    Context context;
    if (!prepareContext(command.globals(), &context))
        return ExitFailure;
    if (command.parser().isSet(printConfig)) {
        printOut(QString::fromUtf8(
            mcpClientConfig(QCoreApplication::applicationFilePath(), context.home, command.globals().demo)));
        return ExitOk;
    }
    Database db;
    if (!openDatabase(context, db))
        return ExitFailure;
    std::signal(SIGPIPE, SIG_IGN); // a client that goes away must not kill us mid-write
    const QStringList allowed = allowedMcpTools(QSettings());
    mcp::McpSession session(db, SystemClock::instance(), allowed);
    // Built on the first call approved at once: only then are the accounts (and the keychain) touched. Its
    // outbox runs while the server lives; a queued send left at exit is sent by the app.
    std::unique_ptr<CliExecutor> executor;
    session.setApprovedCallRunner([&db, &context, &executor] {
        if (!executor) {
            executor = std::make_unique<CliExecutor>(db, SystemClock::instance(), context.databasePath);
            executor->executor().start();
        }
        const HandoffReport report = handOverApproved(db, SystemClock::instance(), executor->executor());
        if (!report.error.isEmpty())
            qWarning("Cannot hand approved calls to the executor: %s", qUtf8Printable(report.error));
    });
    mcp::StdioServer server(session, 0, 1);
    QObject::connect(&server, &mcp::StdioServer::finished, &server, [] { QCoreApplication::quit(); });
    server.start();
    const int code = QCoreApplication::exec();
    executor.reset(); // before the database it uses
    return code == 0 ? ExitOk : ExitFailure;
}

} // namespace caseyos::cli
