// caseyos ask TEXT... [--json]: one turn with Jarvis, as in the chat pane — the same worker, so the same
// intents offline ("what's up", "accept the top move", "Dana replied", …) and, when Jarvis is set to use a
// language model (caseyos jarvis config), the same model with the same tools; carried out on the workspace
// and remembered.
#include "Cli.h"
#include "CliCommon.h"
#include "CliAccounts.h"
#include "core/Clock.h"
#include "jarvis/JarvisWorker.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

int runAsk(const QStringList& arguments)
{
    CommandParser command(u"ask"_s,
        u"Ask Jarvis. It answers from your data and can act on moves (accept, dismiss, snooze, complete),\n"
        "record outcomes and save drafts; it never sends. Offline by default (no account or network\n"
        "needed); with a language model set up (caseyos jarvis config) that model answers, with the same\n"
        "tools. Say \"help\" for what the offline assistant understands."_s,
        u"TEXT..."_s);
    const QCommandLineOption json(
        u"json"_s, u"Print JSON: intent (offline answers), answer (Markdown), failed, changed moves."_s);
    command.addOption(json);
    int exitCode = ExitOk;
    if (!command.parse(arguments, &exitCode))
        return exitCode;
    const QString text = command.positional().join(u' ').trimmed();
    if (text.isEmpty()) {
        printErr(u"usage: caseyos ask TEXT... (e.g. caseyos ask \"what's up\")"_s);
        return ExitUsage;
    }
    Context context;
    if (!prepareContext(command.globals(), &context))
        return ExitFailure;
    const Clock& clock = SystemClock::instance();
    const CliAccounts accounts = cliAccounts(context);
    const jarvis::LlmConfig config = accounts.llmConfig();
    JarvisWorker worker(context.databasePath, clock);
    std::optional<jarvis::AssistantReply> reply;
    QObject::connect(&worker, &JarvisWorker::answered, &worker,
        [&reply](qint64, const jarvis::AssistantReply& answer, const QList<MoveRow>&) {
            reply = answer;
            QCoreApplication::exit(0);
        });
    QMetaObject::invokeMethod(&worker, [&] { worker.ask(1, text, config); }, Qt::QueuedConnection);
    QCoreApplication::exec();
    if (!reply) {
        printErr(u"Jarvis did not answer."_s);
        return ExitFailure;
    }
    if (command.parser().isSet(json)) {
        QJsonArray changed;
        for (qint64 id : reply->changedMoves)
            changed.append(id);
        printJson(QJsonObject { { u"intent"_s, jarvis::toString(reply->intent.kind) },
            { u"answer"_s, reply->markdown }, { u"failed"_s, reply->failed }, { u"changed_moves"_s, changed } });
    } else {
        printOut(reply->markdown + u'\n');
    }
    return reply->failed ? ExitFailure : ExitOk;
}

} // namespace caseyos::cli
