#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

namespace caseyos {

// Canonical JSON: object keys sorted by Unicode code point at every level, no insignificant whitespace,
// UTF-8 output with non-ASCII characters written as themselves (only ", \ and control characters are
// escaped). Integral numbers within ±2^53 print as integers; other numbers use the shortest form that
// round-trips. Two values that differ only in key order or whitespace give identical bytes.
QByteArray canonicalJson(const QJsonValue& value);

// Appends the canonical form of `value` to `out` (no intermediate buffers; used on the ingest hot path).
void appendCanonicalJson(QByteArray& out, const QJsonValue& value);

// Appends `text` as a canonical JSON string literal (quotes included) encoded as UTF-8.
void appendCanonicalJsonString(QByteArray& out, QStringView text);

} // namespace caseyos
