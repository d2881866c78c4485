#pragma once

#include "auth/OAuthClientConfig.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

class QSettings;

namespace caseyos {

// How an account of a provider is connected.
enum class AuthMethod {
    OAuth, // authorization code + PKCE in the system browser
    ApiKey, // a key the user pastes (OpenAI, Gemini, xAI)
    OAuthOrToken, // either (HubSpot: OAuth app or private-app token)
};

struct ProviderInfo
{
    QString id; // "google", "hubspot", … (also the keychain key's provider part)
    QString displayName;
    AuthMethod method = AuthMethod::OAuth;
    QUrl authorizationUrl; // defaults; settings can override them
    QUrl tokenUrl;
    QStringList scopes;
    QList<QPair<QString, QString>> extraAuthorizationParameters;

    bool supportsOAuth() const { return method != AuthMethod::ApiKey; }
    bool supportsToken() const { return method != AuthMethod::OAuth; }
};

// The seven providers of PRODUCT.md §7, in display order.
const QList<ProviderInfo>& providerCatalog();
std::optional<ProviderInfo> providerInfo(const QString& id);

// A provider's OAuth client settings: the catalogue's endpoints and scopes, overridden by the settings keys
// providers/<id>/authorizationUrl, providers/<id>/tokenUrl, providers/<id>/clientId (identifiers and URLs
// only; no client secret is ever read from settings). accounts/signInTimeoutSeconds (10–3600, default 300)
// bounds how long a sign-in waits for the browser.
OAuthClientConfig oauthConfigFor(const ProviderInfo& provider, const QSettings& settings);

} // namespace caseyos
