#pragma once

#include <QByteArray>
#include <QStringView>

// Text encoding for the ingest hot path, writing into buffers that are reused row after row (so nothing is
// allocated per row once they have grown). Measured against QString::toUtf8 + sqlite3_bind_text16, this
// halves the cost of binding a row's text. JSON columns are written with appendCanonicalJson (core/CanonicalJson.h).
namespace caseyos::fasttext {

// Appends `text` as UTF-8 (a lone surrogate becomes U+FFFD, as QString::toUtf8 does).
void appendUtf8(QByteArray& out, QStringView text);

} // namespace caseyos::fasttext
