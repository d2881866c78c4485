#include "agents/AgentRunRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr auto kAgentRunColumns
    = "id, agent, domain, status, summary, input, result, moves_created, started_at, finished_at";

AgentRunRecord readRun(const QSqlQuery& q)
{
    AgentRunRecord r;
    r.id = q.value(0).toLongLong();
    r.agent = q.value(1).toString();
    r.domain = q.value(2).toString();
    r.status = agentStatusFromString(q.value(3).toString()).value_or(AgentStatus::Failed);
    r.summary = q.value(4).toString();
    r.input = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    r.result = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    r.movesCreated = q.value(7).toInt();
    r.startedAt = fromEpochMs(q.value(8).toLongLong());
    r.finishedAt = fromEpochMs(q.value(9).toLongLong());
    return r;
}

} // namespace

QJsonObject agentRunToJson(const AgentRunRecord& run)
{
    return { { u"id"_s, run.id }, { u"agent"_s, run.agent }, { u"domain"_s, run.domain },
        { u"status"_s, toString(run.status) }, { u"summary"_s, run.summary }, { u"input"_s, run.input },
        { u"result"_s, run.result }, { u"moves_created"_s, run.movesCreated },
        { u"started_at"_s, toIsoUtc(run.startedAt) }, { u"finished_at"_s, toIsoUtc(run.finishedAt) } };
}

AgentRunRepository::AgentRunRepository(Database& db)
    : m_db(db)
{
}

bool AgentRunRepository::insertRun(AgentRunRecord& run, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(
        u"INSERT INTO agent_runs (agent, domain, status, summary, input, result, moves_created, started_at, "
        "finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant& v : { QVariant(run.agent), QVariant(run.domain), QVariant(toString(run.status)),
             QVariant(textValue(run.summary)), QVariant(jsonText(run.input)), QVariant(jsonText(run.result)),
             QVariant(run.movesCreated), QVariant(toEpochMs(run.startedAt)),
             QVariant(toEpochMs(run.finishedAt)) })
        q.addBindValue(v);
    if (!q.exec())
        return setError(error, q);
    run.id = q.lastInsertId().toLongLong();
    return true;
}

QList<AgentRunRecord> AgentRunRepository::latestRuns(QString* error) const
{
    QSqlQuery q(m_db.sql());
    QList<AgentRunRecord> runs;
    // The newest run per agent: the highest id, as ids grow with time.
    if (!q.exec(u"SELECT %1 FROM agent_runs WHERE id IN (SELECT MAX(id) FROM agent_runs GROUP BY agent) "
                "ORDER BY agent"_s.arg(QLatin1StringView(kAgentRunColumns)))) {
        setError(error, q);
        return runs;
    }
    while (q.next())
        runs.append(readRun(q));
    return runs;
}

std::optional<AgentRunRecord> AgentRunRepository::latestRun(const QString& agent, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT %1 FROM agent_runs WHERE agent = ? ORDER BY id DESC LIMIT 1"_s.arg(
        QLatin1StringView(kAgentRunColumns)));
    q.addBindValue(agent);
    if (!q.exec()) {
        setError(error, q);
        return std::nullopt;
    }
    return q.next() ? std::optional<AgentRunRecord>(readRun(q)) : std::nullopt;
}

bool AgentRunRepository::wasProposed(const QString& agent, const QString& subject, QString* error) const
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"SELECT 1 FROM agent_proposals WHERE agent = ? AND subject = ?"_s);
    q.addBindValue(agent);
    q.addBindValue(subject);
    if (!q.exec())
        return setError(error, q);
    return q.next();
}

bool AgentRunRepository::recordProposal(
    const QString& agent, const QString& subject, qint64 moveId, const QDateTime& at, QString* error)
{
    QSqlQuery q(m_db.sql());
    q.prepare(u"INSERT INTO agent_proposals (agent, subject, move_id, created_at) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(agent);
    q.addBindValue(subject);
    q.addBindValue(moveId);
    q.addBindValue(toEpochMs(at));
    return q.exec() || setError(error, q);
}

} // namespace caseyos
