#pragma once

#include <QString>

namespace caseyos {

// What went wrong with a keychain operation, in the few kinds the UI reacts to differently: "connect a
// keychain", "unlock it", "reconnect the account" (not found) or "show the message".
enum class SecretErrorKind {
    None,
    NoKeychain, // no Secret Service / Keychain / Credential Manager reachable
    Locked, // the keychain exists but is locked, or the user refused access
    NotFound, // nothing stored under this key
    InvalidKey, // provider/account unusable as a key (empty, or the provider contains ':')
    Other,
};

struct SecretError
{
    SecretErrorKind kind = SecretErrorKind::None;
    QString message; // for the user; never contains the secret
    QString detail; // the backend's own text (for the log); may be empty

    bool isError() const { return kind != SecretErrorKind::None; }
};

// Stable lower-case name of a kind ("no-keychain", "locked", ...) for logs, JSON and tests.
QString secretErrorKindName(SecretErrorKind kind);

// Builds the structured error for a finished QtKeychain job. `keychainError` is the QKeychain::Error value
// (an int here so this header does not pull in QtKeychain), `backendText` its errorString().
SecretError secretErrorFromKeychain(int keychainError, const QString& backendText, const QString& key);
// The error for a provider/account pair that does not form a key (see secretKey()).
SecretError invalidSecretKeyError();

} // namespace caseyos
