#pragma once

#include "connectors/clients/ClientTypes.h"
#include "llm/ChatProvider.h"
#include "llm/LlmSettings.h"

#include <QStringList>
#include <memory>

namespace caseyos {
class HttpClient;
}

namespace caseyos::llm {

struct ProviderChoice
{
    std::unique_ptr<ChatProvider> provider; // null: Jarvis answers offline
    // Why it is offline although another provider was chosen (no key, cloud chat switched off); empty when
    // the user chose offline or a provider was made. One sentence, no key.
    QString offlineReason;
};

// The chat provider the settings ask for, or offline with the reason. A cloud provider needs the cloud-chat
// switch on and a key (`key` empty: none on the Accounts page); a server on this machine needs neither.
// `http` must live on the calling thread and outlive the provider.
ProviderChoice chooseChatProvider(const LlmSettings& settings, HttpClient& http, TokenSource key);

// The client configuration for the settings' provider (base URL, key, the quiet-stream timeout).
ClientConfig providerClientConfig(const LlmSettings& settings, TokenSource key);

// Whether memory vectors may be computed by the settings' provider: an embeddings model, and the embeddings
// switch on (with a key where one is needed) — or, for a server on this machine, an embeddings model named.
bool embeddingsAllowed(const LlmSettings& settings, bool haveKey);

} // namespace caseyos::llm
