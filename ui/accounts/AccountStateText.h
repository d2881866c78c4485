#pragma once

#include "accounts/Account.h"

#include <QList>
#include <QString>

namespace caseyos {

// What the Accounts page says about a provider: "Not connected", "Connected as casey@example.com",
// "Needs reconnect: …", "Error: …", or "Waiting for the browser…" while a sign-in runs.
QString providerStateText(const QList<Account>& accounts, bool connecting);

} // namespace caseyos
