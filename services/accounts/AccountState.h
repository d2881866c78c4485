#pragma once

#include <QString>
#include <optional>

namespace caseyos {

// Where a connected account stands (shown on the Accounts page). A provider with no account is "not
// connected"; a sign-in in progress is the page's business, not the account's.
enum class AccountState {
    NotConnected,
    Connected,
    NeedsReconnect, // the grant was revoked or expired: only signing in again helps
    Error, // a passing failure (network, keychain locked): clears on the next success
};

enum class AccountEvent {
    ConnectSucceeded, // a sign-in or a key stored the credential
    ConnectFailed, // a sign-in attempt failed: the account keeps what it had
    TokenOk, // a token was handed out (after a refresh or not)
    GrantRevoked, // the token endpoint said invalid_grant / 401, or no credential is left
    TransientFailure, // network, server or keychain trouble
    Disconnected,
};

// The state machine of an account (pure). NeedsReconnect is left only by connecting again or disconnecting:
// a passing failure does not hide it, and a cached token does not clear it.
AccountState nextAccountState(AccountState current, AccountEvent event);
// True exactly when a transition enters NeedsReconnect: the moment to post the one "reconnect" notification.
bool entersNeedsReconnect(AccountState from, AccountState to);

QString toString(AccountState state); // "not_connected", "connected", "needs_reconnect", "error"
std::optional<AccountState> accountStateFromString(const QString& text);

} // namespace caseyos
