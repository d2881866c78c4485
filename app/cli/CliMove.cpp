// caseyos move accept|dismiss|snooze|complete|reopen|show ID [--reason T] [--until WHEN] [--json]
// (move execute ID: CliExecute.cpp)
#include "Cli.h"
#include "CliCommon.h"
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "execution/ExecutionRepository.h"
#include "moves/MoveJson.h"
#include "moves/MoveService.h"
#include "moves/SnoozePresets.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

struct ActionName
{
    const char* name;
    MoveAction action;
    const char* pastTense;
};

constexpr ActionName kActions[] = {
    { "accept", MoveAction::Accept, "accepted" },
    { "dismiss", MoveAction::Dismiss, "dismissed" },
    { "snooze", MoveAction::Snooze, "snoozed" },
    { "complete", MoveAction::Complete, "completed" },
    { "reopen", MoveAction::Reopen, "reopened" },
};

const ActionName* findAction(const QString& name)
{
    for (const ActionName& action : kActions)
        if (name == QLatin1StringView(action.name))
            return &action;
    return nullptr;
}

QString componentsLine(const Move& move)
{
    return move.reasoning.isEmpty() ? QString() : u"  ("_s + move.reasoning + u')';
}

void printDetail(const MoveWithSignal& found, const QList<MoveEvent>& history, const QDateTime& now)
{
    const Move& m = found.move;
    QString text = u"Move %1: %2\n"_s.arg(m.id).arg(m.title);
    auto line = [&](const QString& label, const QString& value) {
        if (!value.isEmpty())
            text += u"  "_s + padRight(label + u':', 13) + value + u'\n';
    };
    QString status = toString(m.effectiveStatus(now));
    if (m.effectiveStatus(now) == MoveStatus::Snoozed)
        status += u" until "_s + localTime(m.snoozedUntil);
    if (m.status == MoveStatus::Dismissed && !m.dismissReason.isEmpty())
        status += u" ("_s + m.dismissReason + u')';
    line(u"Status"_s, status);
    line(u"APS"_s, QString::number(m.aps, 'f', 2) + componentsLine(m));
    line(u"Action"_s, m.actionType + u" · "_s + m.domain);
    QStringList contact;
    for (const QString& part : { m.contactName, m.contactEmail, m.company })
        if (!part.isEmpty())
            contact << part;
    line(u"Contact"_s, contact.join(u", "_s));
    line(u"Deal"_s, m.dealId);
    line(u"Due"_s, localTime(m.dueBy, {}));
    line(u"Created"_s, localTime(m.createdAt, {}));
    line(u"Completed"_s, localTime(m.completedAt, {}));
    line(u"Description"_s, m.description);
    if (found.signal) {
        const MoveSignalRef& s = *found.signal;
        line(u"Signal"_s,
            u"#%1 %2/%3%4"_s.arg(s.id).arg(
                s.source, s.eventType, s.sourceId.isNull() ? QString() : u" (id "_s + s.sourceId + u')'));
    } else {
        line(u"Signal"_s, u"none (made by hand)"_s);
    }
    text += u"History:\n"_s;
    for (const MoveEvent& event : history) {
        text += u"  "_s + localTime(event.at) + u"  "_s + padRight(event.type, 15);
        if (!event.details.isEmpty())
            text += u"  "_s + QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact));
        text += u'\n';
    }
    printOut(text);
}

int showMove(Database& db, qint64 id, bool json)
{
    MoveRepository repository(db);
    QString error;
    const std::optional<MoveWithSignal> found = repository.findWithSignal(id, &error);
    if (!found) {
        printErr(error.isEmpty() ? u"No move with id %1"_s.arg(id) : error);
        return ExitFailure;
    }
    const QList<MoveEvent> history = MoveService(db, SystemClock::instance()).history(id);
    const QList<ExecutionRecord> executions = ExecutionRepository(db).forMove(id);
    const QDateTime now = SystemClock::instance().now();
    if (json) {
        QJsonObject object = moveToJson(found->move, found->signal, now);
        QJsonArray events;
        for (const MoveEvent& event : history)
            events.append(moveEventToJson(event));
        object.insert(u"history"_s, events);
        QJsonArray runs;
        for (const ExecutionRecord& r : executions)
            runs.append(executionToJson(r, false));
        object.insert(u"executions"_s, runs);
        printJson(object);
    } else {
        printDetail(*found, history, now);
        if (!executions.isEmpty()) {
            QString text = u"Executions:\n"_s;
            for (const ExecutionRecord& r : executions) {
                text += u"  #%1  %2  %3  %4"_s.arg(r.id).arg(localTime(r.updatedAt), padRight(toString(r.action), 12),
                    padRight(toString(r.state), 9));
                if (!r.error.isEmpty())
                    text += u"  "_s + r.error;
                text += u'\n';
            }
            printOut(text);
        }
    }
    return ExitOk;
}

} // namespace

int runMove(const QStringList& arguments)
{
    // "move execute ID" has options of its own (CliExecute.cpp): the first word after "move" decides.
    const qsizetype at = arguments.indexOf(u"move"_s);
    for (qsizetype i = at + 1; at >= 0 && i < arguments.size(); ++i) {
        const QString& word = arguments.at(i);
        if (word == u"--home"_s || word == u"--log-level"_s || word == u"--reason"_s || word == u"--until"_s) {
            ++i;
            continue;
        }
        if (word.startsWith(u'-'))
            continue;
        if (word == u"execute"_s)
            return runMoveExecute(arguments);
        break;
    }
    CommandParser command(u"move"_s,
        u"Change one move: accept (take it on; completes it), dismiss (--reason optional), snooze\n"
        "(--until required), complete, reopen; or show its detail and history.\n"
        "WHEN for --until: 1h, 4h, tomorrow (09:00), monday (next Monday 09:00), or an ISO-8601\n"
        "date-time (without an offset it is local time)."_s,
        u"accept|dismiss|snooze|complete|reopen|show ID"_s,
        u"What to do, and the move's id as \"caseyos today\" shows it."_s);
    const QCommandLineOption reasonOption(u"reason"_s, u"Why the move is dismissed."_s, u"TEXT"_s);
    const QCommandLineOption untilOption(u"until"_s, u"When a snoozed move comes back."_s, u"WHEN"_s);
    const QCommandLineOption json(u"json"_s, u"Print the move as JSON."_s);
    command.addOption(reasonOption);
    command.addOption(untilOption);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QStringList args = command.positional();
    if (args.size() != 2) {
        printErr(u"usage: caseyos move accept|dismiss|snooze|complete|reopen|show ID"_s);
        return ExitUsage;
    }
    const QString& actionName = args.at(0);
    const ActionName* action = findAction(actionName);
    if (!action && actionName != u"show"_s) {
        printErr(u"unknown move action \"%1\" (use accept, dismiss, snooze, complete, reopen or show)"_s.arg(
            actionName));
        return ExitUsage;
    }
    const std::optional<qint64> parsedId = parseId(args.at(1), u"move"_s, kMoveIdHint);
    if (!parsedId)
        return ExitUsage;
    const qint64 id = *parsedId;
    const QCommandLineParser& parser = command.parser();
    const Clock& clock = SystemClock::instance();
    QDateTime until;
    if (action && action->action == MoveAction::Snooze) {
        if (!parser.isSet(untilOption)) {
            printErr(u"snooze needs --until WHEN (1h, 4h, tomorrow, monday or a date-time)"_s);
            return ExitUsage;
        }
        const std::optional<QDateTime> parsed = parseSnoozeUntil(parser.value(untilOption), clock);
        if (!parsed) {
            printErr(
                u"cannot understand --until \"%1\" (use 1h, 4h, tomorrow, monday or an ISO-8601 date-time)"_s
                    .arg(parser.value(untilOption)));
            return ExitUsage;
        }
        until = *parsed;
    } else if (parser.isSet(untilOption)) {
        printErr(u"--until only applies to snooze"_s);
        return ExitUsage;
    }
    if (parser.isSet(reasonOption) && !(action && action->action == MoveAction::Dismiss)) {
        printErr(u"--reason only applies to dismiss"_s);
        return ExitUsage;
    }

    Database db;
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;
    if (!action)
        return showMove(db, id, parser.isSet(json));

    MoveService service(db, clock);
    const Result<MoveChange> result = service.apply(id, action->action, parser.value(reasonOption), until);
    if (!result) {
        printErr(result.error());
        return ExitFailure;
    }
    const Move& after = result.value().after;
    if (parser.isSet(json)) {
        const auto found = MoveRepository(db).findWithSignal(id);
        printJson(moveToJson(after, found ? found->signal : std::nullopt, clock.now()));
        return ExitOk;
    }
    QString text
        = u"Move %1 %2: now %3"_s.arg(id).arg(QLatin1StringView(action->pastTense), toString(after.status));
    if (after.status == MoveStatus::Snoozed)
        text += u" until "_s + localTime(after.snoozedUntil) + u" ("_s + toIsoUtc(after.snoozedUntil) + u')';
    text += u"\n  "_s + after.title + u'\n';
    printOut(text);
    return ExitOk;
}

} // namespace caseyos::cli
