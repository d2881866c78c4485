#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace caseyos {
class Database;
}

namespace caseyos::cli {

// Exit codes shared by every command.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the work failed (unreadable file, storage error, unknown move, unhealthy)
    ExitUsage = 2, // bad command line; for ingest also "some lines were invalid"
};

// The options every command accepts: --home DIR, --demo, --log-level L.
struct GlobalOptions
{
    QString home;
    bool demo = false;
    QString logLevel = QStringLiteral("warn");
};

// Where a command works: the data folder and the database in it (the demo one with --demo).
struct Context
{
    QString home;
    QString databasePath;
    QString logDirectory;
};

// A parser for one command, with the global options and -h/--help already added. `usage` is the part after
// "caseyos [options] ", e.g. "ingest FILE...".
class CommandParser
{
public:
    CommandParser(const QString& command, const QString& description, const QString& usageArguments,
        const QString& argumentsHelp = {});
    QCommandLineParser& parser() { return m_parser; }
    void addOption(const QCommandLineOption& option) { m_parser.addOption(option); }

    // Parses; on --help prints the help and sets *exitCode = 0; on a bad command line prints the error and
    // sets *exitCode = 2. Returns true when the command should run. positional() then holds the arguments
    // after the command name.
    bool parse(const QStringList& arguments, int* exitCode);
    QStringList positional() const;
    const GlobalOptions& globals() const { return m_globals; }

private:
    QCommandLineParser m_parser;
    QString m_command;
    GlobalOptions m_globals;
    QCommandLineOption m_help;
    QCommandLineOption m_home;
    QCommandLineOption m_demo;
    QCommandLineOption m_logLevel;
};

// Resolves the data folder (creating the demo workspace on first use with --demo) and starts logging.
// Prints the problem to stderr and returns false on failure.
bool prepareContext(const GlobalOptions& options, Context* context);

// Opens the context's database; prints the problem to stderr and returns false on failure.
bool openDatabase(const Context& context, Database& db);

// prepareContext then openDatabase: what a command that works on the data folder does first.
bool openWorkspace(const GlobalOptions& options, Database& db);

void printOut(const QString& text); // stdout, UTF-8, as is
void printErr(const QString& text); // stderr, UTF-8, with "caseyos: " in front and a newline
void printJson(const QJsonValue& value); // compact JSON (one line) + newline on stdout

// Local-time display of an instant ("2026-11-25 10:00"), or `none` when invalid.
QString localTime(const QDateTime& value, const QString& none = QStringLiteral("—"));

// The width a string takes in a terminal column (code points; good enough for Latin scripts and dashes).
QString padRight(const QString& text, int width);
QString padLeft(const QString& text, int width);
QString elide(const QString& text, int width);

// Commands (one file each).
int runIngest(const QStringList& arguments);
int runToday(const QStringList& arguments);
int runMove(const QStringList& arguments);
int runHealth(const QStringList& arguments);

} // namespace caseyos::cli
