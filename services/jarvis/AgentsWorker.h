#pragma once

#include "accounts/Account.h"
#include "accounts/TokenStore.h"
#include "agents/AgentRunRepository.h"
#include "agents/AgentRunner.h"
#include "core/Clock.h"
#include "jarvis/LlmTurn.h"
#include "moves/MoveRow.h"
#include "net/HttpClient.h"

#include <QPointer>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <memory>

namespace caseyos {

class Database;
class TokenStore;

// What the UI hands a run beyond the agent and its input (read on the UI thread at each run, like Jarvis's
// settings): the language model for the agents' prose, and the accounts whose Google Calendar gives live
// free/busy to the slot finders. Empty: the run stays local.
struct AgentRunAccess
{
    jarvis::LlmConfig llm;
    QList<Account> accounts;
    QPointer<TokenStore> tokens; // asked on its own thread (requestAccessToken)
};

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
// (ENGINEERING.md §Threads): lists each agent's newest run and runs an agent through jarvis::runAgent — the
// live calendar and the model where the access allows them, then AgentRunner's proposals and the stored run.
// AgentsClient posts to its slots; answers are signals. A run waiting for the calendar or the model when the
// thread ends is dropped, as if never asked.
class AgentsWorker : public QObject
{
    Q_OBJECT
public:
    AgentsWorker(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~AgentsWorker() override;

public Q_SLOTS:
    void list(); // → listed, or failed
    void run(quint64 requestId, const QString& agent, const QJsonObject& input,
        const caseyos::AgentRunAccess& access = {}); // → runStarted, runFinished

Q_SIGNALS:
    // The newest run of every agent that has run (agents that never ran are not in the list).
    void listed(const QList<caseyos::AgentLastRun>& runs);
    void runStarted(quint64 requestId, const QString& agent);
    void runFinished(const caseyos::AgentRunReport& report);
    void failed(const QString& message); // the runs could not be listed

private:
    bool ensureOpen(QString* error);
    QList<MoveRow> movesOf(const AgentRunRecord& record, QString* error) const;
    void finishRun(AgentRunReport report, const Result<AgentRunOutcome>& outcome);

    QString m_databasePath;
    const Clock& m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HttpClient> m_http; // made on the worker's thread, where its network manager must live
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::AgentLastRun)
Q_DECLARE_METATYPE(caseyos::AgentRunReport)
