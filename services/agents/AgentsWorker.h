#pragma once

#include "agents/AgentRunRepository.h"
#include "core/Clock.h"
#include "moves/MoveRow.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <memory>

namespace caseyos {

class Database;

// An agent's newest run as the window shows it: the stored run and the moves it added, read again as list
// rows (id, title, status) so a move deleted since is not offered as a link.
struct AgentLastRun
{
    AgentRunRecord record;
    QList<MoveRow> moves;
};

// How a run asked of the worker ended. `error` is set when the run could not be done or kept (the database,
// an unknown agent); an agent that could not do its job (no model, no input) still ran: see record.status.
struct AgentRunReport
{
    quint64 requestId = 0;
    QString agent;
    QString error;
    AgentLastRun run;
    int alreadyProposed = 0; // proposals skipped because this agent proposed that subject before
};

// The agents for the window (PRODUCT.md §6), on a thread of its own with its own Database connection
// (ENGINEERING.md §Threads): lists each agent's newest run and runs an agent through AgentRunner, which reads
// the workspace, proposes moves and keeps the run. AgentsClient posts to its slots; answers are signals.
class AgentsWorker : public QObject
{
    Q_OBJECT
public:
    AgentsWorker(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~AgentsWorker() override;

public Q_SLOTS:
    void list(); // → listed, or failed
    void run(quint64 requestId, const QString& agent, const QJsonObject& input); // → runStarted, runFinished

Q_SIGNALS:
    // The newest run of every agent that has run (agents that never ran are not in the list).
    void listed(const QList<caseyos::AgentLastRun>& runs);
    void runStarted(quint64 requestId, const QString& agent);
    void runFinished(const caseyos::AgentRunReport& report);
    void failed(const QString& message); // the runs could not be listed

private:
    bool ensureOpen(QString* error);
    QList<MoveRow> movesOf(const AgentRunRecord& record, QString* error) const;

    QString m_databasePath;
    const Clock& m_clock;
    std::unique_ptr<Database> m_db;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::AgentLastRun)
Q_DECLARE_METATYPE(caseyos::AgentRunReport)
