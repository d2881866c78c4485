#include "agents/AgentRunner.h"

#include "agents/AgentRegistry.h"
#include "agents/SnapshotLoader.h"
#include "moves/MoveService.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QSet>
#include <exception>

using namespace Qt::StringLiterals;

namespace caseyos {

AgentRunner::AgentRunner(Database& db, const Clock& clock, ApsWeights weights)
    : m_db(db)
    , m_clock(clock)
    , m_weights(weights)
{
}

Result<AgentRunOutcome> AgentRunner::run(const QString& name, const QJsonObject& input)
{
    const AgentDefinition* agent = AgentRegistry::instance().find(name.trimmed());
    if (!agent)
        return Result<AgentRunOutcome>::failure(u"No agent named \"%1\". Agents: %2"_s.arg(
            name.trimmed(), AgentRegistry::instance().names().join(u", "_s)));
    Result<WorkspaceSnapshot> data = loadWorkspaceSnapshot(m_db);
    if (!data)
        return Result<AgentRunOutcome>::failure(u"Could not read the workspace: "_s + data.error());
    return run(*agent, data.value(), input);
}

Result<AgentRunOutcome> AgentRunner::run(
    const AgentDefinition& agent, const WorkspaceSnapshot& data, const QJsonObject& input)
{
    const QDateTime startedAt = m_clock.now();
    return commit(agent, input, evaluate(agent, data, input), startedAt);
}

AgentResult AgentRunner::evaluate(const AgentDefinition& agent, const WorkspaceSnapshot& data, const QJsonObject& input)
{
    // Agents are pure and do not throw by design; a bug in one must still end as a stored failed run, not
    // take the CLI or a worker thread down.
    try {
        return agent.run(AgentContext { data, m_clock, input });
    } catch (const std::exception& e) {
        return AgentResult::needs(AgentStatus::Failed, u"The agent failed: "_s + QString::fromUtf8(e.what()));
    }
}

Result<AgentRunOutcome> AgentRunner::commit(
    const AgentDefinition& agent, const QJsonObject& input, AgentResult result, const QDateTime& startedAt)
{
    AgentRunOutcome outcome;
    AgentRunRecord& record = outcome.record;
    record.agent = agent.info.name;
    record.domain = toString(agent.info.domain);
    record.input = input;
    record.startedAt = startedAt;
    outcome.result = std::move(result);

    AgentRunRepository runs(m_db);
    MoveService moves(m_db, m_clock, m_weights);
    QSet<QString> seen;
    QJsonArray createdIds;
    QString error;
    for (const ProposedMove& p : std::as_const(outcome.result.moves)) {
        if (seen.contains(p.subject))
            continue;
        seen.insert(p.subject);
        error.clear();
        const bool before = runs.wasProposed(agent.info.name, p.subject, &error);
        if (!error.isEmpty())
            return Result<AgentRunOutcome>::failure(error);
        if (before) {
            ++outcome.alreadyProposed;
            continue;
        }
        Move draft = p.draft;
        // The move names its agent and evidence where the detail view and `move show` read it.
        QJsonObject context = draft.actionContext;
        context.insert(u"agent"_s, agent.info.name);
        context.insert(u"agent_domain"_s, record.domain);
        context.insert(u"agent_subject"_s, p.subject);
        context.insert(u"agent_evidence"_s, p.evidence);
        draft.actionContext = context;
        const QString by = u"Proposed by the %1 agent."_s.arg(agent.info.name);
        draft.description = draft.description.isEmpty() ? by : draft.description + u"\n\n"_s + by;
        const Result<Move> created = moves.create(
            draft, p.components, u"agent"_s, [&](const Move& move, QString* writeError) {
                return runs.recordProposal(agent.info.name, p.subject, move.id, record.startedAt, writeError);
            });
        if (!created)
            return Result<AgentRunOutcome>::failure(
                u"Could not add the move \"%1\": %2"_s.arg(draft.title, created.error()));
        outcome.created.append(created.value());
        createdIds.append(created.value().id);
    }

    record.status = outcome.result.status;
    record.summary = outcome.result.summary;
    record.result = agentResultToJson(outcome.result);
    record.result.insert(u"created_move_ids"_s, createdIds);
    record.result.insert(u"already_proposed"_s, outcome.alreadyProposed);
    record.movesCreated = int(outcome.created.size());
    record.finishedAt = m_clock.now();
    error.clear();
    if (!runs.insertRun(record, &error))
        return Result<AgentRunOutcome>::failure(u"Could not store the run: "_s + error);
    return Result<AgentRunOutcome>::success(std::move(outcome));
}

} // namespace caseyos
