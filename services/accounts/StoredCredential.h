#pragma once

#include "auth/OAuthTokens.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace caseyos {

// What the OS keychain holds for one account, as ONE JSON value under caseyos:<provider>:<account>, so a
// token rotation is a single keychain write (never a new access token beside an old refresh token):
//   {"v":1,"kind":"oauth","access_token":…,"refresh_token":…,"expires_at":<ms UTC or 0>,"token_type":…,
//    "scope":…}      or      {"v":1,"kind":"token","token":…}   (API keys, private-app tokens)
// Lives in memory only as long as a request needs it; never logged.
struct StoredCredential
{
    enum class Kind { OAuth, Token };
    Kind kind = Kind::OAuth;
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; // invalid: unknown
    QString tokenType;
    QString scope;
    QString token; // Kind::Token

    static StoredCredential fromTokens(const OAuthTokens& tokens);
    static StoredCredential fromToken(const QString& token);
    // The credential after a refresh: the new access token and expiry, and the new refresh token when the
    // server rotated it (else the current one).
    StoredCredential rotated(const OAuthTokens& refreshed) const;

    // What a request sends as its bearer token / key.
    QString usableToken() const { return kind == Kind::Token ? token : accessToken; }

    QString toJson() const;
    static std::optional<StoredCredential> fromJson(const QString& json);
};

} // namespace caseyos
