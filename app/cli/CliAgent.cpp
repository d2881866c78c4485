// caseyos agent list [--json] | agent run NAME [--input JSON] [--text-file FILE] [--json]: the agents of
// PRODUCT.md §6 without the window. A run's prose (talking points, a tailored draft, …) is written by the
// language model of `caseyos jarvis config` when agents may use it (jarvis/AgentModelStep).
#include "Cli.h"
#include "CliCommon.h"
#include "CliAccounts.h"
#include "agents/AgentRegistry.h"
#include "agents/AgentRunner.h"
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "jarvis/AgentRun.h"
#include "net/HttpClient.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QSettings>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

namespace {

QString needsText(const AgentNeeds& needs)
{
    QStringList parts;
    if (!needs.data.isEmpty())
        parts << needs.data.join(u", "_s);
    if (!needs.account.isEmpty())
        parts << u"account: "_s + needs.account;
    if (needs.model)
        parts << u"language model"_s;
    return parts.join(u"; "_s);
}

int listAgents(const CommandParser& command, bool json)
{
    Database db;
    if (!openWorkspace(command.globals(), db))
        return ExitFailure;
    QString error;
    QHash<QString, AgentRunRecord> last;
    for (const AgentRunRecord& run : AgentRunRepository(db).latestRuns(&error))
        last.insert(run.agent, run);
    if (!error.isEmpty()) {
        printErr(error);
        return ExitFailure;
    }
    const QList<AgentDefinition>& agents = AgentRegistry::instance().all();
    if (json) {
        QJsonArray array;
        for (const AgentDefinition& a : agents) {
            QJsonObject o = agentInfoToJson(a.info);
            const auto it = last.constFind(a.info.name);
            o.insert(u"last_run"_s,
                it == last.cend()
                    ? QJsonValue()
                    : QJsonValue(QJsonObject { { u"id"_s, it->id }, { u"status"_s, toString(it->status) },
                        { u"summary"_s, it->summary }, { u"moves_created"_s, it->movesCreated },
                        { u"finished_at"_s, toIsoUtc(it->finishedAt) } }));
            array.append(o);
        }
        printJson(array);
        return ExitOk;
    }
    QString text;
    for (AgentDomain domain : allAgentDomains()) {
        text += toString(domain) + u'\n';
        for (const AgentDefinition& a : agents) {
            if (a.info.domain != domain)
                continue;
            const auto it = last.constFind(a.info.name);
            text += u"  "_s + padRight(a.info.name, 24) + u"  "_s + elide(a.info.description, 90) + u'\n';
            text += u"  "_s + padRight(QString(), 24) + u"  needs: "_s + needsText(a.info.needs);
            if (it != last.cend())
                text += u" · last run "_s + localTime(it->finishedAt) + u' ' + toString(it->status);
            text += u'\n';
        }
    }
    printOut(text);
    return ExitOk;
}

void printRun(const AgentRunOutcome& outcome)
{
    const AgentResult& r = outcome.result;
    QString text = u"%1 (%2): %3\n"_s.arg(outcome.record.agent, toString(r.status), r.summary);
    for (const Finding& f : r.findings)
        text += u"  ["_s + f.severity + u"] "_s + f.text + u'\n';
    if (!outcome.created.isEmpty()) {
        text += u"Proposed %1:\n"_s.arg(
            outcome.created.size() == 1 ? u"1 move"_s : u"%1 moves"_s.arg(outcome.created.size()));
        for (const Move& m : outcome.created)
            text += u"  "_s + padLeft(QString::number(m.id), 5) + u"  "_s
                + padLeft(QString::number(m.aps, 'f', 2), 6) + u"  "_s + elide(m.title, 80) + u'\n';
    }
    if (outcome.alreadyProposed > 0)
        text += u"%1 already proposed before.\n"_s.arg(
            outcome.alreadyProposed == 1 ? u"1 move was"_s : u"%1 moves were"_s.arg(outcome.alreadyProposed));
    // Outputs that are documents (a proposal, a draft) are printed whole: that is what the user asked for.
    for (const QString& key : { u"markdown"_s, u"body"_s, u"model_text"_s })
        if (r.output.value(key).isString())
            text += u'\n'
                + (key == u"body"_s ? u"Subject: "_s + r.output.value(u"subject"_s).toString() + u"\n\n"_s
                                    : QString())
                + r.output.value(key).toString() + u'\n';
    printOut(text);
}

int runAgentCommand(const CommandParser& command, const QString& name, const QString& inputText,
    const QString& textFile, bool json)
{
    QJsonObject input;
    if (!inputText.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(inputText.toUtf8(), &parseError);
        if (!doc.isObject()) {
            printErr(u"--input must be a JSON object (%1)"_s.arg(parseError.errorString()));
            return ExitUsage;
        }
        input = doc.object();
    }
    if (!textFile.isEmpty()) {
        QFile file(textFile);
        if (!file.open(QIODevice::ReadOnly)) {
            printErr(u"cannot read %1: %2"_s.arg(textFile, file.errorString()));
            return ExitFailure;
        }
        input.insert(u"text"_s, QString::fromUtf8(file.readAll()));
    }
    if (!AgentRegistry::instance().find(name)) {
        printErr(u"unknown agent \"%1\" (agents: %2)"_s.arg(
            name, AgentRegistry::instance().names().join(u", "_s)));
        return ExitUsage;
    }
    Database db;
    Context context;
    if (!openWorkspace(command.globals(), db, &context))
        return ExitFailure;
    const Clock& clock = SystemClock::instance();
    const CliAccounts accounts = cliAccounts(context);
    HttpClient http(clock);
    const jarvis::AgentRunSetup setup = jarvis::agentRunSetup(
        http, accounts.accounts, accounts.tokens(), accounts.llmConfig().key, QSettings(), clock);
    std::optional<Result<AgentRunOutcome>> ended;
    QObject scope;
    jarvis::runAgent(db, clock, http, setup, name, input, &scope,
        [&ended](Result<AgentRunOutcome> outcome) {
            ended = std::move(outcome);
            QCoreApplication::exit(0);
        });
    if (!ended) // the model is writing
        QCoreApplication::exec();
    if (!ended) {
        printErr(u"the agent run did not finish"_s);
        return ExitFailure;
    }
    const Result<AgentRunOutcome>& result = *ended;
    if (!result) {
        printErr(result.error());
        return ExitFailure;
    }
    if (json)
        printJson(agentRunToJson(result.value().record));
    else
        printRun(result.value());
    // A run that could not do its job (no model, no account, no input) still ran and was kept: success. Only
    // a failed agent is a failure.
    return result.value().result.status == AgentStatus::Failed ? ExitFailure : ExitOk;
}

} // namespace

int runAgent(const QStringList& arguments)
{
    CommandParser command(u"agent"_s,
        u"List the agents, or run one on CaseyOS's data. A run keeps its result and adds the moves it "
        u"proposes\n"
        "to Today's Moves (each once, ever, per agent and subject)."_s,
        u"list | run NAME"_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON."_s);
    const QCommandLineOption input(u"input"_s, u"run: the agent's parameters as a JSON object."_s, u"JSON"_s);
    const QCommandLineOption textFile(
        u"text-file"_s, u"run: a file whose text becomes the \"text\" parameter."_s, u"FILE"_s);
    command.addOption(json);
    command.addOption(input);
    command.addOption(textFile);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QStringList args = command.positional();
    const QString action = args.value(0, u"list"_s);
    if (action == u"list"_s && args.size() <= 1)
        return listAgents(command, command.parser().isSet(json));
    if (action == u"run"_s && args.size() == 2)
        return runAgentCommand(command, args.at(1), command.parser().value(input),
            command.parser().value(textFile), command.parser().isSet(json));
    if (action == u"run"_s && args.size() < 2)
        printErr(u"agent run needs an agent name (agents: %1)"_s.arg(
            AgentRegistry::instance().names().join(u", "_s)));
    else
        printErr(
            u"usage: caseyos agent list [--json] | caseyos agent run NAME [--input JSON] [--text-file FILE] [--json]"_s);
    return ExitUsage;
}

} // namespace caseyos::cli
