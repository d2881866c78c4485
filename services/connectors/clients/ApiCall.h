#pragma once

#include "connectors/clients/ClientTypes.h"
#include "net/HttpTypes.h"

#include <QJsonObject>

#include <functional>

namespace caseyos {

class HttpClient;

// How a provider takes its credential.
enum class AuthStyle {
    Bearer, // Authorization: Bearer <token> (OpenAI, xAI, Google OAuth, Slack, X, HubSpot)
    GoogleApiKey, // x-goog-api-key: <key> (Gemini)
};

// The shared path of every client call: fetch the credential, add it as a header (never to the URL, never to
// a log), send through HttpClient (retries, breaker, governor), and turn the outcome into a ClientError with
// the provider's own error text when it sent one. `done` runs once on `context`'s thread.
using ApiDone = std::function<void(const HttpResult& result, const ClientError& error)>;
void sendApiRequest(HttpClient& http, const ClientConfig& config, AuthStyle style, HttpRequest request,
    QObject* context, ApiDone done);

// A POST of `body` as compact JSON with the given Content-Type (retried per HttpClient's policy unless the caller
// turns `retry` off).
HttpRequest jsonPost(const QUrl& url, const QJsonObject& body,
    const QByteArray& contentType = QByteArrayLiteral("application/json"));

// Sends `request` (Bearer credential) and answers with a ClientResult<T>: the transport's error, or else what
// `parse(const HttpResponse&, T&)` makes of the reply — it returns a ClientError, None when the reply was usable.
template<typename T, typename Parse>
void sendParsed(HttpClient& http, const ClientConfig& config, HttpRequest request, QObject* context,
    std::function<void(const ClientResult<T>&)> done, Parse parse)
{
    sendApiRequest(http, config, AuthStyle::Bearer, std::move(request), context,
        [done = std::move(done), parse = std::move(parse)](const HttpResult& result, const ClientError& error) {
            ClientResult<T> out;
            out.error = error;
            if (!error.isError())
                out.error = parse(result.response, out.value);
            done(out);
        });
}

// A request without a JSON body in the reply (DELETE → 204), for `method` on `url`; retried per HttpClient's policy.
HttpRequest bodylessRequest(const QByteArray& method, const QUrl& url);

// One path segment (an id, a calendar id such as "primary" or an address) percent-encoded for apiUrl().
QString pathSegment(const QString& value);

// base + "/" + path, keeping the base's own path (…/v1 + chat/completions → …/v1/chat/completions).
QUrl apiUrl(const QUrl& base, const QString& path);

// The ClientError for a failed HttpResult, with the provider's message from the body where one is found
// (error.message, error, detail, title), cut to 200 characters.
ClientError clientErrorFrom(const HttpResult& result, const QString& providerName);

} // namespace caseyos
