#include "Providers.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QList<ProviderInfo> buildCatalog()
{
    const QString g = u"https://www.googleapis.com/auth/"_s;
    return {
        { u"google"_s, u"Google"_s, AuthMethod::OAuth, QUrl(u"https://accounts.google.com/o/oauth2/v2/auth"_s),
            QUrl(u"https://oauth2.googleapis.com/token"_s),
            { u"openid"_s, u"email"_s, g + u"gmail.modify"_s, g + u"calendar"_s, g + u"drive.readonly"_s,
                g + u"documents"_s },
            // A refresh token on every consent (Google sends one only with offline access).
            { { u"access_type"_s, u"offline"_s }, { u"prompt"_s, u"consent"_s } } },
        { u"hubspot"_s, u"HubSpot"_s, AuthMethod::OAuthOrToken, QUrl(u"https://app.hubspot.com/oauth/authorize"_s),
            QUrl(u"https://api.hubapi.com/oauth/v1/token"_s),
            { u"oauth"_s, u"crm.objects.contacts.read"_s, u"crm.objects.contacts.write"_s,
                u"crm.objects.deals.read"_s, u"crm.objects.deals.write"_s, u"crm.schemas.deals.read"_s,
                u"forms"_s },
            {} },
        { u"slack"_s, u"Slack"_s, AuthMethod::OAuth, QUrl(u"https://slack.com/oauth/v2/authorize"_s),
            QUrl(u"https://slack.com/api/oauth.v2.access"_s), { u"chat:write"_s, u"channels:read"_s }, {} },
        { u"x"_s, u"X"_s, AuthMethod::OAuth, QUrl(u"https://twitter.com/i/oauth2/authorize"_s),
            QUrl(u"https://api.twitter.com/2/oauth2/token"_s),
            { u"tweet.read"_s, u"tweet.write"_s, u"users.read"_s, u"offline.access"_s }, {} },
        { u"openai"_s, u"OpenAI"_s, AuthMethod::ApiKey, {}, {}, {}, {} },
        { u"gemini"_s, u"Gemini"_s, AuthMethod::ApiKey, {}, {}, {}, {} },
        { u"xai"_s, u"xAI Grok"_s, AuthMethod::ApiKey, {}, {}, {}, {} },
        // The key of a hosted server speaking OpenAI's API (a company proxy, OpenRouter, Together…), sent
        // when Jarvis uses the openai-compatible provider. Optional: local servers (Ollama) need none.
        { u"openai-compatible"_s, u"OpenAI-compatible server"_s, AuthMethod::ApiKey, {}, {}, {}, {} },
    };
}

} // namespace

const QList<ProviderInfo>& providerCatalog()
{
    static const QList<ProviderInfo> catalog = buildCatalog();
    return catalog;
}

std::optional<ProviderInfo> providerInfo(const QString& id)
{
    for (const ProviderInfo& p : providerCatalog()) {
        if (p.id == id)
            return p;
    }
    return std::nullopt;
}

OAuthClientConfig oauthConfigFor(const ProviderInfo& provider, const QSettings& settings)
{
    const QString prefix = u"providers/"_s + provider.id + u'/';
    OAuthClientConfig config;
    config.authorizationUrl = QUrl(
        settings.value(prefix + u"authorizationUrl"_s, provider.authorizationUrl.toString()).toString());
    config.tokenUrl = QUrl(settings.value(prefix + u"tokenUrl"_s, provider.tokenUrl.toString()).toString());
    config.clientId = settings.value(prefix + u"clientId"_s).toString();
    config.scopes = provider.scopes;
    config.extraAuthorizationParameters = provider.extraAuthorizationParameters;
    bool ok = false;
    const int timeoutSeconds = settings.value(u"accounts/signInTimeoutSeconds"_s).toInt(&ok);
    if (ok && timeoutSeconds >= 10 && timeoutSeconds <= 3600)
        config.authorizationTimeoutMs = timeoutSeconds * 1000;
    return config;
}

} // namespace caseyos
