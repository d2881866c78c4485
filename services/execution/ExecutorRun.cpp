// Running rows: the outbox timer, the performer call, and storing its result with the move link.
#include "core/Timestamps.h"
#include "execution/ActionPayloads.h"
#include "execution/ExecutionRepository.h"
#include "execution/Executor.h"
#include "execution/MoveLink.h"
#include "outcomes/OutcomeService.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <QTimer>
#include <algorithm>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// How often the outbox looks for rows another process queued (the CLI while the window runs).
constexpr qint64 kPollMs = 30'000;

// Crash-test hook: CASEYOS_EXEC_CRASH_AT=before_call | after_call ends the process at once, without cleanup,
// right after the running row is committed / right after the performer answered (before the result is
// stored). Read once; unset in normal use.
void crashPoint(const char* point)
{
    static const QByteArray at = qgetenv("CASEYOS_EXEC_CRASH_AT");
    if (!at.isEmpty() && at == point)
        std::_Exit(86);
}

} // namespace

void Executor::start()
{
    m_started = true;
    ExecutionRepository executions(m_db);
    QList<ExecutionRecord> orphans;
    for (const ExecutionRecord& row : executions.inState(ExecutionState::Running))
        if (!m_inFlight.contains(row.id) && !runnerAlive(row.runner))
            orphans.append(row);
    m_reconciledRows = int(orphans.size());
    m_reconciling = m_reconciledRows;
    if (orphans.isEmpty()) {
        reconcileDone();
        return;
    }
    for (const ExecutionRecord& row : orphans)
        reconcile(row);
}

void Executor::stop()
{
    m_started = false;
    m_timer->stop();
}

void Executor::runDue()
{
    if (m_reconciling > 0)
        return; // reconciliation first: nothing is retried before the remote side was asked
    ExecutionRepository executions(m_db);
    const QDateTime now = m_clock.now();
    const ExecutionLimits limits = ExecutionSettings(m_db).load();
    for (ExecutionRecord row : executions.dueQueued(toEpochMs(now))) {
        const bool stopped = limits.killSwitch && isSend(row.action);
        const ExecutionState to = stopped ? ExecutionState::Failed : ExecutionState::Running;
        // Conditional: a row another process claimed, or one cancelled a moment ago, is skipped.
        if (!executions.transition(row.id, ExecutionState::Queued, to, m_runner, toEpochMs(now), nullptr))
            continue;
        if (stopped) {
            fail(row, u"Stopped by the kill switch before it left: nothing was sent"_s);
            continue;
        }
        row.state = ExecutionState::Running;
        row.runner = m_runner;
        row.startedAt = now;
        row.updatedAt = now;
        ++row.attempts;
        QString error;
        if (!executions.update(row, &error)) {
            fail(row, error);
            continue;
        }
        perform(row);
    }
    armTimer();
}

void Executor::armTimer()
{
    if (!m_started)
        return;
    qint64 interval = kPollMs;
    if (const std::optional<QDateTime> due = ExecutionRepository(m_db).nextDue())
        interval = std::clamp<qint64>(m_clock.now().msecsTo(*due), 0, kPollMs);
    m_timer->start(int(interval));
}

void Executor::perform(ExecutionRecord record)
{
    ActionPerformer* performer = m_performers.find(record.action);
    if (!performer) {
        fail(record, m_performers.missingReason(record.action));
        return;
    }
    crashPoint("before_call");
    m_inFlight.insert(record.id);
    Q_EMIT started(record.id);
    if (record.attempts <= 1) {
        call(performer, record);
        return;
    }
    // A retry: an earlier attempt may have landed although it reported a failure (a timeout after the
    // server acted), so the remote side is asked first, like after a crash.
    performer->find(
        record.remoteKey, record.payload, this, [this, performer, record](const FindResult& found) {
            switch (found.status) {
            case FindResult::Status::Found:
                m_inFlight.remove(record.id);
                complete(
                    record.id, PerformResult { true, found.remoteRef, found.undoInfo, {} }, u"retry_found"_s);
                return;
            case FindResult::Status::Error:
                m_inFlight.remove(record.id);
                fail(record,
                    u"Could not check whether the earlier attempt went through, so it was not run again: "_s
                        + found.error);
                return;
            case FindResult::Status::NotFound:
            case FindResult::Status::Unknown: // the user confirmed it again after the warning in the preview
                call(performer, record);
                return;
            }
        });
}

void Executor::call(ActionPerformer* performer, const ExecutionRecord& record)
{
    performer->perform(
        record.payload, record.remoteKey, this, [this, id = record.id](const PerformResult& result) {
            crashPoint("after_call");
            m_inFlight.remove(id);
            complete(id, result, u"perform"_s);
        });
}

void Executor::complete(qint64 id, const PerformResult& result, const QString& via)
{
    ExecutionRepository executions(m_db);
    QString error;
    std::optional<ExecutionRecord> found = executions.find(id, &error);
    if (!found)
        return;
    ExecutionRecord r = *found;
    if (!result.ok) {
        fail(r, result.error.isEmpty() ? u"The call failed"_s : result.error);
        return;
    }
    const QDateTime now = m_clock.now();
    r.state = ExecutionState::Succeeded;
    r.remoteRef = result.remoteRef;
    r.undoInfo = result.undoInfo;
    r.error.clear();
    r.uncertain = false;
    r.finishedAt = now;
    r.updatedAt = now;
    const bool ok = m_db.transaction(
        [&] {
            if (!executions.update(r, &error) || !MoveLink(m_db, now).succeeded(r, &error))
                return false;
            if (!r.approvalId)
                return true;
            QSqlQuery q(m_db.sql());
            q.prepare(u"UPDATE approvals SET executed_at = ? WHERE id = ?"_s);
            q.addBindValue(toEpochMs(now));
            q.addBindValue(*r.approvalId);
            return q.exec();
        },
        &error);
    if (!ok) {
        // The remote side has it; the row stays running and the next start reconciles it (find → found).
        r.state = ExecutionState::Running;
        r.error = u"Done remotely, but storing the result failed: "_s + error;
        audit(u"execution.failed"_s, r, { { u"via"_s, via } });
        Q_EMIT failed(r);
        return;
    }
    QJsonObject extra { { u"via"_s, via } };
    if (r.action == ActionKind::SendEmail)
        recordEmailSent(r);
    audit(u"execution.succeeded"_s, r, extra);
    Q_EMIT finished(r);
}

void Executor::recordEmailSent(const ExecutionRecord& record)
{
    OutcomeInput input;
    input.type = OutcomeType::EmailSent;
    input.source = OutcomeSource::System;
    input.moveId = record.moveId;
    // With a move the outcome is about the move's contact; without one, about the first recipient.
    if (!record.moveId)
        input.contactEmail = payloadRecipients(record.action, record.payload).value(0);
    input.context = QJsonObject { { u"execution_id"_s, record.id }, { u"message_id"_s, record.remoteRef } };
    input.occurredAt = record.finishedAt;
    const Result<OutcomeRecordResult> recorded = OutcomeService(m_db, m_clock).record(input);
    if (!recorded)
        audit(u"execution.outcome_failed"_s, record, { { u"outcome_error"_s, recorded.error() } });
}

void Executor::fail(ExecutionRecord record, const QString& error)
{
    const QDateTime now = m_clock.now();
    record.state = ExecutionState::Failed;
    record.error = error;
    record.finishedAt = now;
    record.updatedAt = now;
    ExecutionRepository executions(m_db);
    QString storeError;
    m_db.transaction(
        [&] {
            return executions.update(record, &storeError) && MoveLink(m_db, now).failed(record, &storeError);
        },
        &storeError);
    audit(u"execution.failed"_s, record);
    Q_EMIT failed(record);
}

} // namespace caseyos
