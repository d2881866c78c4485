#include "llm/ProviderFactory.h"

#include "llm/GeminiChatProvider.h"
#include "llm/OpenAiChatProvider.h"

using namespace Qt::StringLiterals;

namespace caseyos::llm {

ClientConfig providerClientConfig(const LlmSettings& settings, TokenSource key)
{
    ClientConfig config;
    config.baseUrl = settings.effectiveBaseUrl();
    config.token = std::move(key);
    config.account = u"llm:"_s + toString(settings.provider);
    // No byte for this long (60 s by default): the model is gone; a stream sends something far sooner.
    config.timeoutMs = settings.timeoutSeconds * 1000;
    return config;
}

ProviderChoice chooseChatProvider(const LlmSettings& settings, HttpClient& http, TokenSource key)
{
    ProviderChoice choice;
    if (settings.provider == ProviderKind::Offline)
        return choice;
    const QString name = providerDisplayName(settings.provider);
    const bool local = settings.isLocal();
    if (!local && !settings.cloudChat) {
        choice.offlineReason = u"Jarvis is answering offline: %1 is chosen, but cloud chat is switched off "
                               "(caseyos jarvis config --cloud-chat on)."_s.arg(name);
        return choice;
    }
    const bool needsKey = keyRequired(settings.provider) && !local;
    if (needsKey && !key) {
        choice.offlineReason
            = u"Jarvis is answering offline: there is no %1 API key yet (add one on the Accounts "
              "page)."_s.arg(name);
        return choice;
    }
    // A key that exists is sent even to a local address (a proxy may want it); only its absence is forgiven
    // there.
    ClientConfig config = providerClientConfig(settings, std::move(key));
    if (settings.provider == ProviderKind::Gemini)
        choice.provider
            = std::make_unique<GeminiChatProvider>(http, std::move(config), settings.effectiveModel());
    else
        choice.provider
            = std::make_unique<OpenAiChatProvider>(http, std::move(config), settings.effectiveModel(),
                settings.provider == ProviderKind::OpenAiCompatible ? u"The model server"_s : name);
    return choice;
}

bool embeddingsAllowed(const LlmSettings& settings, bool haveKey)
{
    if (settings.provider == ProviderKind::Offline || settings.effectiveEmbeddingModel().isEmpty())
        return false;
    // A server on this machine embeds when allowed, or when an embeddings model is named: many local servers
    // serve only the chat model, so the default model name alone is no reason to call it.
    if (settings.isLocal())
        return settings.cloudEmbeddings || !settings.embeddingModel.isEmpty();
    return settings.cloudEmbeddings && (!keyRequired(settings.provider) || haveKey);
}

} // namespace caseyos::llm
