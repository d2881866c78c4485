#pragma once

#include "core/Clock.h"
#include "execution/Executor.h"
#include "net/HttpClient.h"

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace caseyos {

class Database;

// Adds the performers the connected accounts allow (addGmailPerformers, addSlackPerformer, …) and the
// reasons for the others (PerformerRegistry::setUnavailable). Runs on the worker's thread, with its
// HttpClient.
using PerformerSetup = std::function<void(PerformerRegistry& registry, HttpClient& http)>;

// The executor on a thread of its own (ENGINEERING.md §Threads): create it, move it to a QThread, connect
// to its signals (queued connections), then invoke start(). It owns that thread's Database connection, the
// HttpClient, the performers and the Executor; the outbox timer fires there. Nothing it does blocks the UI
// thread. The audit sink, when given, is called on the worker's thread.
class ExecutionWorker : public QObject
{
    Q_OBJECT
public:
    ExecutionWorker(QString databasePath, const Clock& clock, PerformerSetup setup,
        Executor::AuditSink audit = {}, HttpClientOptions options = {}, QObject* parent = nullptr);
    ~ExecutionWorker() override;

public Q_SLOTS:
    // Opens the database, builds the performers, reconciles what a crash left running and starts the outbox.
    void start();
    // The preview, a dry run or a run (see Executor::submit); answered by submitted(requestId, …).
    void submit(quint64 requestId, const caseyos::ExecuteRequest& request);
    void undo(qint64 executionId); // answered by undone(…) or undoRefused(…)
    void undoNewest(); // the newest undoable execution (the status bar's Undo, `z`)
    void setKillSwitch(bool on); // answered by killSwitchChanged(on)
    // Hands approved MCP calls that have not run yet to the executor (ApprovedCalls); start() does it too.
    // Call it when an approval was decided (here or in another process). Answered by approvalsHandedOver.
    void handOverApproved();
    // The stored caps, undo window and unsubscribe policy (answered by limitsLoaded), and a change of them
    // (the kill switch is left alone; answered by limitsSaved, with an empty error on success).
    void loadLimits(quint64 requestId);
    void saveLimits(quint64 requestId, const caseyos::ExecutionLimits& limits);

Q_SIGNALS:
    void ready(bool killSwitchOn);
    void submitted(quint64 requestId, const caseyos::SubmitResult& result);
    void queued(qint64 executionId, const QDateTime& dueAt); // for the countdown
    void started(qint64 executionId);
    void finished(const caseyos::ExecutionRecord& record);
    void failed(const caseyos::ExecutionRecord& record);
    void undone(const caseyos::ExecutionRecord& record);
    void undoRefused(qint64 executionId, const QString& message);
    void killSwitchChanged(bool on);
    // handOverApproved() gave `handedOver` approvals an execution and recorded `refused` as not run.
    void approvalsHandedOver(int handedOver, int refused);
    void limitsLoaded(quint64 requestId, const caseyos::ExecutionLimits& limits, const QString& error);
    void limitsSaved(quint64 requestId, const QString& error);
    void error(const QString& message); // the database could not be opened, a setting not stored

private:
    bool ensureOpen();

    QString m_databasePath;
    const Clock& m_clock;
    PerformerSetup m_setup;
    Executor::AuditSink m_audit;
    HttpClientOptions m_options;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<PerformerRegistry> m_performers;
    std::unique_ptr<Executor> m_executor;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::ExecuteRequest)
Q_DECLARE_METATYPE(caseyos::SubmitResult)
Q_DECLARE_METATYPE(caseyos::ExecutionLimits)
