#pragma once

#include "connectors/clients/OpenAiClient.h"
#include "llm/ChatProvider.h"
#include "llm/ProviderErrors.h"

namespace caseyos::llm {

// Chat completions with streaming and tools on any OpenAI-compatible server: OpenAI, xAI
// (https://api.x.ai/v1) or a local one (Ollama, LM Studio: no key). POST {baseUrl}/chat/completions with
// stream: true; the streamed tool_calls fragments are joined by index (ChatStreamAssembler).
class OpenAiChatProvider : public ChatProvider
{
public:
    // config.token empty: no Authorization header (a local server).
    OpenAiChatProvider(HttpClient& http, ClientConfig config, QString model, QString displayName);

    QString displayName() const override { return m_name; }
    QString model() const override { return m_model; }
    void send(const ProviderTurn& turn, QObject* context, DeltaFn onDelta, DoneFn done) override;

    // The request body send() posts for `turn` (for the contract check and tests).
    ChatRequest request(const ProviderTurn& turn) const;

private:
    SecretScrubber m_scrubber;
    OpenAiClient m_client;
    QString m_model;
    QString m_name;
};

} // namespace caseyos::llm
