#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace caseyos {

// Canonical JSON: object keys sorted by Unicode code point at every level, no insignificant whitespace,
// UTF-8 output with non-ASCII characters written as themselves (only ", \ and control characters are
// escaped). Integral numbers within ±2^53 print as integers; other numbers use the shortest form that
// round-trips. Two values that differ only in key order or whitespace give identical bytes.
QByteArray canonicalJson(const QJsonValue& value);

} // namespace caseyos
