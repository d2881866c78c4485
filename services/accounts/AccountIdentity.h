#pragma once

#include "auth/OAuthTokens.h"

#include <QString>

namespace caseyos {

struct AccountIdentity
{
    QString id; // the account key's last part
    QString displayName;
};

// Whose account a fresh sign-in is, from the token answer alone (no extra request): the id_token's e-mail
// (Google, with the openid+email scopes), Slack's team, HubSpot's hub id; else "default" (one account of
// that provider).
AccountIdentity identityFromTokens(const QString& provider, const OAuthTokens& tokens);

} // namespace caseyos
