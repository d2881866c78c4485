#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "execution/ActionPerformer.h"
#include "execution/ExecutionRecord.h"
#include "execution/ExecutionSettings.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <functional>
#include <optional>

class QTimer;

namespace caseyos {

class Database;

// What the caller wants run.
struct ExecuteRequest
{
    std::optional<qint64> moveId; // the move it executes (linked back); nullopt: none
    ActionKind kind = ActionKind::CreateTask;
    QJsonObject payload; // as edited; validated and normalized by the executor
    bool dryRun = false; // only report what would go out
    // The user saw the preview and confirmed it (a dialog, --yes, an approved MCP approval). Without it
    // nothing runs: submit() answers NeedsApproval with the preview.
    bool approved = false;
    std::optional<qint64> approvalId; // the MCP approval that allowed it (its executed_at is set on success)
};

struct ExecutionPreview
{
    ActionKind kind = ActionKind::CreateTask;
    QJsonObject payload; // normalized
    QJsonObject outgoing; // exactly what goes out (ActionPerformer::describe), e.g. the RFC 2822 message
    QString idempotencyKey;
    QStringList warnings;
    bool send = false; // waits in the outbox for the undo window
    int undoWindowMs = 0;
};

struct SubmitResult
{
    enum class Status {
        Invalid, // the payload or the move is wrong: message says what
        Blocked, // kill switch, a cap, the safety checks or no connector: message says which
        DryRun, // nothing done; preview holds what would go out
        NeedsApproval, // nothing done; show the preview and ask
        AlreadyDone, // the same move + action + payload already succeeded: record is that execution
        InProgress, // the same one is queued or running: record is it
        Queued, // a send waits in the outbox until record.dueAt
        Started, // running now; finished / failed follows
    };
    Status status = Status::Invalid;
    QString blockedBy; // for Blocked: kill_switch, daily_cap, contact_cap, safety, no_connector, storage
    QString message;
    ExecutionPreview preview;
    std::optional<ExecutionRecord> record;
    bool accepted() const { return status == Status::Queued || status == Status::Started; }
};

QString toString(SubmitResult::Status status);
QJsonObject submitResultToJson(const SubmitResult& result);

// The execution pipeline of PRODUCT.md §7, on the thread that owns `db` (ExecutionWorker's in the app, the
// main thread in the CLI): validate → idempotency → kill switch → send caps → email safety → dry run →
// approval → outbox (sends wait for the undo window as a persisted queued row) → perform (ActionPerformer,
// asynchronous) → link back to the move (+ email_sent outcome) → audit. Database work is synchronous; the
// performers' network calls come back as callbacks on this thread, so nothing here waits or spins a loop.
//
// Crash safety: a row is committed before any external call. On start(), rows a crash left running are
// reconciled first (ActionPerformer::find by remote key): found → succeeded; not found → run again; cannot
// tell → failed and marked uncertain, never retried on its own. Only then does the outbox run. A retry of a
// failed row asks find() first as well (a timeout may hide a call that landed). Two
// processes may share a data folder: a queued row is claimed with a conditional update, so it runs once.
// Use one Executor per process and database.
class Executor : public QObject
{
    Q_OBJECT
public:
    // kind: "execution.queued", "execution.succeeded", "execution.failed", "execution.cancelled",
    // "execution.undone", "execution.blocked", "execution.reconciled", "execution.limits_changed",
    // "kill_switch.changed". Details carry
    // ids, action, state, error and the payload hash — never message text or a credential.
    using AuditSink = std::function<void(const QString& kind, const QJsonObject& details)>;
    using UndoDone = std::function<void(const Result<ExecutionRecord>&)>;

    Executor(Database& db, const Clock& clock, PerformerRegistry& performers, QObject* parent = nullptr);
    ~Executor() override;

    void setAuditSink(AuditSink sink) { m_audit = std::move(sink); }
    // Test hook: another "process" identity (the runner column).
    void setRunnerId(const QString& runner) { m_runner = runner; }

    SubmitResult submit(const ExecuteRequest& request);

    // Queued → cancelled (nothing left); succeeded → reversed by the performer, or an explanation of why it
    // cannot be (an email that left). `done` runs once on this thread.
    void undo(qint64 executionId, UndoDone done);
    // The newest execution undo can act on: queued, or succeeded with a performer that can reverse it.
    std::optional<ExecutionRecord> newestUndoable() const;

    // Reconciles what a crash left running, then runs what is due and keeps the outbox timer armed.
    void start();
    void stop(); // no more timer-driven runs (calls in flight still finish)
    void runDue(); // runs every queued row whose time has come (after reconciliation)

    bool setKillSwitch(bool on, QString* error = nullptr);
    // The caps, undo window and unsubscribe policy (ExecutionSettings::setSendingLimits); a change is audited
    // as "execution.limits_changed" with the values before and after. Applies to the next submit.
    bool setSendingLimits(const ExecutionLimits& limits, QString* error = nullptr);
    ExecutionLimits limits() const;
    bool isReconciling() const { return m_reconciling > 0; }
    int inFlight() const { return int(m_inFlight.size()); }

Q_SIGNALS:
    void queued(qint64 executionId, const QDateTime& dueAt);
    void started(qint64 executionId);
    void finished(const caseyos::ExecutionRecord& record); // succeeded
    void failed(const caseyos::ExecutionRecord& record);
    void undone(const caseyos::ExecutionRecord& record); // cancelled (from the outbox) or undone
    void reconciled(int rows); // start() finished reconciling `rows` rows

private:
    void perform(ExecutionRecord record); // a retry (attempts > 1) asks find() first
    void call(ActionPerformer* performer, const ExecutionRecord& record);
    void complete(qint64 id, const PerformResult& result, const QString& via);
    void fail(ExecutionRecord record, const QString& error);
    void reconcile(const ExecutionRecord& record);
    void reconcileDone();
    void cancelQueued(const ExecutionRecord& record, const UndoDone& done);
    void undoSucceeded(const ExecutionRecord& record, const UndoDone& done);
    void recordEmailSent(const ExecutionRecord& record);
    void armTimer();
    bool runnerAlive(const QString& runner) const;
    void audit(const QString& kind, const ExecutionRecord& record, const QJsonObject& extra = {});
    std::optional<ExecutionRecord> prepareRow(const ExecuteRequest& request, const ExecutionPreview& preview,
        std::optional<ExecutionRecord> existing, QString* error);

    Database& m_db;
    const Clock& m_clock;
    PerformerRegistry& m_performers;
    AuditSink m_audit;
    QString m_runner;
    QTimer* m_timer = nullptr;
    QSet<qint64> m_inFlight;
    int m_reconciling = 0;
    int m_reconciledRows = 0;
    bool m_started = false;
};

} // namespace caseyos
