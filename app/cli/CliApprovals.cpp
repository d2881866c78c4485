// caseyos approvals [list [--status S] | approve ID | reject ID] [--json]: decide MCP approvals without the
// window. Approving execute_move (or create_email_draft with send) hands the call to the executor here and
// waits for it, as `caseyos move execute` does.
#include "Cli.h"
#include "CliCommon.h"
#include "CliExecutors.h"
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "execution/ApprovedCalls.h"
#include "execution/ExecutionRepository.h"
#include "mcp/ApprovalService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

// Hands the approved call (and any other approved one still waiting) to the executor and waits for this one.
int runApproved(Database& db, const Context& context, qint64 id, bool json)
{
    CliExecutor cli(db, SystemClock::instance(), context.databasePath);
    const HandoffReport report = handOverApproved(db, SystemClock::instance(), cli.executor());
    ApprovalService service(db, SystemClock::instance());
    const Result<Approval> approval = service.find(id);
    if (!report.error.isEmpty() || !approval) {
        printErr(u"approval %1 approved, but not handed to the executor: %2"_s.arg(id).arg(
            report.error.isEmpty() ? approval.error() : report.error));
        return ExitFailure;
    }
    const Approval& a = approval.value();
    if (!json)
        printOut(u"Approval %1 approved: %2\n%3\n"_s.arg(id).arg(a.summary, a.handoff));
    int code = a.executionId > 0 ? ExitOk : ExitFailure;
    if (a.executionId > 0) {
        const std::optional<ExecutionRecord> ended = waitForExecution(cli.executor(), db, a.executionId);
        code = ended && ended->state == ExecutionState::Succeeded ? ExitOk : ExitFailure;
        if (!json && ended)
            printOut(u"Execution %1 %2%3\n"_s.arg(a.executionId).arg(toString(ended->state),
                ended->error.isEmpty() ? QString() : u": "_s + ended->error));
    }
    if (json) {
        const Result<Approval> after = service.find(id);
        QJsonObject out = approvalToJson(after ? after.value() : a);
        if (a.executionId > 0)
            if (const auto row = ExecutionRepository(db).find(a.executionId))
                out.insert(u"execution"_s, executionToJson(*row, false));
        printJson(out);
    }
    return code;
}

} // namespace

int runApprovals(const QStringList& arguments)
{
    CommandParser command(u"approvals"_s,
        u"List the approvals MCP clients asked for, or approve / reject a pending one. An approved call runs\n"
        "at once through the executor (a send waits in the outbox for the undo window; \"caseyos undo\"\n"
        "cancels it); a rejected one never runs."_s,
        u"[list|approve ID|reject ID]"_s);
    const QCommandLineOption status(u"status"_s, u"list: only pending, approved or rejected ones."_s, u"S"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    command.addOption(status);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QStringList args = command.positional();
    const QString action = args.value(0, u"list"_s);
    const bool decide = action == u"approve"_s || action == u"reject"_s;
    if (!(action == u"list"_s && args.size() <= 1) && !(decide && args.size() == 2)) {
        printErr(u"usage: caseyos approvals [list [--status S] | approve ID | reject ID] [--json]"_s);
        return ExitUsage;
    }
    const QString statusFilter = command.parser().value(status);
    if (!statusFilter.isEmpty()
        && !QStringList { u"pending"_s, u"approved"_s, u"rejected"_s }.contains(statusFilter)) {
        printErr(u"--status must be pending, approved or rejected"_s);
        return ExitUsage;
    }
    qint64 id = 0;
    if (decide) {
        const std::optional<qint64> parsed = parseId(args.at(1), u"approval"_s);
        if (!parsed)
            return ExitUsage;
        id = *parsed;
    }
    Database db;
    Context context;
    if (!openWorkspace(command.globals(), db, &context))
        return ExitFailure;
    ApprovalService service(db, SystemClock::instance());
    const bool asJson = command.parser().isSet(json);
    if (decide) {
        const Result<Approval> result = action == u"approve"_s ? service.approve(id) : service.reject(id);
        if (!result) {
            printErr(result.error());
            return ExitFailure;
        }
        if (!result.value().awaitsHandoff()) {
            if (asJson)
                printJson(approvalToJson(result.value()));
            else
                printOut(u"Approval %1 %2: %3\n"_s.arg(id).arg(result.value().status, result.value().summary));
            return ExitOk;
        }
        return runApproved(db, context, id, asJson);
    }
    const Result<QList<Approval>> list = service.list(statusFilter);
    if (!list) {
        printErr(list.error());
        return ExitFailure;
    }
    if (printJsonOrEmpty(list.value(), asJson, approvalToJson, u"No approvals.\n"_s))
        return ExitOk;
    QString text;
    for (const Approval& a : list.value())
        text += padLeft(QString::number(a.id), 5) + u"  "_s + padRight(a.status, 8) + u"  "_s
            + localTime(a.createdAt) + u"  "_s + padRight(a.tool, 18) + u"  "_s + elide(a.summary, 60)
            + u'\n';
    printOut(text);
    return ExitOk;
}

} // namespace caseyos::cli
