#pragma once

#include "connectors/clients/ClientTypes.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QSettings;

namespace caseyos {

class HttpClient;

enum class HealthStatus { Ok, AuthError, Unreachable, Failed };

struct HealthReport
{
    HealthStatus status = HealthStatus::Failed;
    QString message; // one sentence for the Accounts page; never a key or token
};

// The API base URL of each provider (catalogue ids: google, hubspot, slack, x, openai, gemini, xai), with the
// public defaults; settings key providers/<id>/apiBaseUrl overrides one (a local server, a proxy, a mock).
class HealthEndpoints
{
public:
    HealthEndpoints();
    static HealthEndpoints fromSettings(const QSettings& settings);
    void set(const QString& provider, const QUrl& baseUrl) { m_urls.insert(provider, baseUrl); }
    QUrl url(const QString& provider) const { return m_urls.value(provider); }

private:
    QHash<QString, QUrl> m_urls;
};

// One cheap authenticated call per provider that says whether the stored credential works:
// OpenAI/xAI GET /models, Gemini GET /models?pageSize=1, Google Drive files.list pageSize=1, Slack auth.test,
// X GET /2/users/me, HubSpot GET /crm/v3/objects/contacts?limit=1. Never retried beyond HttpClient's policy.
class HealthChecker
{
public:
    using Done = std::function<void(const HealthReport&)>;

    HealthChecker(HttpClient& http, HealthEndpoints endpoints);
    void check(const QString& provider, TokenSource token, QObject* context, Done done);

private:
    HttpClient& m_http;
    HealthEndpoints m_endpoints;
};

// The report for a client outcome: Ok with okText, or the error's class and message.
HealthReport healthReportFor(const ClientError& error, const QString& okText);

} // namespace caseyos
