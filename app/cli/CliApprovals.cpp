// caseyos approvals [list [--status S] | approve ID | reject ID] [--json]: decide MCP approvals without the
// window.
#include "Cli.h"
#include "CliCommon.h"
#include "core/Clock.h"
#include "mcp/ApprovalService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

int runApprovals(const QStringList& arguments)
{
    CommandParser command(u"approvals"_s,
        u"List the approvals MCP clients asked for, or approve / reject a pending one. CaseyOS has no\n"
        "executor yet: an approved call is recorded as approved and not executed; a rejected one never runs."_s,
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
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;
    ApprovalService service(db, SystemClock::instance());
    if (decide) {
        const Result<Approval> result = action == u"approve"_s ? service.approve(id) : service.reject(id);
        if (!result) {
            printErr(result.error());
            return ExitFailure;
        }
        if (command.parser().isSet(json))
            printJson(approvalToJson(result.value()));
        else
            printOut(u"Approval %1 %2: %3%4\n"_s.arg(id).arg(result.value().status, result.value().summary,
                result.value().status == u"approved"_s ? u" (recorded; CaseyOS cannot execute it yet)"_s
                                                       : QString()));
        return ExitOk;
    }
    const Result<QList<Approval>> list = service.list(statusFilter);
    if (!list) {
        printErr(list.error());
        return ExitFailure;
    }
    if (printJsonOrEmpty(list.value(), command.parser().isSet(json), approvalToJson, u"No approvals.\n"_s))
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
