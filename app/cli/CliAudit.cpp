// caseyos audit verify [--json] | list [--limit N] [--kind K] [--actor A] [--subject S] [--json] |
// prune [--older-than-days N] [--json]: the hash-chained audit log (PRODUCT.md §9).
#include "Cli.h"
#include "CliCommon.h"
#include "audit/AuditJson.h"
#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "storage/Database.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

int verifyLog(AuditLog& log, bool json)
{
    const Result<AuditVerification> result = log.verify();
    if (!result) {
        printErr(result.error());
        return ExitFailure;
    }
    const AuditVerification& v = result.value();
    if (json)
        printJson(auditVerificationToJson(v));
    if (!v.ok) {
        // Exit 1 and the entry on stderr in both forms, so a script can rely on the exit code alone.
        printErr(u"the audit log is broken at entry %1: %2"_s.arg(v.brokenId).arg(v.reason));
        return ExitFailure;
    }
    if (!json) {
        const QString range = v.checked == 0 ? QString() : u" (entries %1 to %2)"_s.arg(v.firstId).arg(v.lastId);
        const QString pruned
            = v.checkpointId > 0 ? u"; entries up to %1 were pruned at a verified checkpoint"_s.arg(v.checkpointId) : QString();
        printOut(u"The audit log is intact: %1 entr%2 checked%3%4.\n"_s.arg(v.checked)
                     .arg(v.checked == 1 ? u"y"_s : u"ies"_s, range, pruned));
    }
    return ExitOk;
}

int listLog(AuditLog& log, const AuditFilter& filter, int limit, bool json)
{
    const Result<QList<AuditEntry>> list = log.list(filter, limit);
    if (!list) {
        printErr(list.error());
        return ExitFailure;
    }
    if (printJsonOrEmpty(list.value(), json, auditEntryToJson, u"No audit entries.\n"_s))
        return ExitOk;
    QString text;
    for (const AuditEntry& e : list.value())
        text += padLeft(QString::number(e.id), 6) + u"  "_s + localTime(e.at) + u"  "_s + padRight(e.kind, 11)
            + u"  "_s + padRight(elide(e.actor, 16), 16) + u"  "_s + padRight(elide(e.subject, 24), 24) + u"  "_s
            + elide(QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)), 60) + u'\n';
    printOut(text);
    return ExitOk;
}

int pruneLog(AuditLog& log, int days, bool json)
{
    const Result<AuditPruned> result = log.prune(std::chrono::hours(24) * days);
    if (!result) {
        printErr(result.error());
        return ExitFailure;
    }
    const AuditPruned& p = result.value();
    if (json)
        printJson(QJsonObject { { u"removed"_s, p.removed }, { u"checkpoint_id"_s, p.lastId },
            { u"checkpoint_hash"_s, p.lastHash } });
    else if (p.removed == 0)
        printOut(u"Nothing to prune: no entry is older than %1 days.\n"_s.arg(days));
    else
        printOut(u"Pruned %1 entries (up to entry %2); the checkpoint keeps the chain verifiable.\n"_s.arg(p.removed)
                     .arg(p.lastId));
    return ExitOk;
}

} // namespace

int runAudit(const QStringList& arguments)
{
    CommandParser command(u"audit"_s,
        u"The append-only, hash-chained audit log of executions, approvals, account changes, MCP calls, exports\n"
        "and erasures:\n"
        "  verify   check every entry's hash and the chain (exit 1 and the first broken entry when not intact)\n"
        "  list     the newest entries first (--limit, --kind, --actor, --subject)\n"
        "  prune    remove entries older than a year (--older-than-days) behind a checkpoint"_s,
        u"verify|list|prune"_s, u"What to do (default: list)."_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON (an array when listing)."_s);
    const QCommandLineOption limit(u"limit"_s, u"list: at most N entries (default 50, up to 10000)."_s, u"N"_s, u"50"_s);
    const QCommandLineOption kind(u"kind"_s, u"list: only this kind (execution, approval, account, mcp_call, …)."_s, u"K"_s);
    const QCommandLineOption actor(u"actor"_s, u"list: only this actor."_s, u"A"_s);
    const QCommandLineOption subject(u"subject"_s, u"list: only this subject."_s, u"S"_s);
    const QCommandLineOption olderThan(
        u"older-than-days"_s, u"prune: remove entries older than this many days (default 365)."_s, u"DAYS"_s, u"365"_s);
    for (const QCommandLineOption& option : { json, limit, kind, actor, subject, olderThan })
        command.addOption(option);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QCommandLineParser& parser = command.parser();
    const QStringList args = command.positional();
    const QString action = args.value(0, u"list"_s);
    if (args.size() > 1 || !QStringList { u"verify"_s, u"list"_s, u"prune"_s }.contains(action)) {
        printErr(u"usage: caseyos audit [verify | list [--limit N] [--kind K] | prune [--older-than-days N]] [--json]"_s);
        return ExitUsage;
    }
    bool ok = false;
    const int count = parser.value(limit).toInt(&ok);
    if (!ok || count < 1 || count > 10000) {
        printErr(u"--limit must be a whole number from 1 to 10000"_s);
        return ExitUsage;
    }
    const int days = parser.value(olderThan).toInt(&ok);
    if (!ok || days < 1) {
        printErr(u"--older-than-days must be a whole number of days, at least 1"_s);
        return ExitUsage;
    }
    Database db;
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;
    AuditLog log(db, SystemClock::instance());
    if (action == u"verify"_s)
        return verifyLog(log, parser.isSet(json));
    if (action == u"prune"_s)
        return pruneLog(log, days, parser.isSet(json));
    return listLog(log, { parser.value(kind), parser.value(actor), parser.value(subject), 0 }, count, parser.isSet(json));
}

} // namespace caseyos::cli
