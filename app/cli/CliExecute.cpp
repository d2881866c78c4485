// caseyos move execute ID [--dry-run] [--yes] [--json] [--action NAME] [--payload JSON]
// caseyos undo [EXECUTION_ID] [--json]
// caseyos kill-switch [on|off] [--json]
#include "Cli.h"
#include "CliCommon.h"
#include "CliExecutors.h"
#include "core/Timestamps.h"
#include "execution/ExecutionRepository.h"
#include "execution/MovePayload.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#define CASEYOS_ISATTY _isatty
#else
#include <unistd.h>
#define CASEYOS_ISATTY isatty
#endif

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

QString fieldText(const QJsonValue& value)
{
    if (value.isArray()) {
        QStringList items;
        for (const QJsonValue& v : value.toArray())
            items << v.toString();
        return items.join(u", "_s);
    }
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    return value.toString();
}

void printPreview(const Move& move, const SubmitResult& result)
{
    const ExecutionPreview& p = result.preview;
    QString text = u"Move %1: %2\n"_s.arg(move.id).arg(move.title);
    text += u"  Action:  %1"_s.arg(toString(p.kind));
    if (p.send)
        text += p.undoWindowMs > 0
            ? u" (waits %1 s in the outbox; \"caseyos undo\" cancels it)"_s.arg(p.undoWindowMs / 1000.0)
            : u" (leaves at once: the undo window is 0)"_s;
    text += u'\n';
    for (auto it = p.payload.begin(); it != p.payload.end(); ++it) {
        QString value = fieldText(it.value());
        value.replace(u"\n"_s, u"\n           "_s);
        text += u"  "_s + padRight(it.key() + u':', 9) + u' ' + value + u'\n';
    }
    for (const QString& warning : p.warnings)
        text += u"  Warning: "_s + warning + u'\n';
    printOut(text);
}

// Waits for `id` (waitForExecution) and prints its end; returns the exit code.
int waitForResult(Executor& executor, Database& db, qint64 id, bool json)
{
    const std::optional<ExecutionRecord> r = waitForExecution(executor, db, id);
    if (!r) {
        printErr(u"execution %1 has no answer"_s.arg(id));
        return ExitFailure;
    }
    if (json)
        printJson(executionToJson(*r, false));
    else if (r->state == ExecutionState::Succeeded)
        printOut(u"Execution %1 succeeded%2\n"_s.arg(id).arg(
            r->remoteRef.isEmpty() ? QString() : u" ("_s + r->remoteRef + u')'));
    else if (r->state == ExecutionState::Cancelled)
        printErr(u"execution %1 was cancelled: nothing was sent"_s.arg(id));
    else
        printErr(u"execution %1 %2: %3"_s.arg(id).arg(toString(r->state), r->error));
    return r->state == ExecutionState::Succeeded ? ExitOk : ExitFailure;
}

// The data folder and its database for one command; false (the reason printed) when either fails.
bool openWorkspace(const CommandParser& command, Context& context, Database& db)
{
    return prepareContext(command.globals(), &context) && openDatabase(context, db);
}

bool confirmOnTerminal()
{
    printOut(u"Run it? [y/N] "_s);
    std::fflush(stdout);
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == u"y"_s || answer == u"yes"_s;
}

int finishSubmit(const Move& move, const SubmitResult& result, Executor& executor, Database& db, bool json)
{
    switch (result.status) {
    case SubmitResult::Status::Queued:
    case SubmitResult::Status::Started:
        if (!json) {
            if (result.status == SubmitResult::Status::Queued)
                printOut(u"Execution %1 queued: leaves at %2 unless \"caseyos undo %1\" cancels it first\n"_s
                             .arg(result.record->id)
                             .arg(localTime(result.record->dueAt)));
            else
                printOut(u"Execution %1 running…\n"_s.arg(result.record->id));
        }
        return waitForResult(executor, db, result.record->id, json);
    case SubmitResult::Status::AlreadyDone:
        if (json)
            printJson(submitResultToJson(result));
        else
            printOut(result.message + u'\n');
        return ExitOk;
    default:
        break;
    }
    if (json)
        printJson(submitResultToJson(result));
    else
        printErr(u"move %1 not executed: %2"_s.arg(move.id).arg(result.message));
    return ExitFailure;
}

} // namespace

int runMoveExecute(const QStringList& arguments)
{
    CommandParser command(u"move execute"_s,
        u"Execute a move for real: its action (send an email, create a draft, …) with the payload built "
        u"from\n"
        "the move. Shows the preview first and runs it only when confirmed (on a terminal) or with --yes.\n"
        "Sends wait in the outbox for the undo window (default 10 s); \"caseyos undo\" cancels them."_s,
        u"execute ID"_s, u"The move's id as \"caseyos today\" shows it."_s);
    const QCommandLineOption dryRun(u"dry-run"_s, u"Show exactly what would go out; do nothing."_s);
    const QCommandLineOption yes(u"yes"_s, u"Run without asking (the preview is the confirmation)."_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption action(
        u"action"_s, u"Another action than the move's own: "_s + actionKindNames() + u'.', u"NAME"_s);
    const QCommandLineOption payload(
        u"payload"_s, u"JSON object merged over the default payload (a null removes a field)."_s, u"JSON"_s);
    for (const QCommandLineOption& option : { dryRun, yes, json, action, payload })
        command.addOption(option);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QStringList args = command.positional();
    bool idOk = false;
    const qint64 id = args.value(1).toLongLong(&idOk);
    if (args.size() != 2 || !idOk || id < 1) {
        printErr(
            u"usage: caseyos move execute ID [--dry-run] [--yes] [--json] [--action NAME] [--payload JSON]"_s);
        return ExitUsage;
    }
    const QCommandLineParser& parser = command.parser();
    QJsonObject overrides;
    if (parser.isSet(payload)) {
        const QJsonDocument doc = QJsonDocument::fromJson(parser.value(payload).toUtf8());
        if (!doc.isObject()) {
            printErr(u"--payload must be a JSON object, e.g. '{\"subject\":\"Next steps\"}'"_s);
            return ExitUsage;
        }
        overrides = doc.object();
    }
    std::optional<ActionKind> kindOverride;
    if (parser.isSet(action)) {
        kindOverride = actionKindFromString(parser.value(action));
        if (!kindOverride) {
            printErr(u"unknown action \"%1\" (use %2)"_s.arg(parser.value(action), actionKindNames()));
            return ExitUsage;
        }
    }

    Context context;
    Database db;
    if (!openWorkspace(command, context, db))
        return ExitFailure;
    QString error;
    const std::optional<Move> move = MoveRepository(db).find(id, &error);
    if (!move) {
        printErr(error.isEmpty() ? u"No move with id %1"_s.arg(id) : error);
        return ExitFailure;
    }
    ActionDraft draft = defaultActionFor(*move);
    if (kindOverride)
        draft.kind = *kindOverride;
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        draft.payload.insert(it.key(), it.value());

    CliExecutor cli(db, SystemClock::instance(), context.databasePath);
    Executor& executor = cli.executor();
    ExecuteRequest request { move->id, draft.kind, draft.payload, parser.isSet(dryRun), parser.isSet(yes),
        {} };
    SubmitResult result = executor.submit(request);
    const bool asJson = parser.isSet(json);
    if (result.status == SubmitResult::Status::DryRun) {
        if (asJson)
            printJson(submitResultToJson(result));
        else {
            printPreview(*move, result);
            printOut(u"Dry run: nothing was sent or changed.\n"_s);
        }
        return ExitOk;
    }
    if (result.status == SubmitResult::Status::NeedsApproval) {
        if (!asJson)
            printPreview(*move, result);
        if (!CASEYOS_ISATTY(0)) {
            if (asJson)
                printJson(submitResultToJson(result));
            printErr(u"not confirmed: stdin is not a terminal, so nobody can answer; pass --yes to run it"_s);
            return ExitFailure;
        }
        if (asJson || !confirmOnTerminal()) {
            printErr(
                asJson ? u"--json needs --yes: nothing was done"_s : u"not confirmed: nothing was done"_s);
            return ExitFailure;
        }
        request.approved = true;
        result = executor.submit(request);
    }
    return finishSubmit(*move, result, executor, db, asJson);
}

int runUndo(const QStringList& arguments)
{
    CommandParser command(u"undo"_s,
        u"Undo an execution: a send still in the outbox is cancelled (nothing leaves); a draft is deleted.\n"
        "An email that already left cannot be recalled: undo says so instead of pretending.\n"
        "Without an id: the newest execution that can be undone."_s,
        u"[EXECUTION_ID]"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QStringList args = command.positional();
    qint64 id = 0;
    if (args.size() > 1) {
        printErr(u"usage: caseyos undo [EXECUTION_ID] [--json]"_s);
        return ExitUsage;
    }
    if (args.size() == 1) {
        bool ok = false;
        id = args.first().toLongLong(&ok);
        if (!ok || id < 1) {
            printErr(u"\"%1\" is not an execution id"_s.arg(args.first()));
            return ExitUsage;
        }
    }
    Context context;
    Database db;
    if (!openWorkspace(command, context, db))
        return ExitFailure;
    CliExecutor cli(db, SystemClock::instance(), context.databasePath);
    Executor& executor = cli.executor();
    if (id == 0) {
        const std::optional<ExecutionRecord> newest = executor.newestUndoable();
        if (!newest) {
            printErr(u"nothing to undo"_s);
            return ExitFailure;
        }
        id = newest->id;
    }
    int code = ExitFailure;
    const bool asJson = command.parser().isSet(json);
    executor.undo(id, [&code, asJson, id](const Result<ExecutionRecord>& result) {
        if (!result) {
            printErr(result.error());
        } else {
            code = ExitOk;
            if (asJson)
                printJson(executionToJson(result.value(), false));
            else if (result.value().state == ExecutionState::Cancelled)
                printOut(u"Execution %1 cancelled: nothing was sent\n"_s.arg(id));
            else
                printOut(u"Execution %1 undone (%2)\n"_s.arg(id).arg(toString(result.value().action)));
        }
        QCoreApplication::exit(code);
    });
    QCoreApplication::exec();
    return code;
}

int runKillSwitch(const QStringList& arguments)
{
    CommandParser command(u"kill-switch"_s,
        u"Show, turn on or turn off the kill switch. While it is on nothing is sent or posted (emails, "
        u"Slack,\n"
        "X), sends waiting in the outbox are stopped, and drafts, tasks and CRM updates still run."_s,
        u"[on|off]"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QStringList args = command.positional();
    const QString wanted = args.value(0);
    if (args.size() > 1 || !(wanted.isEmpty() || wanted == u"on"_s || wanted == u"off"_s)) {
        printErr(u"usage: caseyos kill-switch [on|off] [--json]"_s);
        return ExitUsage;
    }
    Context context;
    Database db;
    if (!openWorkspace(command, context, db))
        return ExitFailure;
    CliExecutor cli(db, SystemClock::instance(), context.databasePath);
    QString error;
    if (!wanted.isEmpty() && !cli.executor().setKillSwitch(wanted == u"on"_s, &error)) {
        printErr(error);
        return ExitFailure;
    }
    const bool on = cli.executor().limits().killSwitch;
    if (command.parser().isSet(json))
        printJson(QJsonObject { { u"kill_switch"_s, on } });
    else
        printOut(on ? u"Kill switch: on (nothing is sent or posted)\n"_s : u"Kill switch: off\n"_s);
    return ExitOk;
}

} // namespace caseyos::cli
