#pragma once

#include "accounts/Account.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "notifications/Notification.h"

namespace caseyos {

class Database;

inline constexpr char16_t kReconnectNotificationKind[] = u"account_reconnect";

// The "reconnect" notification for an account whose grant is gone (PRODUCT.md §7): high priority, kind
// account_reconnect, title naming provider and account (never a secret).
Notification reconnectNotification(const Account& account);

// Stores it through the notification center unless one for the same account is already there and not
// dismissed (so repeated failures, another process or a restart never add a second one). Returns true when
// a notification was created. Synchronous: call it on the thread that owns the Database.
Result<bool> postReconnectNotice(Database& db, const Clock& clock, const Account& account);

} // namespace caseyos
