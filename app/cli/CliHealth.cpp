// caseyos health [--json]: the data folder, the database and its counts; exit 0 when healthy.
#include "CliCommon.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"
#include "storage/SignalRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

QString scalar(Database& db, const QString& sql)
{
    QSqlQuery query(db.sql());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0).toString();
}

QJsonObject countsJson(const QHash<QString, qint64>& counts, const QStringList& keys)
{
    // Every known key, zero included, so scripts can read any of them.
    QJsonObject object;
    qint64 total = 0;
    for (const QString& key : keys) {
        object.insert(key, counts.value(key));
        total += counts.value(key);
    }
    object.insert(u"total"_s, total);
    return object;
}

QString countsText(const QJsonObject& counts, const QStringList& keys)
{
    QStringList parts;
    for (const QString& key : keys)
        parts << u"%1 %2"_s.arg(counts.value(key).toInteger()).arg(key);
    return u"%1 (%2)"_s.arg(counts.value(u"total"_s).toInteger()).arg(parts.join(u", "_s));
}

} // namespace

int runHealth(const QStringList& arguments)
{
    CommandParser command(u"health"_s,
        u"Check the data folder and the database: schema version, SQLite version, journal mode,\n"
        "integrity (quick_check) and counts. Exit code 0 when healthy, 1 otherwise."_s,
        {});
    const QCommandLineOption json(u"json"_s, u"Print the report as one JSON object."_s);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    Context context;
    if (!prepareContext(command.globals(), &context))
        return ExitFailure;

    // The log file name is Logging.cpp's: caseyos.log in the log folder.
    const QString logFile
        = context.logDirectory.isEmpty() ? QString() : QDir(context.logDirectory).filePath(u"caseyos.log"_s);
    QJsonObject report { { u"data_folder"_s, QDir::toNativeSeparators(context.home) },
        { u"database"_s, QDir::toNativeSeparators(context.databasePath) },
        { u"known_schema_version"_s, Database::knownSchemaVersion() },
        { u"log_file"_s, logFile.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(logFile) } };
    QStringList problems;

    Database db;
    QString error;
    const QStringList signalStates { u"new"_s, u"processed"_s, u"ignored"_s, u"failed"_s };
    const QStringList moveStatuses { u"pending"_s, u"in_progress"_s, u"completed"_s, u"dismissed"_s,
        u"snoozed"_s, u"failed"_s };
    if (!db.open(context.databasePath, &error)) {
        problems << error;
    } else {
        report.insert(u"schema_version"_s, db.schemaVersion());
        report.insert(u"sqlite_version"_s, scalar(db, u"SELECT sqlite_version()"_s));
        const QString journal = scalar(db, u"PRAGMA journal_mode"_s);
        report.insert(u"journal_mode"_s, journal);
        if (journal != u"wal"_s)
            problems << u"the journal mode is %1, not wal"_s.arg(journal);
        const QString integrity = scalar(db, u"PRAGMA quick_check"_s);
        report.insert(u"integrity"_s, integrity);
        if (integrity != u"ok"_s)
            problems << u"integrity check: %1"_s.arg(integrity.isEmpty() ? u"failed to run"_s : integrity);
        QString countError;
        report.insert(u"signals"_s, countsJson(SignalRepository(db).countByState(&countError), signalStates));
        report.insert(u"moves"_s, countsJson(MoveRepository(db).countByStatus(&countError), moveStatuses));
        if (!countError.isEmpty())
            problems << countError;
        const QFileInfo info(context.databasePath);
        report.insert(u"database_bytes"_s, info.size());
    }
    const bool healthy = problems.isEmpty();
    report.insert(u"healthy"_s, healthy);
    report.insert(u"problems"_s, QJsonArray::fromStringList(problems));

    if (command.parser().isSet(json)) {
        printJson(report);
    } else {
        QString text;
        auto line = [&](const QString& label, const QString& value) {
            text += padRight(label + u':', 16) + value + u'\n';
        };
        line(u"Data folder"_s, report.value(u"data_folder"_s).toString());
        line(u"Database"_s, report.value(u"database"_s).toString());
        if (report.contains(u"schema_version"_s)) {
            line(u"Schema version"_s,
                u"%1 (this CaseyOS knows up to %2)"_s.arg(report.value(u"schema_version"_s).toInteger())
                    .arg(Database::knownSchemaVersion()));
            line(u"SQLite"_s, report.value(u"sqlite_version"_s).toString());
            line(u"Journal mode"_s, report.value(u"journal_mode"_s).toString());
            line(u"Integrity"_s, report.value(u"integrity"_s).toString());
            line(u"Signals"_s, countsText(report.value(u"signals"_s).toObject(), signalStates));
            line(u"Moves"_s, countsText(report.value(u"moves"_s).toObject(), moveStatuses));
        }
        line(u"Log file"_s, logFile.isEmpty() ? u"none (logging to stderr only)"_s : logFile);
        line(u"Status"_s, healthy ? u"healthy"_s : u"NOT healthy"_s);
        for (const QString& problem : problems)
            text += u"  problem: "_s + problem + u'\n';
        printOut(text);
    }
    return healthy ? ExitOk : ExitFailure;
}

} // namespace caseyos::cli
