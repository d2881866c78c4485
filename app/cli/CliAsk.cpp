// caseyos ask TEXT... [--json]: one turn with Jarvis's offline provider — the same intents as the chat pane
// ("what's up", "accept the top move", "Dana replied", …), carried out on the workspace and remembered.
#include "Cli.h"
#include "CliCommon.h"
#include "core/Clock.h"
#include "jarvis/AgentAnswer.h"
#include "jarvis/MemoryAnswer.h"
#include "jarvis/OfflineAssistant.h"
#include "memory/MemoryStore.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::cli {

int runAsk(const QStringList& arguments)
{
    CommandParser command(u"ask"_s,
        u"Ask Jarvis (offline: no account or network needed). It answers from your data and can act on\n"
        "moves (accept, dismiss, snooze, complete), record outcomes and save drafts; it never sends.\n"
        "Say \"help\" for what it understands."_s,
        u"TEXT..."_s);
    const QCommandLineOption json(u"json"_s, u"Print JSON: intent, answer (Markdown), changed moves."_s);
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
    Database db;
    if (!openDatabase(context, db))
        return ExitFailure;
    const Clock& clock = SystemClock::instance();
    MemoryStore memory(db, clock);
    jarvis::OfflineAssistant assistant(db, clock);
    assistant.setMemorySearcher([&memory](const QString& query) { return jarvis::memoryAnswer(memory, query); });
    assistant.setAgentRunner([&db, &clock](const QString& key) { return jarvis::agentAnswer(db, clock, key); });
    const jarvis::AssistantReply reply = assistant.answer(text);
    // Both turns are remembered, like the pane's; a memory failure never hides the answer.
    const Result<MemoryMessage> asked = memory.remember(u"user"_s, text);
    const Result<MemoryMessage> answered = memory.remember(u"assistant"_s, reply.markdown);
    if (!asked || !answered)
        printErr(u"could not remember this turn: "_s + (asked ? answered.error() : asked.error()));
    if (command.parser().isSet(json)) {
        QJsonArray changed;
        for (qint64 id : reply.changedMoves)
            changed.append(id);
        printJson(QJsonObject { { u"intent"_s, jarvis::toString(reply.intent.kind) }, { u"answer"_s, reply.markdown },
            { u"failed"_s, reply.failed }, { u"changed_moves"_s, changed } });
    } else {
        printOut(reply.markdown + u'\n');
    }
    return reply.failed ? ExitFailure : ExitOk;
}

} // namespace caseyos::cli
