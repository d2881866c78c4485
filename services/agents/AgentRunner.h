#pragma once

#include "agents/Agent.h"
#include "agents/AgentRunRepository.h"
#include "core/Result.h"
#include "scoring/ApsCalculator.h"

#include <QList>

namespace caseyos {

class Database;

struct AgentRunOutcome
{
    AgentRunRecord record; // as stored
    AgentResult result;
    QList<Move> created; // the moves this run added to the queue
    int alreadyProposed = 0; // proposals skipped because this agent proposed that subject before
};

// Runs an agent on the app's data and keeps the run: loads the WorkspaceSnapshot, calls the agent, adds each
// proposed move through MoveService (source "agent", action_context naming the agent, subject and evidence)
// unless the agent proposed that subject before, and stores the run in agent_runs. Synchronous, on the thread
// that owns the Database (the CLI's, or a worker's).
class AgentRunner
{
public:
    AgentRunner(Database& db, const Clock& clock, ApsWeights weights = {});

    // Unknown name: a failure whose message lists the agents.
    Result<AgentRunOutcome> run(const QString& name, const QJsonObject& input = {});
    Result<AgentRunOutcome> run(
        const AgentDefinition& agent, const WorkspaceSnapshot& data, const QJsonObject& input = {});

    // run() in its two halves, for a caller that adds a step between them (a language model writing the
    // part of the result that is prose, jarvis/AgentModelStep): the agent's answer, and then its moves
    // proposed and the run stored.
    AgentResult evaluate(const AgentDefinition& agent, const WorkspaceSnapshot& data, const QJsonObject& input);
    Result<AgentRunOutcome> commit(
        const AgentDefinition& agent, const QJsonObject& input, AgentResult result, const QDateTime& startedAt);

private:
    Database& m_db;
    const Clock& m_clock;
    ApsWeights m_weights;
};

} // namespace caseyos
