// The front half of the pipeline: validation, idempotency, gates, dry run, approval, and the row written
// before anything leaves. ExecutorRun.cpp runs rows; ExecutorRecovery.cpp reconciles and undoes.
#include "execution/Executor.h"

#include "core/Timestamps.h"
#include "execution/ActionPayloads.h"
#include "execution/ExecutionGate.h"
#include "execution/ExecutionRepository.h"
#include "execution/IdempotencyKey.h"
#include "execution/MoveLink.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace caseyos {

QString toString(SubmitResult::Status status)
{
    switch (status) {
    case SubmitResult::Status::Invalid:
        return u"invalid"_s;
    case SubmitResult::Status::Blocked:
        return u"blocked"_s;
    case SubmitResult::Status::DryRun:
        return u"dry_run"_s;
    case SubmitResult::Status::NeedsApproval:
        return u"needs_approval"_s;
    case SubmitResult::Status::AlreadyDone:
        return u"already_done"_s;
    case SubmitResult::Status::InProgress:
        return u"in_progress"_s;
    case SubmitResult::Status::Queued:
        return u"queued"_s;
    case SubmitResult::Status::Started:
        return u"started"_s;
    }
    return {};
}

QJsonObject submitResultToJson(const SubmitResult& result)
{
    const ExecutionPreview& p = result.preview;
    QJsonObject o { { u"status"_s, toString(result.status) }, { u"message"_s, result.message },
        { u"action"_s, toString(p.kind) }, { u"payload"_s, p.payload }, { u"outgoing"_s, p.outgoing },
        { u"idempotency_key"_s, p.idempotencyKey }, { u"warnings"_s, QJsonArray::fromStringList(p.warnings) },
        { u"send"_s, p.send }, { u"undo_window_ms"_s, p.undoWindowMs } };
    if (!result.blockedBy.isEmpty())
        o.insert(u"blocked_by"_s, result.blockedBy);
    if (result.record)
        o.insert(u"execution"_s, executionToJson(*result.record, false));
    return o;
}

Executor::Executor(Database& db, const Clock& clock, PerformerRegistry& performers, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_performers(performers)
    , m_runner(QString::number(QCoreApplication::applicationPid()) + u'/'
          + QUuid::createUuid().toString(QUuid::WithoutBraces).left(8))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Executor::runDue);
}

Executor::~Executor() = default;

ExecutionLimits Executor::limits() const
{
    return ExecutionSettings(m_db).load();
}

bool Executor::setKillSwitch(bool on, QString* error)
{
    if (!ExecutionSettings(m_db).setKillSwitch(on, m_clock.now(), error))
        return false;
    if (m_audit)
        m_audit(u"kill_switch.changed"_s, QJsonObject { { u"on"_s, on } });
    return true;
}

bool Executor::setSendingLimits(const ExecutionLimits& limits, QString* error)
{
    const ExecutionLimits before = this->limits();
    if (!ExecutionSettings(m_db).setSendingLimits(limits, m_clock.now(), error))
        return false;
    const auto json = [](const ExecutionLimits& l) {
        return QJsonObject { { u"emails_per_day"_s, l.emailsPerDay },
            { u"emails_per_contact_per_week"_s, l.emailsPerContactPerWeek },
            { u"undo_window_ms"_s, l.undoWindowMs }, { u"unsubscribe_policy"_s, toString(l.unsubscribe) } };
    };
    const QJsonObject now = json(limits);
    const QJsonObject previous = json(before);
    if (m_audit && now != previous)
        m_audit(
            u"execution.limits_changed"_s, QJsonObject { { u"limits"_s, now }, { u"previous"_s, previous } });
    return true;
}

SubmitResult Executor::submit(const ExecuteRequest& request)
{
    SubmitResult out;
    ExecutionPreview& preview = out.preview;
    preview.kind = request.kind;
    preview.send = isSend(request.kind);
    auto finish = [&out](SubmitResult::Status status, QString message, QString blockedBy = {}) {
        out.status = status;
        out.message = std::move(message);
        out.blockedBy = std::move(blockedBy);
        return out;
    };

    // 1. Validate the move and the payload.
    if (request.moveId) {
        if (const QString refusal = MoveLink::refusal(m_db, *request.moveId); !refusal.isEmpty())
            return finish(SubmitResult::Status::Invalid, refusal);
    }
    const Result<QJsonObject> normalized = normalizePayload(request.kind, request.payload);
    if (!normalized)
        return finish(SubmitResult::Status::Invalid, normalized.error());
    preview.payload = normalized.value();
    preview.idempotencyKey = idempotencyKey(request.moveId.value_or(0), request.kind, preview.payload);
    const ExecutionLimits limits = ExecutionSettings(m_db).load();
    preview.undoWindowMs = preview.send ? limits.undoWindowMs : 0;

    // 2. Idempotency: the same move + action + payload runs once; a failure may be retried.
    ExecutionRepository executions(m_db);
    QString error;
    std::optional<ExecutionRecord> existing = executions.findByKey(preview.idempotencyKey, &error);
    if (!error.isEmpty())
        return finish(SubmitResult::Status::Blocked, error, u"storage"_s);
    if (existing) {
        out.record = existing;
        if (existing->state == ExecutionState::Succeeded)
            return finish(SubmitResult::Status::AlreadyDone,
                u"Already done: execution %1 succeeded at %2; it is not run twice"_s.arg(existing->id)
                    .arg(toIsoUtc(existing->finishedAt)));
        if (existing->state == ExecutionState::Queued || existing->state == ExecutionState::Running)
            return finish(SubmitResult::Status::InProgress,
                u"Execution %1 is already %2"_s.arg(existing->id).arg(toString(existing->state)));
        if (existing->uncertain)
            preview.warnings
                << u"An earlier run was interrupted mid-call and may have gone through: check before "
                   "running it again"_s;
    }
    const bool newObject = existing
        && (existing->state == ExecutionState::Cancelled || existing->state == ExecutionState::Undone);
    const int generation = existing ? existing->generation + (newObject ? 1 : 0) : 0;
    const QString remoteKey = remoteKeyFor(preview.idempotencyKey, generation);
    ActionPerformer* performer = m_performers.find(request.kind);
    preview.outgoing = performer ? performer->describe(preview.payload, remoteKey) : preview.payload;

    // 3–5. Kill switch, send caps, email safety.
    const QDateTime leavesAt = m_clock.now().addMSecs(preview.undoWindowMs);
    const GateResult gate = checkGates(m_db, limits, request.kind, preview.payload, leavesAt);
    preview.warnings += gate.warnings;
    if (gate.blocked()) {
        if (m_audit)
            m_audit(u"execution.blocked"_s,
                QJsonObject { { u"action"_s, toString(request.kind) }, { u"blocked_by"_s, gate.blockedBy },
                    { u"move_id"_s, request.moveId ? QJsonValue(*request.moveId) : QJsonValue() },
                    { u"payload_hash"_s, payloadHash(preview.payload) } });
        return finish(SubmitResult::Status::Blocked, gate.message, gate.blockedBy);
    }

    // 6. Dry run: what would go out, nothing more.
    if (!performer)
        preview.warnings << m_performers.missingReason(request.kind);
    if (request.dryRun)
        return finish(SubmitResult::Status::DryRun, u"Dry run: nothing was sent or changed"_s);
    if (!performer)
        return finish(
            SubmitResult::Status::Blocked, m_performers.missingReason(request.kind), u"no_connector"_s);

    // 7. Approval: the caller must bring the user's explicit confirmation.
    if (!request.approved)
        return finish(SubmitResult::Status::NeedsApproval,
            u"Not approved: nothing was done. Confirm the preview to run it"_s);

    // 8. The row, committed before anything leaves.
    std::optional<ExecutionRecord> record = prepareRow(request, preview, existing, &error);
    if (!record)
        return finish(SubmitResult::Status::Blocked, error, u"storage"_s);
    out.record = record;
    audit(preview.send ? u"execution.queued"_s : u"execution.started"_s, *record);
    if (preview.send) {
        Q_EMIT queued(record->id, record->dueAt);
        armTimer();
        return finish(SubmitResult::Status::Queued,
            u"Queued: leaves at %1 unless undone first"_s.arg(toIsoUtc(record->dueAt)));
    }
    perform(*record);
    return finish(SubmitResult::Status::Started, u"Running"_s);
}

std::optional<ExecutionRecord> Executor::prepareRow(const ExecuteRequest& request,
    const ExecutionPreview& preview, std::optional<ExecutionRecord> existing, QString* error)
{
    const QDateTime now = m_clock.now();
    ExecutionRecord r = existing.value_or(ExecutionRecord {});
    if (existing
        && (existing->state == ExecutionState::Cancelled || existing->state == ExecutionState::Undone))
        ++r.generation;
    r.moveId = request.moveId;
    r.action = request.kind;
    r.payload = preview.payload;
    r.payloadHash = payloadHash(preview.payload);
    r.idempotencyKey = preview.idempotencyKey;
    r.remoteKey = remoteKeyFor(r.idempotencyKey, r.generation);
    r.remoteRef.clear();
    r.undoInfo = {};
    r.error.clear();
    r.uncertain = false;
    r.approvalId = request.approvalId;
    r.finishedAt = {};
    r.updatedAt = now;
    if (!existing)
        r.createdAt = now;
    if (preview.send) {
        r.state = ExecutionState::Queued;
        r.dueAt = now.addMSecs(preview.undoWindowMs);
        r.runner.clear();
        r.startedAt = {};
    } else {
        r.state = ExecutionState::Running;
        r.dueAt = now;
        r.runner = m_runner;
        r.startedAt = now;
        ++r.attempts;
    }
    ExecutionRepository executions(m_db);
    const bool ok = m_db.transaction(
        [&] {
            return (existing ? executions.update(r, error) : executions.insert(r, error))
                && MoveLink(m_db, now).started(r, error);
        },
        error);
    return ok ? std::optional<ExecutionRecord>(r) : std::nullopt;
}

void Executor::audit(const QString& kind, const ExecutionRecord& record, const QJsonObject& extra)
{
    if (!m_audit)
        return;
    QJsonObject details { { u"execution_id"_s, record.id }, { u"action"_s, toString(record.action) },
        { u"state"_s, toString(record.state) }, { u"payload_hash"_s, record.payloadHash },
        { u"idempotency_key"_s, record.idempotencyKey } };
    if (record.moveId)
        details.insert(u"move_id"_s, *record.moveId);
    if (!record.remoteRef.isEmpty())
        details.insert(u"remote_ref"_s, record.remoteRef);
    if (!record.error.isEmpty())
        details.insert(u"error"_s, record.error);
    if (record.approvalId)
        details.insert(u"approval_id"_s, *record.approvalId);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        details.insert(it.key(), it.value());
    m_audit(kind, details);
}

} // namespace caseyos
