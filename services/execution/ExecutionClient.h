#pragma once

#include "core/Clock.h"
#include "execution/ExecutionReader.h"
#include "execution/ExecutionWorker.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace caseyos {

// The UI-thread side of the executor: an ExecutionWorker and an ExecutionReader on a thread of their own named
// "execution" (a send's outbox timer and the performers' network replies live there; the storage thread's
// moves never wait behind them). Calls are forwarded as queued invocations and answers come back as signals;
// requests that are answered individually get an id, so a caller can drop the answers it no longer wants.
// Nothing here waits, except the destructor, which lets the call being handled finish.
class ExecutionClient : public QObject
{
    Q_OBJECT
public:
    // `audit` is called on the execution thread (executionAuditSinkFor opens its connection there).
    ExecutionClient(QString databasePath, const Clock& clock, PerformerSetup performers,
        Executor::AuditSink audit = {}, QObject* parent = nullptr);
    ~ExecutionClient() override;

    void start(); // once the workspace's migrations have run → ready(killSwitch)
    quint64 submit(const ExecuteRequest& request); // → submitted(id, …)
    void undo(qint64 executionId); // → undone or undoRefused
    void undoNewest();
    void setKillSwitch(bool on); // → killSwitchChanged or error
    void handOverApproved(); // approved MCP calls not run yet → the executor (→ approvalsHandedOver)
    quint64 loadDraft(qint64 moveId); // → draftLoaded(id, …)
    quint64 loadHistory(qint64 moveId); // → historyLoaded(id, …)
    void loadRows(const QList<qint64>& moveIds); // → rowsLoaded
    quint64 loadLimits(); // → limitsLoaded(id, …): the caps, undo window and unsubscribe policy
    quint64 saveLimits(const ExecutionLimits& limits); // → limitsSaved(id, error); the kill switch stays

    bool isReady() const { return m_ready; }
    bool killSwitch() const { return m_killSwitch; } // as last reported
    QThread* workerThread() { return &m_thread; }

Q_SIGNALS:
    void ready(bool killSwitchOn);
    void submitted(quint64 requestId, const caseyos::SubmitResult& result);
    void queued(qint64 executionId, const QDateTime& dueAt);
    void started(qint64 executionId);
    void finished(const caseyos::ExecutionRecord& record);
    void failed(const caseyos::ExecutionRecord& record);
    void undone(const caseyos::ExecutionRecord& record);
    void undoRefused(qint64 executionId, const QString& message);
    void killSwitchChanged(bool on);
    void approvalsHandedOver(int handedOver, int refused);
    void error(const QString& message);
    void draftLoaded(quint64 requestId, const caseyos::ExecutionDraft& draft);
    void historyLoaded(quint64 requestId, qint64 moveId, const QList<caseyos::ExecutionRecord>& records);
    void rowsLoaded(const QList<caseyos::MoveRow>& rows);
    void limitsLoaded(quint64 requestId, const caseyos::ExecutionLimits& limits, const QString& error);
    void limitsSaved(quint64 requestId, const QString& error); // empty: stored

private:
    template<typename Fn> void post(QObject* target, Fn&& fn);

    QThread m_thread;
    ExecutionWorker* m_worker = nullptr;
    ExecutionReader* m_reader = nullptr;
    quint64 m_nextRequest = 0;
    bool m_ready = false;
    bool m_killSwitch = false;
};

} // namespace caseyos
