#pragma once

#include "core/Move.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace caseyos {

// Human-readable labels shared by the list, the detail pane and the dialogs. English, fixed formats
// (the UI text is English), times in the given local zone.

QString actionTypeLabel(QStringView actionType); // "email_follow_up" -> "Email follow up"
QString domainLabel(QStringView domain); // "cs" -> "CS"
QString sourceLabel(QStringView source); // "hubspot" -> "HubSpot"
QString statusLabel(MoveStatus status); // InProgress -> "In progress"

// Short, relative to `nowMs` in `zone`: "Today 14:00", "Tomorrow 09:00", "Yesterday 16:30",
// "Wed 14:00" (within the next 6 days), "26 Nov 14:00", "26 Nov 2027". Empty for 0.
QString formatShortTime(qint64 ms, qint64 nowMs, const QTimeZone& zone);

// Full: "Wed 26 Nov 2026 14:00". Empty for an invalid time.
QString formatLongTime(const QDateTime& utc, const QTimeZone& zone);

// "Acme · dana@acme.com", or whichever of the two exists.
QString contactLabel(const QString& company, const QString& email);

} // namespace caseyos
