#pragma once

#include "accounts/AccountState.h"

#include <QMetaType>
#include <QString>

namespace caseyos {

// One connected account as the settings keep it: identifiers, a display name and its state. Never a secret:
// the credential lives in the OS keychain under caseyos:<provider>:<id>.
struct Account
{
    enum class Credential { OAuth, Token }; // how it was connected (token = API key / private-app token)

    QString provider; // "google", …
    QString id; // the account identifier (an e-mail address, a workspace id, or "default")
    QString displayName; // "casey@example.com", "Acme workspace", …
    Credential credential = Credential::OAuth;
    AccountState state = AccountState::Connected;
    QString lastError; // the last failure shown to the user (no secret); empty when fine

    friend bool operator==(const Account&, const Account&) = default;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::Account)
