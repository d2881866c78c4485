// Reconciliation after a crash, and undo.
#include "core/Timestamps.h"
#include "execution/ExecutionRepository.h"
#include "execution/Executor.h"
#include "execution/MoveLink.h"
#include "storage/Database.h"

#include <QCoreApplication>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// Answers on the executor's event loop, never inside the caller's own call.
void answer(QObject* context, const Executor::UndoDone& done, const Result<ExecutionRecord>& result)
{
    QMetaObject::invokeMethod(
        context, [done, result] { done(result); }, Qt::QueuedConnection);
}

Result<ExecutionRecord> refused(const QString& message)
{
    return Result<ExecutionRecord>::failure(message);
}

} // namespace

bool Executor::runnerAlive(const QString& runner) const
{
    // runner = "<pid>/<instance>". This executor's own rows are in m_inFlight when they are really running;
    // an earlier executor of this same process is gone.
    const qint64 pid = runner.section(u'/', 0, 0).toLongLong();
    if (runner.isEmpty() || runner == m_runner || pid <= 0 || pid == QCoreApplication::applicationPid())
        return false;
#ifdef Q_OS_UNIX
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    // Without a cheap liveness check the app's single-instance lock is relied on: another runner is gone.
    return false;
#endif
}

void Executor::reconcile(const ExecutionRecord& row)
{
    ActionPerformer* performer = m_performers.find(row.action);
    if (!performer) {
        // Cannot ask the remote side: leave the row running for a start that has the connector.
        audit(u"execution.reconciled"_s, row, { { u"result"_s, u"no_connector"_s } });
        if (--m_reconciling == 0)
            reconcileDone();
        return;
    }
    const QString service = performer->serviceName();
    performer->find(row.remoteKey, row.payload, this, [this, row, service](const FindResult& found) {
        switch (found.status) {
        case FindResult::Status::Found:
            complete(row.id, PerformResult { true, found.remoteRef, found.undoInfo, {} }, u"reconcile"_s);
            break;
        case FindResult::Status::NotFound: {
            // It never arrived: back to the outbox, due now (runDue runs it once reconciliation is over).
            ExecutionRecord r = row;
            r.state = ExecutionState::Queued;
            r.dueAt = m_clock.now();
            r.runner.clear();
            r.updatedAt = r.dueAt;
            ExecutionRepository(m_db).update(r, nullptr);
            audit(u"execution.reconciled"_s, r, { { u"result"_s, u"not_found"_s } });
            break;
        }
        case FindResult::Status::Unknown: {
            ExecutionRecord r = row;
            r.uncertain = true;
            fail(r,
                u"Interrupted during the call, and %1 cannot be asked whether it went through: check %1 "
                u"before "
                "running it again"_s.arg(service));
            break;
        }
        case FindResult::Status::Error:
            audit(u"execution.reconciled"_s, row,
                { { u"result"_s, u"error"_s }, { u"reconcile_error"_s, found.error } });
            break;
        }
        if (--m_reconciling == 0)
            reconcileDone();
    });
}

void Executor::reconcileDone()
{
    Q_EMIT reconciled(m_reconciledRows);
    runDue();
}

std::optional<ExecutionRecord> Executor::newestUndoable() const
{
    for (const ExecutionRecord& r : ExecutionRepository(m_db).recent(100)) {
        if (r.state == ExecutionState::Queued)
            return r;
        if (r.state == ExecutionState::Succeeded) {
            const ActionPerformer* performer = m_performers.find(r.action);
            if (performer && performer->canUndo())
                return r;
        }
    }
    return std::nullopt;
}

void Executor::undo(qint64 executionId, UndoDone done)
{
    QString error;
    const std::optional<ExecutionRecord> found = ExecutionRepository(m_db).find(executionId, &error);
    if (!found) {
        answer(this, done, refused(error.isEmpty() ? u"No execution with id %1"_s.arg(executionId) : error));
        return;
    }
    const ExecutionRecord& r = *found;
    switch (r.state) {
    case ExecutionState::Queued:
        cancelQueued(r, done);
        return;
    case ExecutionState::Succeeded:
        undoSucceeded(r, done);
        return;
    case ExecutionState::Running:
        answer(this, done, refused(u"Execution %1 is under way right now: wait for its result"_s.arg(r.id)));
        return;
    case ExecutionState::Failed:
        answer(this, done,
            refused(u"Execution %1 failed, so nothing was done and there is nothing to undo"_s.arg(r.id)));
        return;
    case ExecutionState::Cancelled:
        answer(this, done, refused(u"Execution %1 was already cancelled: nothing went out"_s.arg(r.id)));
        return;
    case ExecutionState::Undone:
        answer(this, done, refused(u"Execution %1 was already undone"_s.arg(r.id)));
        return;
    }
}

void Executor::cancelQueued(const ExecutionRecord& row, const UndoDone& done)
{
    const QDateTime now = m_clock.now();
    ExecutionRecord r = row;
    r.state = ExecutionState::Cancelled;
    r.finishedAt = now;
    r.updatedAt = now;
    ExecutionRepository executions(m_db);
    QString error;
    bool claimed = false;
    const bool ok = m_db.transaction(
        [&] {
            // Conditional: if the outbox took it a moment ago, it is no longer queued and cannot be
            // cancelled.
            claimed = executions.transition(
                r.id, ExecutionState::Queued, ExecutionState::Cancelled, {}, toEpochMs(now), &error);
            return claimed && executions.update(r, &error) && MoveLink(m_db, now).reverted(r, &error);
        },
        &error);
    if (!ok) {
        answer(this, done,
            refused(claimed ? error : u"Too late: execution %1 has just started to leave"_s.arg(r.id)));
        return;
    }
    audit(u"execution.cancelled"_s, r);
    Q_EMIT undone(r);
    armTimer();
    answer(this, done, Result<ExecutionRecord>::success(r));
}

void Executor::undoSucceeded(const ExecutionRecord& row, const UndoDone& done)
{
    ActionPerformer* performer = m_performers.find(row.action);
    if (!performer) {
        answer(this, done, refused(u"Cannot undo: "_s + m_performers.missingReason(row.action)));
        return;
    }
    if (!performer->canUndo()) {
        const QString when = row.finishedAt.toTimeZone(m_clock.localZone()).toString(u"yyyy-MM-dd HH:mm"_s);
        answer(this, done,
            refused(u"Already %1 at %2; %3"_s.arg(performer->pastTense(), when, performer->undoRefusal())));
        return;
    }
    performer->undo(row, this, [this, id = row.id, done](const UndoResult& result) {
        if (!result.ok) {
            done(refused(u"Could not undo execution %1: %2"_s.arg(id).arg(result.error)));
            return;
        }
        ExecutionRepository executions(m_db);
        QString error;
        std::optional<ExecutionRecord> found = executions.find(id, &error);
        if (!found) {
            done(refused(error));
            return;
        }
        ExecutionRecord r = *found;
        const QDateTime now = m_clock.now();
        r.state = ExecutionState::Undone;
        r.updatedAt = now;
        const bool ok = m_db.transaction(
            [&] { return executions.update(r, &error) && MoveLink(m_db, now).reverted(r, &error); }, &error);
        if (!ok) {
            done(refused(u"Undone remotely, but storing it failed: "_s + error));
            return;
        }
        audit(u"execution.undone"_s, r);
        Q_EMIT undone(r);
        done(Result<ExecutionRecord>::success(r));
    });
}

} // namespace caseyos
