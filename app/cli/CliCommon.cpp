#include "CliCommon.h"

#include "core/Clock.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "workspace/DemoWorkspace.h"
#include "workspace/Paths.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

CommandParser::CommandParser(const QString& command, const QString& description,
    const QString& usageArguments, const QString& argumentsHelp)
    : m_command(command)
    , m_help(QStringList { u"h"_s, u"help"_s }, u"Show this help."_s)
    , m_home(u"home"_s, u"Data folder (default: $CASEYOS_HOME, else the user's application data folder)."_s,
          u"DIR"_s)
    , m_demo(u"demo"_s, u"Use the demo workspace (created on first use)."_s)
    , m_logLevel(u"log-level"_s, u"Log level: trace, debug, info, warn (default), error, critical, off."_s,
          u"LEVEL"_s, u"warn"_s)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(m_help);
    m_parser.addOption(m_home);
    m_parser.addOption(m_demo);
    m_parser.addOption(m_logLevel);
    m_parser.addPositionalArgument(command, argumentsHelp.isEmpty() ? u"The command."_s : argumentsHelp,
        usageArguments.isEmpty() ? command : command + u' ' + usageArguments);
}

bool CommandParser::parse(const QStringList& arguments, int* exitCode)
{
    if (!m_parser.parse(arguments)) {
        printErr(m_parser.errorText() + u"\nRun \"caseyos "_s + m_command + u" --help\" for usage."_s);
        *exitCode = ExitUsage;
        return false;
    }
    if (m_parser.isSet(m_help)) {
        printOut(m_parser.helpText());
        *exitCode = ExitOk;
        return false;
    }
    m_globals.home = m_parser.value(m_home);
    m_globals.demo = m_parser.isSet(m_demo);
    m_globals.logLevel = m_parser.value(m_logLevel).toLower();
    if (!isValidLogLevel(m_globals.logLevel)) {
        printErr(u"unknown log level \"%1\" (use trace, debug, info, warn, error, critical or off)"_s.arg(
            m_globals.logLevel));
        *exitCode = ExitUsage;
        return false;
    }
    return true;
}

QStringList CommandParser::positional() const
{
    return m_parser.positionalArguments().mid(1); // the first is the command's own name
}

bool prepareContext(const GlobalOptions& options, Context* context)
{
    const QString home = resolveHome(options.home);
    if (home.isEmpty()) {
        printErr(u"cannot find a data folder; use --home DIR or set CASEYOS_HOME"_s);
        return false;
    }
    context->home = home;
    context->logDirectory = logDirectory(home);
    QString error;
    LoggingOptions logging;
    logging.level = options.logLevel;
    logging.logDirectory = context->logDirectory;
    if (!initLogging(logging, &error)) {
        // A read-only data folder must not stop read-only commands: log to stderr only.
        logging.logDirectory.clear();
        context->logDirectory.clear();
        initLogging(logging, nullptr);
    }
    if (options.demo) {
        const QString path = ensureDemoWorkspace(home, SystemClock::instance(), &error);
        if (path.isEmpty()) {
            printErr(error);
            return false;
        }
        context->databasePath = path;
    } else {
        context->databasePath = databasePath(home);
    }
    return true;
}

bool openDatabase(const Context& context, Database& db)
{
    QString error;
    if (db.open(context.databasePath, &error))
        return true;
    printErr(error);
    return false;
}

bool openWorkspace(const GlobalOptions& options, Database& db)
{
    Context context;
    return prepareContext(options, &context) && openDatabase(context, db);
}

void printOut(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text)
{
    const QByteArray bytes = u"caseyos: "_s.toUtf8() + text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void printJson(const QJsonValue& value)
{
    QByteArray bytes;
    if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact) + '\n';
    else if (value.isObject())
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

QString localTime(const QDateTime& value, const QString& none)
{
    if (!value.isValid())
        return none;
    return value.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

QString padRight(const QString& text, int width)
{
    return text.leftJustified(width, u' ');
}

QString padLeft(const QString& text, int width)
{
    return text.rightJustified(width, u' ');
}

QString elide(const QString& text, int width)
{
    if (text.size() <= width)
        return text;
    return text.left(qMax(0, width - 1)) + u'…';
}

} // namespace caseyos::cli
