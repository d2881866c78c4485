#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace caseyos {

// Storage keeps instants as INTEGER milliseconds since the Unix epoch (UTC); 0 / NULL means "none".
qint64 toEpochMs(const QDateTime& value); // invalid -> 0
QDateTime fromEpochMs(qint64 ms); // 0 -> invalid QDateTime

// ISO-8601 for output: always UTC with a trailing Z and millisecond precision ("2026-11-25T09:00:00.000Z").
QString toIsoUtc(const QDateTime& value); // invalid -> empty string

// Lenient ISO-8601 parse for input: date-time with Z or ±hh:mm offset, optional fractional seconds; a bare
// date-time without offset is taken as UTC; a bare date (YYYY-MM-DD) is midnight UTC. nullopt if unparseable.
std::optional<QDateTime> parseIsoDateTime(QStringView text);

} // namespace caseyos
