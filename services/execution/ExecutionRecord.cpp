#include "execution/ExecutionRecord.h"

#include "core/Timestamps.h"

using namespace Qt::StringLiterals;

namespace caseyos {

QString toString(ExecutionState state)
{
    switch (state) {
    case ExecutionState::Queued:
        return u"queued"_s;
    case ExecutionState::Running:
        return u"running"_s;
    case ExecutionState::Succeeded:
        return u"succeeded"_s;
    case ExecutionState::Failed:
        return u"failed"_s;
    case ExecutionState::Cancelled:
        return u"cancelled"_s;
    case ExecutionState::Undone:
        return u"undone"_s;
    }
    return {};
}

std::optional<ExecutionState> executionStateFromString(QStringView text)
{
    for (ExecutionState s : { ExecutionState::Queued, ExecutionState::Running, ExecutionState::Succeeded,
             ExecutionState::Failed, ExecutionState::Cancelled, ExecutionState::Undone })
        if (text == toString(s))
            return s;
    return std::nullopt;
}

QJsonObject executionToJson(const ExecutionRecord& r, bool withPayload)
{
    QJsonObject o { { u"id"_s, r.id }, { u"action"_s, toString(r.action) }, { u"state"_s, toString(r.state) },
        { u"idempotency_key"_s, r.idempotencyKey }, { u"attempts"_s, r.attempts },
        { u"created_at"_s, toIsoUtc(r.createdAt) }, { u"updated_at"_s, toIsoUtc(r.updatedAt) } };
    if (r.moveId)
        o.insert(u"move_id"_s, *r.moveId);
    if (withPayload)
        o.insert(u"payload"_s, r.payload);
    if (r.dueAt.isValid())
        o.insert(u"due_at"_s, toIsoUtc(r.dueAt));
    if (r.finishedAt.isValid())
        o.insert(u"finished_at"_s, toIsoUtc(r.finishedAt));
    if (!r.remoteRef.isEmpty())
        o.insert(u"remote_ref"_s, r.remoteRef);
    if (!r.error.isEmpty())
        o.insert(u"error"_s, r.error);
    if (r.uncertain)
        o.insert(u"uncertain"_s, true);
    if (r.approvalId)
        o.insert(u"approval_id"_s, *r.approvalId);
    return o;
}

} // namespace caseyos
