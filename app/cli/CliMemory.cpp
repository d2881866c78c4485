// caseyos memory [search QUERY | sessions | forget SESSION_ID | summarize] [--json] [--limit N]: Jarvis's
// memory from the command line (lexical search; the window adds semantic search when an embeddings provider
// is set). summarize digests old sessions now (the app does it when Jarvis first opens its memory).
#include "Cli.h"
#include "CliCommon.h"
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "memory/MemoryStore.h"
#include "memory/SessionSummaries.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

QJsonObject hitToJson(const MemoryHit& hit)
{
    return { { u"message_id"_s, hit.message.id }, { u"session_id"_s, hit.message.sessionId },
        { u"role"_s, hit.message.role }, { u"content"_s, hit.message.content }, { u"snippet"_s, hit.snippet },
        { u"created_at"_s, toIsoUtc(hit.message.createdAt) }, { u"score"_s, hit.score } };
}

QJsonObject sessionToJson(const MemorySession& s)
{
    return { { u"id"_s, s.id }, { u"name"_s, s.name }, { u"created_at"_s, toIsoUtc(s.createdAt) },
        { u"last_active"_s, toIsoUtc(s.lastActive) }, { u"ended"_s, s.endedAt.isValid() },
        { u"messages"_s, s.messageCount }, { u"summary"_s, s.summary },
        { u"key_facts"_s, QJsonArray::fromStringList(s.keyFacts) } };
}

} // namespace

int runMemory(const QStringList& arguments)
{
    CommandParser command(u"memory"_s,
        u"Search Jarvis's memory of past conversations, list the sessions, forget one (its messages,\n"
        "index entries and vectors are deleted), or summarize the sessions older than 7 days with at least\n"
        "10 messages (a summary and key facts; the messages are kept unless the setting\n"
        "memory/deleteSummarizedMessages allows deleting them, and never when the summary failed)."_s,
        u"search QUERY... | sessions | forget SESSION_ID | summarize"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption limit(u"limit"_s, u"search: at most N results (default 10)."_s, u"N"_s, u"10"_s);
    command.addOption(json);
    command.addOption(limit);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QStringList args = command.positional();
    const QString action = args.value(0);
    const bool valid = (action == u"search"_s && args.size() >= 2) || ((action == u"sessions"_s || action == u"summarize"_s) && args.size() == 1)
        || (action == u"forget"_s && args.size() == 2);
    if (!valid) {
        printErr(u"usage: caseyos memory search QUERY... | sessions | forget SESSION_ID | summarize [--json]"_s);
        return ExitUsage;
    }
    bool ok = false;
    const int maxResults = command.parser().value(limit).toInt(&ok);
    if (!ok || maxResults < 1) {
        printErr(u"--limit needs a whole number of at least 1"_s);
        return ExitUsage;
    }
    qint64 sessionId = 0;
    if (action == u"forget"_s) {
        sessionId = args.at(1).toLongLong(&ok);
        if (!ok || sessionId < 1) {
            printErr(u"\"%1\" is not a session id"_s.arg(args.at(1)));
            return ExitUsage;
        }
    }
    Context context;
    if (!prepareContext(command.globals(), &context))
        return ExitFailure;
    Database db;
    if (!openDatabase(context, db))
        return ExitFailure;
    MemoryStore store(db, SystemClock::instance());
    const bool asJson = command.parser().isSet(json);

    if (action == u"search"_s) {
        const Result<QList<MemoryHit>> hits = store.search(args.mid(1).join(u' '), maxResults);
        if (!hits) {
            printErr(hits.error());
            return ExitFailure;
        }
        if (asJson) {
            QJsonArray array;
            for (const MemoryHit& hit : hits.value())
                array.append(hitToJson(hit));
            printJson(array);
        } else if (hits.value().isEmpty()) {
            printOut(u"Nothing in memory matches.\n"_s);
        } else {
            QString text;
            for (const MemoryHit& hit : hits.value())
                text += u"%1  session %2  %3: %4\n"_s.arg(localTime(hit.message.createdAt))
                            .arg(hit.message.sessionId)
                            .arg(hit.message.role, hit.snippet);
            printOut(text);
        }
        return ExitOk;
    }
    if (action == u"summarize"_s) {
        const SummaryReport report = SessionSummaries(db, SystemClock::instance(), store)
                                         .run(SummaryPolicy::fromSettings(QSettings()),
                                             [](const MemorySession&, const QList<MemoryMessage>& messages) {
                                                 return Result<SessionDigest>::success(offlineSessionDigest(messages));
                                             });
        for (const QString& error : report.errors)
            printErr(error);
        if (asJson)
            printJson(QJsonObject { { u"summarized"_s, report.summarized }, { u"failed"_s, report.failed },
                { u"messages_deleted"_s, report.messagesDeleted } });
        else
            printOut(u"Summarised %1 session(s)%2.\n"_s.arg(report.summarized).arg(report.messagesDeleted > 0
                    ? u"; %1 summarised messages deleted (memory/deleteSummarizedMessages)"_s.arg(report.messagesDeleted)
                    : QString()));
        return report.failed == 0 ? ExitOk : ExitFailure;
    }
    if (action == u"sessions"_s) {
        const Result<QList<MemorySession>> sessions = store.sessions();
        if (!sessions) {
            printErr(sessions.error());
            return ExitFailure;
        }
        QJsonArray array;
        QString text;
        for (const MemorySession& s : sessions.value()) {
            array.append(sessionToJson(s));
            text += u"%1  %2  %3 messages%4  %5\n"_s.arg(s.id)
                        .arg(localTime(s.lastActive))
                        .arg(s.messageCount)
                        .arg(s.endedAt.isValid() ? QString() : u" (open)"_s, s.name);
        }
        if (asJson)
            printJson(array);
        else
            printOut(text.isEmpty() ? u"No conversations yet.\n"_s : text);
        return ExitOk;
    }
    if (!store.session(sessionId)) {
        printErr(u"there is no session %1"_s.arg(sessionId));
        return ExitFailure;
    }
    const Result<int> forgotten = store.forget(sessionId);
    if (!forgotten) {
        printErr(forgotten.error());
        return ExitFailure;
    }
    if (asJson)
        printJson(QJsonObject { { u"session_id"_s, sessionId }, { u"messages_deleted"_s, forgotten.value() } });
    else
        printOut(u"Forgot session %1 (%2 messages).\n"_s.arg(sessionId).arg(forgotten.value()));
    return ExitOk;
}

} // namespace caseyos::cli
