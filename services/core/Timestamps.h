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

// The pieces of an ISO-8601 text, for callers that give "no offset" another meaning than UTC (for
// example a snooze time typed by the user, which is local). Accepts exactly what parseIsoDateTime accepts.
struct IsoDateTimeParts
{
    QDate date;
    QTime time; // 00:00 for a bare date
    bool hasTime = false; // false for a bare date
    std::optional<int> offsetSeconds; // set when the text had Z or ±hh:mm
};
std::optional<IsoDateTimeParts> parseIsoDateTimeParts(QStringView text);

} // namespace caseyos
