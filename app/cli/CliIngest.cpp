// caseyos ingest FILE... [--json]: imports signals; exit 0 when every line was valid, 2 when some were
// invalid, 1 when a file could not be read or storage failed.
#include "CliCommon.h"
#include "core/Clock.h"
#include "signals/SignalImporter.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

constexpr int kHumanErrorLimit = 100;

struct FileResult
{
    QString path;
    IngestReport report;
};

// Checked before importing so that an unreadable file is a per-file problem, while a failure inside the
// import is a storage failure that stops everything.
QString unreadableReason(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return u"Cannot read %1: no such file"_s.arg(QDir::toNativeSeparators(path));
    if (info.isDir())
        return u"Cannot read %1: it is a folder"_s.arg(QDir::toNativeSeparators(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"Cannot read %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

QJsonObject toJson(const IngestReport& total, const QList<FileResult>& files)
{
    const bool severalFiles = files.size() > 1;
    QJsonArray errors;
    for (const FileResult& file : files) {
        for (const IngestError& error : file.report.errors) {
            QJsonObject entry { { u"line"_s, error.line }, { u"message"_s, error.message } };
            if (severalFiles)
                entry.insert(u"file"_s, file.path);
            errors.append(entry);
        }
    }
    return QJsonObject { { u"read"_s, total.read }, { u"ingested"_s, total.ingested },
        { u"duplicates"_s, total.duplicates }, { u"invalid"_s, total.invalid },
        { u"moves_created"_s, total.movesCreated }, { u"errors"_s, errors } };
}

QString summary(const IngestReport& r)
{
    return u"%1 read, %2 ingested, %3 duplicates, %4 invalid; %5 moves created"_s.arg(r.read)
        .arg(r.ingested)
        .arg(r.duplicates)
        .arg(r.invalid)
        .arg(r.movesCreated);
}

void printHuman(const IngestReport& total, const QList<FileResult>& files)
{
    QString text;
    int shown = 0;
    for (const FileResult& file : files) {
        text += QDir::toNativeSeparators(file.path) + u": "_s + summary(file.report) + u'\n';
        for (const IngestError& error : file.report.errors) {
            if (shown++ == kHumanErrorLimit)
                break;
            text += u"  line %1: %2\n"_s.arg(error.line).arg(error.message);
        }
    }
    if (shown > kHumanErrorLimit)
        text += u"  … %1 more invalid lines (use --json to list them all)\n"_s.arg(
            total.invalid - kHumanErrorLimit);
    if (files.size() > 1)
        text += u"Total: "_s + summary(total) + u'\n';
    printOut(text);
}

} // namespace

int runIngest(const QStringList& arguments)
{
    CommandParser command(u"ingest"_s,
        u"Import signals from JSON Lines (.jsonl, one object per line) or CSV (.csv) files.\n"
        "Each signal is validated, deduplicated and turned into a ranked move by the rules.\n"
        "Exit codes: 0 all lines valid, 2 some lines invalid (the valid ones are kept),\n"
        "1 a file could not be read or the database could not be written."_s,
        u"FILE..."_s, u"FILE...: the JSON Lines (.jsonl) or CSV (.csv) files to import."_s);
    const QCommandLineOption json(u"json"_s, u"Print the counts as one JSON object."_s);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QStringList paths = command.positional();
    if (paths.isEmpty()) {
        printErr(u"ingest needs at least one FILE (run \"caseyos ingest --help\")"_s);
        return ExitUsage;
    }
    Database db;
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;

    IngestReport total;
    QList<FileResult> files;
    bool failed = false;
    for (const QString& path : paths) {
        if (const QString reason = unreadableReason(path); !reason.isEmpty()) {
            printErr(reason);
            failed = true;
            continue;
        }
        FileResult result { path, importSignalFile(path, db, SystemClock::instance()) };
        total.merge(result.report);
        files.append(result);
        if (!result.report.fatalError.isEmpty()) {
            printErr(result.report.fatalError);
            failed = true;
            break; // the database is failing: later files would fail the same way
        }
    }
    if (command.parser().isSet(json))
        printJson(toJson(total, files));
    else
        printHuman(total, files);
    if (failed)
        return ExitFailure;
    return total.invalid > 0 ? ExitUsage : ExitOk;
}

} // namespace caseyos::cli
