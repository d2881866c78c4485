#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace caseyos::llm {

// Checks a value against the subset of JSON Schema the tools declare: type (one or a list; "integer" accepts
// 5.0 but not 5.5 or "5"), enum, properties, required, additionalProperties: false, items, minimum, maximum,
// minLength, maxLength, minItems, maxItems. Other keywords are ignored. Returns the first problem as a short
// sentence naming the field ("move_id must be an integer"), or an empty string when the value fits.
QString schemaViolation(const QJsonValue& value, const QJsonObject& schema, const QString& path = {});

} // namespace caseyos::llm
