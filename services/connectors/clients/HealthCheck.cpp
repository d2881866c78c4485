#include "connectors/clients/HealthCheck.h"

#include "connectors/clients/ApiCall.h"
#include "connectors/clients/GeminiClient.h"
#include "connectors/clients/GoogleDocsClients.h"
#include "connectors/clients/MessagingClients.h"
#include "connectors/clients/OpenAiClient.h"
#include "net/HttpClient.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

HealthEndpoints::HealthEndpoints()
{
    m_urls = {
        { u"openai"_s, QUrl(u"https://api.openai.com/v1"_s) },
        { u"xai"_s, QUrl(u"https://api.x.ai/v1"_s) },
        { u"gemini"_s, QUrl(u"https://generativelanguage.googleapis.com/v1beta"_s) },
        { u"google"_s, QUrl(u"https://www.googleapis.com/drive/v3"_s) },
        { u"slack"_s, QUrl(u"https://slack.com/api"_s) },
        { u"x"_s, QUrl(u"https://api.x.com"_s) },
        { u"hubspot"_s, QUrl(u"https://api.hubapi.com"_s) },
        { u"openai-compatible"_s, QUrl(u"http://localhost:11434/v1"_s) }, // Ollama's, as Jarvis's default
    };
}

HealthEndpoints HealthEndpoints::fromSettings(const QSettings& settings)
{
    HealthEndpoints endpoints;
    for (auto it = endpoints.m_urls.begin(); it != endpoints.m_urls.end(); ++it) {
        const QUrl url(settings.value(u"providers/%1/apiBaseUrl"_s.arg(it.key())).toString());
        if (url.isValid() && !url.isRelative())
            it.value() = url;
    }
    // The server is the one Jarvis is set to use (jarvis/baseUrl, llm::LlmSettings::baseUrlKey — named here
    // because the clients sit below the llm layer), unless an apiBaseUrl override was given above.
    const QUrl jarvisServer(settings.value(u"jarvis/baseUrl"_s).toString());
    if (!settings.contains(u"providers/openai-compatible/apiBaseUrl"_s) && jarvisServer.isValid()
        && !jarvisServer.isRelative())
        endpoints.m_urls.insert(u"openai-compatible"_s, jarvisServer);
    return endpoints;
}

HealthReport healthReportFor(const ClientError& error, const QString& okText)
{
    switch (error.kind) {
    case ClientErrorKind::None:
        return { HealthStatus::Ok, okText };
    case ClientErrorKind::NoCredential:
    case ClientErrorKind::Auth:
        return { HealthStatus::AuthError, u"Sign-in or key refused: %1"_s.arg(error.message) };
    case ClientErrorKind::Unreachable:
        return { HealthStatus::Unreachable, u"Unreachable: %1"_s.arg(error.message) };
    case ClientErrorKind::RateLimited:
    case ClientErrorKind::Rejected:
    case ClientErrorKind::Server:
    case ClientErrorKind::Malformed:
        break;
    }
    return { HealthStatus::Failed, u"Check failed: %1"_s.arg(error.message) };
}

HealthChecker::HealthChecker(HttpClient& http, HealthEndpoints endpoints)
    : m_http(http)
    , m_endpoints(std::move(endpoints))
{
}

void HealthChecker::check(const QString& provider, TokenSource token, QObject* context, Done done)
{
    ClientConfig config;
    config.baseUrl = m_endpoints.url(provider);
    config.token = std::move(token);
    config.timeoutMs = 15000;
    if (config.baseUrl.isEmpty()) {
        done({ HealthStatus::Failed, u"No health check for %1"_s.arg(provider) });
        return;
    }
    const auto report = [done](const ClientError& error, const QString& okText) {
        done(healthReportFor(error, okText));
    };
    if (provider == "openai"_L1 || provider == "xai"_L1 || provider == "openai-compatible"_L1) {
        OpenAiClient(m_http, config).listModels(context, [report](const ClientResult<QStringList>& r) {
            report(r.error, u"Working: %1 models available"_s.arg(r.value.size()));
        });
    } else if (provider == "gemini"_L1) {
        GeminiClient(m_http, config).listModels(context, [report](const ClientResult<QStringList>& r) {
            report(r.error, u"Working"_s);
        });
    } else if (provider == "google"_L1) {
        DriveClient(m_http, config).list({}, 1, {}, context, [report](const ClientResult<DrivePage>& r) {
            report(r.error, u"Working: Drive answered"_s);
        });
    } else if (provider == "slack"_L1) {
        SlackClient(m_http, config).authTest(context, [report](const ClientResult<SlackIdentity>& r) {
            report(r.error, u"Working: %1 in %2"_s.arg(r.value.user, r.value.team));
        });
    } else if (provider == "x"_L1) {
        XClient(m_http, config).me(context, [report](const ClientResult<XUser>& r) {
            report(r.error, u"Working: @%1"_s.arg(r.value.username));
        });
    } else if (provider == "hubspot"_L1) {
        HttpRequest req;
        req.url = apiUrl(config.baseUrl, u"crm/v3/objects/contacts"_s);
        req.url.setQuery(u"limit=1"_s);
        sendApiRequest(m_http, config, AuthStyle::Bearer, std::move(req), context,
            [report](const HttpResult&, const ClientError& error) { report(error, u"Working: CRM answered"_s); });
    } else {
        done({ HealthStatus::Failed, u"No health check for %1"_s.arg(provider) });
    }
}

} // namespace caseyos
