#pragma once

#include "connectors/clients/GeminiClient.h"
#include "llm/ChatProvider.h"
#include "llm/ProviderErrors.h"

namespace caseyos::llm {

// Google Gemini: POST {baseUrl}/models/{model}:streamGenerateContent?alt=sse (baseUrl ends in /v1beta) with
// contents, systemInstruction and tools: [{functionDeclarations}]; the key in the x-goog-api-key header.
class GeminiChatProvider : public ChatProvider
{
public:
    GeminiChatProvider(HttpClient& http, ClientConfig config, QString model);

    QString displayName() const override { return QStringLiteral("Gemini"); }
    QString model() const override { return m_model; }
    void send(const ProviderTurn& turn, QObject* context, DeltaFn onDelta, DoneFn done) override;

private:
    SecretScrubber m_scrubber;
    GeminiClient m_client;
    QString m_model;
    QString m_host; // named in transport errors; replaced by "Gemini" in the sentence people see
    int m_calls = 0; // numbers the synthetic call ids, unique over this provider's life
};

} // namespace caseyos::llm
