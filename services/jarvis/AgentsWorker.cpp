#include "jarvis/AgentsWorker.h"

#include "agents/AgentRunner.h"
#include "jarvis/AgentRun.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

#include <QHash>
#include <QJsonArray>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QList<qint64> runMoveIds(const AgentRunRecord& record)
{
    QList<qint64> ids;
    for (const QJsonValue& id : record.result.value(u"created_move_ids"_s).toArray())
        if (id.toInteger() > 0)
            ids.append(id.toInteger());
    return ids;
}

// MoveRepository::rows answers in rank order; a run's moves are shown in the order the agent proposed them.
QList<MoveRow> inIdOrder(const QList<qint64>& ids, const QHash<qint64, MoveRow>& rows)
{
    QList<MoveRow> ordered;
    for (qint64 id : ids)
        if (const auto it = rows.constFind(id); it != rows.cend())
            ordered.append(*it);
    return ordered;
}

} // namespace

AgentsWorker::AgentsWorker(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
{
    setObjectName(u"agentsWorker"_s);
}

AgentsWorker::~AgentsWorker() = default;

bool AgentsWorker::ensureOpen(QString* error)
{
    if (m_db)
        return true;
    auto db = std::make_unique<Database>();
    if (!db->open(m_databasePath, error))
        return false;
    m_db = std::move(db);
    return true;
}

QList<MoveRow> AgentsWorker::movesOf(const AgentRunRecord& record, QString* error) const
{
    const QList<qint64> ids = runMoveIds(record);
    if (ids.isEmpty())
        return {};
    QHash<qint64, MoveRow> byId;
    for (const MoveRow& row : MoveRepository(*m_db).rows(ids, error))
        byId.insert(row.id, row);
    return inIdOrder(ids, byId);
}

void AgentsWorker::list()
{
    QString error;
    if (!ensureOpen(&error)) {
        Q_EMIT failed(u"Cannot open the database for the agents: "_s + error);
        return;
    }
    const QList<AgentRunRecord> records = AgentRunRepository(*m_db).latestRuns(&error);
    if (!error.isEmpty()) {
        Q_EMIT failed(u"Cannot read the agents' runs: "_s + error);
        return;
    }
    // Every run's moves in one query: the view lists all 31 agents at once.
    QList<qint64> allIds;
    for (const AgentRunRecord& record : records)
        allIds += runMoveIds(record);
    QHash<qint64, MoveRow> byId;
    if (!allIds.isEmpty())
        for (const MoveRow& row : MoveRepository(*m_db).rows(allIds, &error))
            byId.insert(row.id, row);
    if (!error.isEmpty()) {
        Q_EMIT failed(u"Cannot read the agents' moves: "_s + error);
        return;
    }
    QList<AgentLastRun> runs;
    runs.reserve(records.size());
    for (const AgentRunRecord& record : records)
        runs.append({ record, inIdOrder(runMoveIds(record), byId) });
    Q_EMIT listed(runs);
}

void AgentsWorker::run(quint64 requestId, const QString& agent, const QJsonObject& input, const AgentRunAccess& access)
{
    AgentRunReport report;
    report.requestId = requestId;
    report.agent = agent;
    QString error;
    if (!ensureOpen(&error)) {
        report.error = u"Cannot open the database for the agents: "_s + error;
        Q_EMIT runFinished(report);
        return;
    }
    Q_EMIT runStarted(requestId, agent);
    if (!m_http)
        m_http = std::make_unique<HttpClient>(m_clock);
    jarvis::AgentRunSetup setup
        = jarvis::agentRunSetup(*m_http, access.accounts, access.tokens.data(), access.llm.key, QSettings(), m_clock);
    setup.llm = access.llm; // the settings as the UI read them for this run
    jarvis::runAgent(*m_db, m_clock, *m_http, setup, agent, input, this,
        [this, report](const Result<AgentRunOutcome>& outcome) { finishRun(report, outcome); });
}

void AgentsWorker::finishRun(AgentRunReport report, const Result<AgentRunOutcome>& outcome)
{
    QString error;
    if (!outcome) {
        report.error = outcome.error();
        Q_EMIT runFinished(report);
        return;
    }
    report.run.record = outcome.value().record;
    report.alreadyProposed = outcome.value().alreadyProposed;
    // The created moves as the list shows them (source, components), for the moves list and the links.
    report.run.moves = movesOf(report.run.record, &error);
    if (!error.isEmpty())
        report.error = u"The run was kept, but its moves could not be read: "_s + error;
    Q_EMIT runFinished(report);
}

} // namespace caseyos
