#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace caseyos {

struct Signal;

// Lowercase hex SHA-256 of the canonical JSON of {"source","event_type","source_id"} when sourceId is
// not null, else of {"source","event_type","payload"} (PRODUCT.md §3).
QString dedupeKey(
    const QString& source, const QString& eventType, const QString& sourceId, const QJsonObject& payload);
QString dedupeKey(const Signal& signal);

// SHA-256 digest (32 bytes): the CPU's SHA instructions when it has them, else QCryptographicHash.
QByteArray sha256(QByteArrayView message);

} // namespace caseyos
