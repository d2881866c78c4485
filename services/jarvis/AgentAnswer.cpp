#include "jarvis/AgentAnswer.h"

#include "agents/AgentRunner.h"
#include "jarvis/ReplyText.h"

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {
constexpr int kFindingsShown = 5;
}

AssistantReply agentAnswer(Database& db, const Clock& clock, const QString& agentKey)
{
    AssistantReply reply;
    reply.intent.kind = IntentKind::RunAgent;
    reply.intent.agent = agentKey;
    const Result<AgentRunOutcome> run = AgentRunner(db, clock).run(agentKey);
    if (!run) {
        reply.failed = true;
        reply.markdown = run.error();
        return reply;
    }
    const AgentResult& result = run.value().result;
    reply.failed = result.status == AgentStatus::Failed;
    reply.markdown = u"**%1** (%2): %3"_s.arg(agentKey, toString(result.status), markdownEscaped(result.summary));
    for (qsizetype i = 0; i < result.findings.size() && i < kFindingsShown; ++i) {
        const Finding& f = result.findings[i];
        reply.markdown += u"\n- %1%2"_s.arg(f.severity.isEmpty() ? QString() : u"*"_s + f.severity + u"* "_s,
            markdownEscaped(f.text));
    }
    if (result.findings.size() > kFindingsShown)
        reply.markdown += u"\n- … and %1 more"_s.arg(result.findings.size() - kFindingsShown);
    if (!run.value().created.isEmpty()) {
        reply.markdown += u"\n\nAdded to Today's Moves:"_s;
        for (const Move& move : run.value().created) {
            reply.markdown += u"\n- "_s + moveLink(move);
            reply.citations.append({ Citation::Kind::Move, move.id, move.title });
            reply.changedMoves.append(move.id);
        }
    }
    return reply;
}

} // namespace caseyos::jarvis
