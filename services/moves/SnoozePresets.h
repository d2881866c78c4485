#pragma once

#include "core/Clock.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace caseyos {

enum class SnoozePreset { OneHour, FourHours, TomorrowMorning, NextMondayMorning };

// The instant (UTC) a preset snoozes until, in the clock's local zone: +1 h, +4 h, tomorrow 09:00,
// next Monday 09:00 (a week ahead when today is Monday).
QDateTime snoozeUntil(SnoozePreset preset, const Clock& clock);

// Parses a --until value: "1h", "4h", "tomorrow", "monday" / "next-monday", or an ISO-8601 date-time
// (no offset = the clock's local zone). nullopt when unparseable.
std::optional<QDateTime> parseSnoozeUntil(QStringView text, const Clock& clock);

} // namespace caseyos
