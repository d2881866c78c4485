#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>

// Text encoding for the ingest hot path, writing into buffers that are reused row after row (so nothing is
// allocated per row once they have grown). Measured against QString::toUtf8 + sqlite3_bind_text16 and
// QJsonDocument::toJson, these halve the cost of turning a signal into row values.
namespace caseyos::fasttext {

// Appends `text` as UTF-8 (a lone surrogate becomes U+FFFD, as QString::toUtf8 does).
void appendUtf8(QByteArray& out, QStringView text);

// Appends compact JSON (no whitespace; object keys in QJsonObject's order, which is sorted).
void appendJson(QByteArray& out, const QJsonValue& value);

} // namespace caseyos::fasttext
