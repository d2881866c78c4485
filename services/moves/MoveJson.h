#pragma once

#include "core/Move.h"
#include "moves/MoveEvent.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace caseyos {

// The signal a move came from (its identity only), as a move's JSON and the move list show it.
struct MoveSignalRef
{
    qint64 id = 0;
    QString source;
    QString eventType;
    QString sourceId; // null: none
    QString dedupeKey;
};

// The JSON form of a move for the CLI (`today --json`, `move … --json`) and MCP: id, title, description,
// action_type, action_context, domain, status, aps, components {revenue, urgency, effort, strategic},
// outcome_adjustment, reasoning, due_by, snoozed_until, created_at, updated_at, completed_at (ISO-8601 UTC
// or null), contact_email, contact_name, company, deal_id, dismiss_reason, and signal
// {id, source, event_type, source_id, dedupe_key} or null. The status is the effective one at `now`
// (an expired snooze shows as pending).
QJsonObject moveToJson(const Move& move, const std::optional<MoveSignalRef>& signal, const QDateTime& now);

// {"id","type","at","details"}.
QJsonObject moveEventToJson(const MoveEvent& event);

} // namespace caseyos
