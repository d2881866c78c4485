// `caseyos today`, `move`, `health`, `--help`, `--version` through the real binary.
#include "IntegrationSupport.h"
#include "TempHome.h"
#include "core/Clock.h"
#include "moves/MoveService.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

struct Task
{
    QString title;
    double r, u, e, s;
    QString due;
};

// Five tasks whose order is known from the APS formula alone, plus two with equal APS that differ by due
// time.
const QList<Task>& tasks()
{
    static const QList<Task> list {
        { u"Low"_s, 0.1, 0.1, 0.9, 0.1, u"2030-01-01T09:00:00Z"_s },
        { u"Top"_s, 1.0, 1.0, 0.0, 1.0, u"2030-01-05T09:00:00Z"_s },
        { u"Middle"_s, 0.5, 0.5, 0.5, 0.5, u"2030-01-03T09:00:00Z"_s },
        { u"High, due later"_s, 0.9, 0.8, 0.2, 0.7, u"2030-01-04T09:00:00Z"_s },
        { u"High, due sooner"_s, 0.9, 0.8, 0.2, 0.7, u"2030-01-02T09:00:00Z"_s },
    };
    return list;
}

QString importTasks(const TempHome& home)
{
    QByteArray data;
    int i = 0;
    for (const Task& t : tasks())
        data += taskLine(t.title, t.r, t.u, t.e, t.s, t.due, u"task-%1"_s.arg(++i));
    const QString file = home.writeFile(u"tasks.jsonl"_s, data);
    const CliRun run = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    return file;
}

qint64 moveIdByTitle(DbProbe& db, const QString& title)
{
    return db.count(u"SELECT id FROM moves WHERE title = '%1'"_s.arg(title));
}

} // namespace

TEST(CliToday, JsonListsPendingMovesInRankOrderWithTheirSignal)
{
    TempHome home;
    importTasks(home);
    // A move made by hand with the same APS as "Middle" and no due time ranks after it (none last).
    {
        Database db;
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
        Move draft;
        draft.title = u"Hand-made, no due time"_s;
        draft.actionType = u"call_back"_s;
        ASSERT_TRUE(
            MoveService(db, SystemClock::instance()).create(draft, ApsInput { 0.5, 0.5, 0.5, 0.5 }).ok());
    }

    const CliRun run = runCli(home.path(), { u"today"_s, u"--json"_s });
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    const QJsonArray moves = run.jsonArray();
    QStringList titles;
    for (const QJsonValue& m : moves)
        titles << m.toObject().value(u"title"_s).toString();
    EXPECT_EQ(titles,
        (QStringList { u"Top"_s, u"High, due sooner"_s, u"High, due later"_s, u"Middle"_s,
            u"Hand-made, no due time"_s, u"Low"_s }));

    const QJsonObject top = moves.at(0).toObject();
    EXPECT_DOUBLE_EQ(top.value(u"aps"_s).toDouble(), expectedAps(1.0, 1.0, 0.0, 1.0));
    EXPECT_DOUBLE_EQ(moves.at(1).toObject().value(u"aps"_s).toDouble(), expectedAps(0.9, 0.8, 0.2, 0.7));
    const QJsonObject components = top.value(u"components"_s).toObject();
    EXPECT_DOUBLE_EQ(components.value(u"revenue"_s).toDouble(), 1.0);
    EXPECT_DOUBLE_EQ(components.value(u"urgency"_s).toDouble(), 1.0);
    EXPECT_DOUBLE_EQ(components.value(u"effort"_s).toDouble(), 0.0);
    EXPECT_DOUBLE_EQ(components.value(u"strategic"_s).toDouble(), 1.0);
    EXPECT_EQ(top.value(u"status"_s).toString(), u"pending"_s);
    EXPECT_EQ(top.value(u"due_by"_s).toString(), u"2030-01-05T09:00:00.000Z"_s);
    EXPECT_EQ(top.value(u"contact_email"_s).toString(), u"owner@example.com"_s);
    EXPECT_TRUE(top.value(u"outcome_adjustment"_s).isDouble());
    EXPECT_FALSE(top.value(u"reasoning"_s).toString().isEmpty());
    EXPECT_FALSE(top.value(u"action_type"_s).toString().isEmpty());
    EXPECT_TRUE(top.value(u"id"_s).isDouble());
    const QJsonObject signal = top.value(u"signal"_s).toObject();
    EXPECT_EQ(signal.value(u"source"_s).toString(), u"manual"_s);
    EXPECT_EQ(signal.value(u"event_type"_s).toString(), u"task_created"_s);
    EXPECT_EQ(signal.value(u"source_id"_s).toString(), u"task-2"_s);
    EXPECT_TRUE(
        QRegularExpression(u"^[0-9a-f]{64}$"_s).match(signal.value(u"dedupe_key"_s).toString()).hasMatch());
    EXPECT_TRUE(signal.value(u"id"_s).isDouble());

    const QJsonObject handMade = moves.at(4).toObject();
    EXPECT_TRUE(handMade.value(u"signal"_s).isNull());
    EXPECT_TRUE(handMade.value(u"due_by"_s).isNull());
}

TEST(CliToday, LimitAllAndTheDefaultOfTen)
{
    TempHome home;
    QByteArray data;
    for (int i = 0; i < 12; ++i)
        data += formLine(u"l%1@example.com"_s.arg(i), u"l-%1"_s.arg(i));
    runCli(home.path(), { u"ingest"_s, home.writeFile(u"leads.jsonl"_s, data) });
    EXPECT_EQ(runCli(home.path(), { u"today"_s, u"--json"_s }).jsonArray().size(), 10);
    EXPECT_EQ(runCli(home.path(), { u"today"_s, u"--json"_s, u"--limit"_s, u"3"_s }).jsonArray().size(), 3);
    EXPECT_EQ(runCli(home.path(), { u"today"_s, u"--json"_s, u"--all"_s }).jsonArray().size(), 12);
    EXPECT_EQ(runCli(home.path(), { u"today"_s, u"--limit"_s, u"0"_s }).exitCode, 2);
    EXPECT_EQ(runCli(home.path(), { u"today"_s, u"--limit"_s, u"2"_s, u"--all"_s }).exitCode, 2);

    const CliRun table = runCli(home.path(), { u"today"_s });
    EXPECT_EQ(table.exitCode, 0);
    EXPECT_TRUE(table.outText().contains(u"APS"_s)) << table.outText().toStdString();
    EXPECT_TRUE(table.outText().contains(u"Showing 10 of 12"_s)) << table.outText().toStdString();
}

TEST(CliToday, ExpiredSnoozeComesBackAsPending)
{
    TempHome home;
    importTasks(home);
    DbProbe db(home.databasePath());
    const qint64 id = moveIdByTitle(db, u"Low"_s);
    // Snoozed until a minute ago: the CLI must wake it before listing.
    const qint64 past = QDateTime::currentMSecsSinceEpoch() - 60000;
    ASSERT_TRUE(db.exec(
        u"UPDATE moves SET status = 'snoozed', snoozed_until = %1 WHERE id = %2"_s.arg(past).arg(id)));
    const CliRun run = runCli(home.path(), { u"today"_s, u"--json"_s });
    EXPECT_EQ(run.jsonArray().size(), 5);
    EXPECT_EQ(db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(id)).toString(), u"pending"_s);
    EXPECT_EQ(
        db.count(u"SELECT COUNT(*) FROM move_events WHERE move_id = %1 AND type = 'move_reopened'"_s.arg(id)),
        1);
}

TEST(CliMove, ActionsChangeStatusAndWriteTelemetry)
{
    TempHome home;
    importTasks(home);
    DbProbe db(home.databasePath());
    const qint64 top = moveIdByTitle(db, u"Top"_s);
    const qint64 middle = moveIdByTitle(db, u"Middle"_s);
    const qint64 low = moveIdByTitle(db, u"Low"_s);
    auto status
        = [&](qint64 id) { return db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(id)).toString(); };
    auto events = [&](qint64 id, const QString& type) {
        return db.count(
            u"SELECT COUNT(*) FROM move_events WHERE move_id = %1 AND type = '%2'"_s.arg(id).arg(type));
    };

    CliRun run = runCli(home.path(), { u"move"_s, u"accept"_s, QString::number(top) });
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_TRUE(run.outText().contains(u"completed"_s)) << run.outText().toStdString();
    EXPECT_EQ(status(top), u"completed"_s);
    EXPECT_EQ(events(top, u"move_accepted"_s), 1);
    EXPECT_GT(db.count(u"SELECT completed_at FROM moves WHERE id = %1"_s.arg(top)), 0);

    run = runCli(home.path(), { u"move"_s, u"accept"_s, QString::number(top) });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errText().contains(u"Move %1 is already completed"_s.arg(top)))
        << run.errText().toStdString();
    EXPECT_EQ(events(top, u"move_accepted"_s), 1);

    run = runCli(
        home.path(), { u"move"_s, u"dismiss"_s, QString::number(middle), u"--reason"_s, u"not a fit"_s });
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_EQ(status(middle), u"dismissed"_s);
    EXPECT_EQ(
        db.value(u"SELECT dismiss_reason FROM moves WHERE id = %1"_s.arg(middle)).toString(), u"not a fit"_s);
    EXPECT_EQ(db.value(u"SELECT json_extract(details, '$.reason') FROM move_events WHERE move_id = %1 AND "
                       "type = 'move_dismissed'"_s.arg(middle))
                  .toString(),
        u"not a fit"_s);

    run = runCli(home.path(), { u"move"_s, u"reopen"_s, QString::number(middle) });
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_EQ(status(middle), u"pending"_s);
    EXPECT_EQ(
        db.value(u"SELECT dismiss_reason FROM moves WHERE id = %1"_s.arg(middle)).toString(), QString());
    EXPECT_EQ(events(middle, u"move_reopened"_s), 1);

    run = runCli(home.path(), { u"move"_s, u"complete"_s, QString::number(low), u"--json"_s });
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_EQ(run.json().value(u"status"_s).toString(), u"completed"_s);
    EXPECT_EQ(events(low, u"move_completed"_s), 1);

    // Today no longer lists the completed moves.
    QStringList titles;
    for (const QJsonValue& m : runCli(home.path(), { u"today"_s, u"--json"_s }).jsonArray())
        titles << m.toObject().value(u"title"_s).toString();
    EXPECT_FALSE(titles.contains(u"Top"_s));
    EXPECT_FALSE(titles.contains(u"Low"_s));
    EXPECT_TRUE(titles.contains(u"Middle"_s));
}

TEST(CliMove, SnoozeNeedsAFutureTime)
{
    TempHome home;
    importTasks(home);
    DbProbe db(home.databasePath());
    const qint64 id = moveIdByTitle(db, u"Middle"_s);

    EXPECT_EQ(runCli(home.path(), { u"move"_s, u"snooze"_s, QString::number(id) }).exitCode, 2);
    EXPECT_EQ(runCli(home.path(), { u"move"_s, u"snooze"_s, QString::number(id), u"--until"_s, u"someday"_s })
                  .exitCode,
        2);
    const CliRun past = runCli(home.path(),
        { u"move"_s, u"snooze"_s, QString::number(id), u"--until"_s, u"2001-01-01T00:00:00Z"_s });
    EXPECT_EQ(past.exitCode, 1);
    EXPECT_EQ(db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(id)).toString(), u"pending"_s);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const CliRun run
        = runCli(home.path(), { u"move"_s, u"snooze"_s, QString::number(id), u"--until"_s, u"1h"_s });
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    EXPECT_EQ(db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(id)).toString(), u"snoozed"_s);
    const qint64 until = db.count(u"SELECT snoozed_until FROM moves WHERE id = %1"_s.arg(id));
    EXPECT_GE(until, before + 3600 * 1000 - 1000);
    EXPECT_LE(until, after + 3600 * 1000 + 1000);
    EXPECT_EQ(
        db.count(u"SELECT COUNT(*) FROM move_events WHERE move_id = %1 AND type = 'move_snoozed'"_s.arg(id)),
        1);

    // A snoozed move is not in Today's Moves until its time comes.
    for (const QJsonValue& m : runCli(home.path(), { u"today"_s, u"--json"_s }).jsonArray())
        EXPECT_NE(m.toObject().value(u"id"_s).toInteger(), id);
}

TEST(CliMove, UnknownIdAndBadArguments)
{
    TempHome home;
    importTasks(home);
    const CliRun unknown = runCli(home.path(), { u"move"_s, u"accept"_s, u"999"_s });
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.errText().contains(u"No move with id 999"_s)) << unknown.errText().toStdString();
    EXPECT_EQ(runCli(home.path(), { u"move"_s, u"accept"_s, u"abc"_s }).exitCode, 2);
    EXPECT_EQ(runCli(home.path(), { u"move"_s, u"launch"_s, u"1"_s }).exitCode, 2);
    EXPECT_EQ(runCli(home.path(), { u"move"_s, u"accept"_s }).exitCode, 2);
}

TEST(CliMove, ShowGivesDetailAndHistory)
{
    TempHome home;
    importTasks(home);
    DbProbe db(home.databasePath());
    const qint64 id = moveIdByTitle(db, u"Top"_s);
    runCli(home.path(), { u"move"_s, u"dismiss"_s, QString::number(id) });
    const CliRun run = runCli(home.path(), { u"move"_s, u"show"_s, QString::number(id), u"--json"_s });
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString();
    const QJsonObject move = run.json();
    EXPECT_EQ(move.value(u"title"_s).toString(), u"Top"_s);
    EXPECT_EQ(move.value(u"status"_s).toString(), u"dismissed"_s);
    const QJsonArray history = move.value(u"history"_s).toArray();
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history.at(0).toObject().value(u"type"_s).toString(), u"move_created"_s);
    EXPECT_EQ(history.at(1).toObject().value(u"type"_s).toString(), u"move_dismissed"_s);
    const CliRun human = runCli(home.path(), { u"move"_s, u"show"_s, QString::number(id) });
    EXPECT_TRUE(human.outText().contains(u"move_dismissed"_s)) << human.outText().toStdString();
}

TEST(CliHealth, ReportsAHealthyDatabaseWithCounts)
{
    TempHome home;
    importTasks(home);
    runCli(home.path(), { u"ingest"_s, home.writeFile(u"x.jsonl"_s, ignoredLine(u"c-1"_s)) });
    const CliRun run = runCli(home.path(), { u"health"_s, u"--json"_s });
    ASSERT_EQ(run.exitCode, 0) << run.errText().toStdString() << run.outText().toStdString();
    const QJsonObject report = run.json();
    EXPECT_TRUE(report.value(u"healthy"_s).toBool());
    EXPECT_EQ(report.value(u"journal_mode"_s).toString(), u"wal"_s);
    EXPECT_EQ(report.value(u"integrity"_s).toString(), u"ok"_s);
    EXPECT_EQ(report.value(u"schema_version"_s).toInt(), report.value(u"known_schema_version"_s).toInt());
    EXPECT_GE(report.value(u"schema_version"_s).toInt(), 1);
    EXPECT_FALSE(report.value(u"sqlite_version"_s).toString().isEmpty());
    EXPECT_EQ(report.value(u"database"_s).toString(), home.databasePath());
    EXPECT_EQ(report.value(u"signals"_s).toObject().value(u"processed"_s).toInt(), 5);
    EXPECT_EQ(report.value(u"signals"_s).toObject().value(u"ignored"_s).toInt(), 1);
    EXPECT_EQ(report.value(u"moves"_s).toObject().value(u"pending"_s).toInt(), 5);
    EXPECT_EQ(report.value(u"moves"_s).toObject().value(u"total"_s).toInt(), 5);
    EXPECT_TRUE(report.value(u"log_file"_s).toString().startsWith(home.path()));

    const CliRun human = runCli(home.path(), { u"health"_s });
    EXPECT_EQ(human.exitCode, 0);
    EXPECT_TRUE(human.outText().contains(u"healthy"_s));
}

TEST(CliHealth, GarbageDatabaseIsUnhealthyAndNeverOverwritten)
{
    TempHome home;
    const QByteArray garbage
        = QByteArray("this is not a database, just some text that happens to sit here\n").repeated(200);
    home.writeFile(u"caseyos.db"_s, garbage);
    const CliRun run = runCli(home.path(), { u"health"_s, u"--json"_s });
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_FALSE(run.json().value(u"healthy"_s).toBool());
    const CliRun today = runCli(home.path(), { u"today"_s });
    EXPECT_EQ(today.exitCode, 1);
    EXPECT_TRUE(today.errText().contains(u"is not a CaseyOS database"_s)) << today.errText().toStdString();
    QFile file(home.databasePath());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll(), garbage);
}

TEST(CliGeneral, HelpVersionAndUsageErrors)
{
    TempHome home;
    const CliRun version = runCli(home.path(), { u"--version"_s });
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.outText().contains(QStringLiteral(CASEYOS_VERSION)))
        << version.outText().toStdString();
    const CliRun help = runCli(home.path(), { u"--help"_s });
    EXPECT_EQ(help.exitCode, 0);
    for (const QString& command : { u"ingest"_s, u"today"_s, u"move"_s, u"health"_s }) {
        EXPECT_TRUE(help.outText().contains(command)) << command.toStdString();
        const CliRun sub = runCli(home.path(), { command, u"--help"_s });
        EXPECT_EQ(sub.exitCode, 0) << command.toStdString();
        EXPECT_TRUE(sub.outText().contains(u"Usage:"_s)) << sub.outText().toStdString();
        EXPECT_TRUE(sub.outText().contains(command)) << sub.outText().toStdString();
    }
    EXPECT_TRUE(runCli(home.path(), { u"ingest"_s, u"--help"_s }).outText().contains(u"--json"_s));
    const CliRun unknown = runCli(home.path(), { u"frobnicate"_s });
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.errText().contains(u"frobnicate"_s));
    EXPECT_EQ(runCli(home.path(), { u"today"_s, u"--bogus"_s }).exitCode, 2);
    EXPECT_EQ(runCli(home.path(), { u"today"_s, u"--log-level"_s, u"loud"_s }).exitCode, 2);
    EXPECT_EQ(runCli(home.path(), { u"ingest"_s }).exitCode, 2);
    // Global options with values before the command are not mistaken for it.
    const CliRun quiet = runCli(home.path(), { u"--log-level"_s, u"error"_s, u"today"_s, u"--json"_s });
    EXPECT_EQ(quiet.exitCode, 0) << quiet.errText().toStdString();
    EXPECT_EQ(quiet.out.trimmed(), QByteArray("[]"));
    EXPECT_TRUE(runCli(home.path(), { u"help"_s, u"move"_s }).outText().contains(u"--until"_s));
}

TEST(CliGeneral, DemoWorkspaceIsCreatedOnceAndListsMoves)
{
    TempHome home;
    const CliRun first = runCli(home.path(), { u"--demo"_s, u"today"_s, u"--json"_s });
    ASSERT_EQ(first.exitCode, 0) << first.errText().toStdString();
    EXPECT_EQ(first.jsonArray().size(), 10);
    const QString demoDb = home.file(u"demo/caseyos.db"_s);
    ASSERT_TRUE(QFile::exists(demoDb));
    DbProbe db(demoDb);
    const qint64 signalCount = db.count(u"SELECT COUNT(*) FROM signals"_s);
    EXPECT_GT(signalCount, 0);
    // The newest sample signal happened an hour before now.
    const qint64 newest = db.count(u"SELECT MAX(occurred_at) FROM signals"_s);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    EXPECT_NEAR(double(now - newest), 3600.0 * 1000, 120.0 * 1000);
    const CliRun second = runCli(home.path(), { u"--demo"_s, u"health"_s, u"--json"_s });
    EXPECT_EQ(second.exitCode, 0);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals"_s), signalCount);
    EXPECT_FALSE(QFile::exists(home.databasePath())) << "--demo must not touch the main database";
}
