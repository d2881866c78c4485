#pragma once

#include "connectors/clients/ClientTypes.h"
#include "connectors/clients/GeminiTypes.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

namespace caseyos {

class HttpClient;

// A typed, asynchronous Gemini client (v1beta; base URL https://generativelanguage.googleapis.com/v1beta).
// The API key goes in the x-goog-api-key header, never in the URL.
class GeminiClient
{
public:
    GeminiClient(HttpClient& http, ClientConfig config);

    void generateContent(const GeminiRequest& request, QObject* context,
        std::function<void(const ClientResult<GeminiResponse>&)> done);
    // streamGenerateContent?alt=sse: onDelta gets each piece of text as it arrives; done gets the whole
    // reply. Like OpenAiClient::chatStream, never retried once the model started answering.
    void streamGenerateContent(const GeminiRequest& request, QObject* context,
        std::function<void(const QString& text)> onDelta,
        std::function<void(const ClientResult<GeminiResponse>&)> done);
    void embedContent(const QString& model, const QString& text, QObject* context,
        std::function<void(const ClientResult<QList<float>>&)> done);
    // GET /models?pageSize=1: the health check.
    void listModels(QObject* context, std::function<void(const ClientResult<QStringList>&)> done);

private:
    HttpClient& m_http;
    ClientConfig m_config;
};

} // namespace caseyos
