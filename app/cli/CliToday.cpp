// caseyos today [--limit N | --all] [--json]: Today's Moves in rank order.
#include "CliCommon.h"
#include "core/Clock.h"
#include "moves/MoveJson.h"
#include "moves/MoveService.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

constexpr int kDefaultLimit = 10;
constexpr int kTodayTitleWidth = 60;

void printTable(const QList<MoveWithSignal>& moves, qint64 pending)
{
    if (moves.isEmpty()) {
        printOut(u"No moves waiting. Import signals with: caseyos ingest FILE\n"_s);
        return;
    }
    // Column widths from the content, so ids and scores line up whatever their size.
    int idWidth = 2;
    int actionWidth = 6;
    int contactWidth = 7;
    for (const MoveWithSignal& m : moves) {
        idWidth = qMax(idWidth, int(QString::number(m.move.id).size()));
        actionWidth = qMax(actionWidth, int(m.move.actionType.size()));
        contactWidth = qMax(contactWidth, int(qMin<qsizetype>(m.move.contactEmail.size(), 32)));
    }
    const int rankWidth = int(QString::number(moves.size()).size());
    QString text = padLeft(u"#"_s, rankWidth) + u"  "_s + padLeft(u"ID"_s, idWidth) + u"    APS  "_s
        + padRight(u"Due"_s, 16) + u"  "_s + padRight(u"Action"_s, actionWidth) + u"  "_s
        + padRight(u"Contact"_s, contactWidth) + u"  Title\n"_s;
    int rank = 0;
    for (const MoveWithSignal& m : moves) {
        const Move& move = m.move;
        text += padLeft(QString::number(++rank), rankWidth) + u"  "_s
            + padLeft(QString::number(move.id), idWidth) + u"  "_s
            + padLeft(QString::number(move.aps, 'f', 2), 6) + u"  "_s
            + padRight(localTime(move.dueBy, u"—"_s), 16) + u"  "_s + padRight(move.actionType, actionWidth)
            + u"  "_s + padRight(elide(move.contactEmail, 32), contactWidth) + u"  "_s
            + elide(move.title, kTodayTitleWidth) + u'\n';
    }
    if (pending > moves.size())
        text += u"\nShowing %1 of %2 pending moves (--limit N or --all for more).\n"_s.arg(moves.size())
                    .arg(pending);
    printOut(text);
}

} // namespace

int runToday(const QStringList& arguments)
{
    CommandParser command(u"today"_s,
        u"List Today's Moves: pending moves ordered by APS (highest first), then due time (none last),\n"
        "then creation time. Expired snoozes return to pending first."_s,
        {});
    const QCommandLineOption limitOption(u"limit"_s, u"Show at most N moves (default 10)."_s, u"N"_s);
    const QCommandLineOption allOption(u"all"_s, u"Show every pending move."_s);
    const QCommandLineOption json(u"json"_s, u"Print a JSON array of moves."_s);
    command.addOption(limitOption);
    command.addOption(allOption);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    if (!command.positional().isEmpty()) {
        printErr(u"today takes no arguments (got \"%1\")"_s.arg(command.positional().join(u' ')));
        return ExitUsage;
    }
    const QCommandLineParser& parser = command.parser();
    if (parser.isSet(limitOption) && parser.isSet(allOption)) {
        printErr(u"use either --limit N or --all, not both"_s);
        return ExitUsage;
    }
    int limit = kDefaultLimit;
    if (parser.isSet(allOption)) {
        limit = -1;
    } else if (parser.isSet(limitOption)) {
        bool ok = false;
        limit = parser.value(limitOption).toInt(&ok);
        if (!ok || limit < 1) {
            printErr(
                u"--limit needs a whole number of at least 1 (got \"%1\")"_s.arg(parser.value(limitOption)));
            return ExitUsage;
        }
    }

    Database db;
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;
    const Clock& clock = SystemClock::instance();
    QString error;
    MoveService(db, clock).wakeExpiredSnoozes(&error);
    if (!error.isEmpty())
        printErr(u"could not wake expired snoozes: "_s + error); // still list what is pending
    error.clear();
    MoveRepository repository(db);
    const QList<MoveWithSignal> moves = repository.today(limit, &error);
    if (!error.isEmpty()) {
        printErr(error);
        return ExitFailure;
    }
    if (parser.isSet(json)) {
        const QDateTime now = clock.now();
        QJsonArray array;
        for (const MoveWithSignal& m : moves)
            array.append(moveToJson(m.move, m.signal, now));
        printJson(array);
        return ExitOk;
    }
    const qint64 pending = repository.countByStatus(nullptr).value(u"pending"_s);
    printTable(moves, pending);
    return ExitOk;
}

} // namespace caseyos::cli
