#pragma once

#include "notifications/Notification.h"
#include "notifications/WhatsUp.h"

#include <QJsonObject>

namespace caseyos {

// The JSON form of a notification for the CLI and MCP: id, title, message, priority ("urgent" …),
// priority_weight (100 …), kind, move_id, signal_id (null when none), state at `now` ("unread", "read",
// "dismissed", "snoozed", "expired"), created_at, read_at, dismissed_at, snoozed_until, expires_at
// (ISO-8601 UTC or null).
QJsonObject notificationToJson(const Notification& notification, const QDateTime& now);

// {"headline", "counts": {"urgent","high","normal","low"}, "total_unread", "top": [notification…], "at"}.
QJsonObject whatsUpToJson(const WhatsUp& summary);

} // namespace caseyos
