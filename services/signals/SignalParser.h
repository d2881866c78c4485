#pragma once

#include "core/Signal.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <variant>

namespace caseyos {

// Validates one input record (already a JSON object) and builds a Signal with its dedupe key.
// Invalid when: source is not one of the five; event_type is missing or not a string; payload is present
// and not an object; source_id is present and not a string; occurred_at is present and not ISO-8601.
// Defaults: payload {}, occurred_at = receivedAt. Returns the Signal or a human-readable error message.
std::variant<Signal, QString> signalFromJson(const QJsonObject& object, const QDateTime& receivedAt);

} // namespace caseyos
