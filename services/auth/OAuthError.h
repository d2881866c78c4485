#pragma once

#include <QMetaType>
#include <QString>

namespace caseyos {

// What went wrong in an OAuth step, in the kinds callers react to differently: "reconnect the account"
// (InvalidGrant, NotConnected), "try again later" (Network, Server, Timeout) or "show the message".
enum class OAuthErrorKind {
    None,
    StateMismatch, // the redirect's `state` is not the one this flow sent (possible forgery): rejected
    AccessDenied, // the user or the server refused at the authorization step (?error=access_denied, …)
    InvalidGrant, // the token endpoint refused the code or the refresh token (400 invalid_grant, 401)
    NotConnected, // no credential stored for the account
    Timeout, // the user did not finish signing in in time, or the token endpoint did not answer
    Network, // no connection to the token endpoint
    Server, // any other error answer of the token endpoint (5xx, other 4xx)
    InvalidResponse, // a reply without the fields it must have
    Listen, // the loopback redirect listener could not start
    NotConfigured, // the provider has no client id or endpoint URLs
    Keychain, // the credential could not be read or written in the OS keychain
    Cancelled,
};

struct OAuthError
{
    OAuthErrorKind kind = OAuthErrorKind::None;
    QString message; // for the user; never holds a token, code or verifier
    QString detail; // the server's error code / description, for the log; never a secret

    bool isError() const { return kind != OAuthErrorKind::None; }
    // The account must be connected again (its grant is gone); the others may pass by themselves.
    bool needsReconnect() const
    {
        return kind == OAuthErrorKind::InvalidGrant || kind == OAuthErrorKind::NotConnected;
    }
};

// Stable lower-case name ("state-mismatch", "invalid-grant", …) for logs, JSON and tests.
QString oauthErrorKindName(OAuthErrorKind kind);

OAuthError makeOAuthError(OAuthErrorKind kind, QString message, QString detail = {});

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::OAuthError)
