#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace caseyos::mcp {

// Checks a value against the subset of JSON Schema the tools declare: type (string, integer, number,
// boolean, object, array, or a list of them), properties, required, additionalProperties: false, enum,
// minimum, maximum, minLength, maxLength, items, maxItems. Returns an empty string when the value fits, else
// a message naming the path ("arguments.id: expected integer, got string").
QString checkAgainstSchema(const QJsonValue& value, const QJsonObject& schema, const QString& path);

} // namespace caseyos::mcp
