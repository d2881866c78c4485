#pragma once

#include "auth/OAuthError.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace caseyos {

// The tokens one token-endpoint answer grants. Secrets (accessToken, refreshToken, idToken) stay in memory
// and the OS keychain only; never log or print this struct.
struct OAuthTokens
{
    QString accessToken;
    QString refreshToken; // empty: the server sent none (on a refresh: keep the one you have)
    QDateTime expiresAt; // UTC; invalid: no lifetime given
    QString tokenType;
    QString scope;
    QString idToken; // OpenID Connect providers (Google) when "openid" was asked for
    QVariantMap extras; // every other field of the answer (team, user ids, …), no secrets

    bool isValid() const { return !accessToken.isEmpty(); }
};

struct TokenResponseParse
{
    OAuthTokens tokens;
    OAuthError error;
    bool ok() const { return !error.isError(); }
};

// Reads a token endpoint's answer (RFC 6749 §5.1, already decoded from JSON or a form body). An answer with
// an `error` field or without access_token is an error. expires_in may be a number or a numeric string.
TokenResponseParse parseTokenResponse(const QVariantMap& fields, const QDateTime& now);

// Classifies an error answer of the token endpoint (RFC 6749 §5.2) from its status and body:
// 400 invalid_grant and any 401 mean the grant is gone (reconnect); other answers are server errors.
// The result's detail carries the server's error code and description, never anything it was sent.
OAuthError classifyTokenError(int httpStatus, const QByteArray& body);

// The claims of an OpenID Connect id_token (its JWT payload), unverified: use it only for a token that came
// straight from the provider's token endpoint over TLS, to learn whose account it is. Empty on bad input.
QVariantMap idTokenClaims(const QString& idToken);

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::OAuthTokens)
