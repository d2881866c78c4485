#pragma once

#include "jarvis/AgentsWorker.h"
#include "core/Clock.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QThread>
#include <functional>

namespace caseyos {

// The UI-thread side of the agents: an AgentsWorker on a thread of its own named "agents", reached by queued
// calls; the worker's signals are re-emitted here. A run reads the whole workspace and may take a while on a
// large one: on its own thread it holds up neither the window nor the storage thread's move actions (its few
// writes wait for SQLite's lock like the executor's). Nothing here waits, except the destructor, which lets a
// run in progress finish and keep its result.
class AgentsClient : public QObject
{
    Q_OBJECT
public:
    // Read on this thread at each run, so a changed model or a newly connected calendar applies to the next one.
    using AccessSource = std::function<AgentRunAccess()>;

    AgentsClient(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~AgentsClient() override;

    void setAccessSource(AccessSource source) { m_access = std::move(source); } // empty: runs stay local
    void list(); // → listed, or failed
    quint64 run(
        const QString& agent, const QJsonObject& input = {}); // the request's id → runStarted, runFinished

    QThread* workerThread() { return &m_thread; }
    // For tests that watch the worker's own signals (a direct connection runs on the worker's thread).
    const AgentsWorker* worker() const { return m_worker; }

Q_SIGNALS:
    void listed(const QList<caseyos::AgentLastRun>& runs);
    void runStarted(quint64 requestId, const QString& agent);
    void runFinished(const caseyos::AgentRunReport& report);
    void failed(const QString& message);

private:
    template<typename Fn> void post(Fn&& fn);
    AccessSource m_access;

    QThread m_thread;
    AgentsWorker* m_worker = nullptr;
    quint64 m_nextRequest = 0;
};

} // namespace caseyos
