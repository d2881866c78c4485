#pragma once

#include "agents/AgentTypes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace caseyos {

class Database;

// One stored run (0008_agents.sql agent_runs).
struct AgentRunRecord
{
    qint64 id = 0;
    QString agent;
    QString domain;
    AgentStatus status = AgentStatus::Ok;
    QString summary;
    QJsonObject input;
    QJsonObject result; // agentResultToJson plus created_move_ids and already_proposed
    int movesCreated = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
};

QJsonObject agentRunToJson(const AgentRunRecord& run);

// agent_runs and agent_proposals. Synchronous, on the thread that owns the Database; errors as text.
class AgentRunRepository
{
public:
    explicit AgentRunRepository(Database& db);

    bool insertRun(AgentRunRecord& run, QString* error); // writes the new id into `run`
    // The newest run of each agent that has run, by agent name.
    QList<AgentRunRecord> latestRuns(QString* error) const;
    std::optional<AgentRunRecord> latestRun(const QString& agent, QString* error) const;

    bool wasProposed(const QString& agent, const QString& subject, QString* error) const;
    bool recordProposal(const QString& agent, const QString& subject, qint64 moveId, const QDateTime& at,
        QString* error); // inside the move's creating transaction

private:
    Database& m_db;
};

} // namespace caseyos
