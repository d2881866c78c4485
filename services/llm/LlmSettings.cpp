#include "llm/LlmSettings.h"

#include <QHostAddress>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos::llm {

QString toString(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Offline:
        return u"offline"_s;
    case ProviderKind::OpenAi:
        return u"openai"_s;
    case ProviderKind::Xai:
        return u"xai"_s;
    case ProviderKind::OpenAiCompatible:
        return u"openai-compatible"_s;
    case ProviderKind::Gemini:
        return u"gemini"_s;
    }
    return u"offline"_s;
}

QList<ProviderKind> allProviderKinds()
{
    return { ProviderKind::Offline, ProviderKind::OpenAi, ProviderKind::Xai, ProviderKind::OpenAiCompatible,
        ProviderKind::Gemini };
}

std::optional<ProviderKind> providerKindFromString(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    for (ProviderKind k : allProviderKinds())
        if (toString(k) == t)
            return k;
    if (t == "grok"_L1)
        return ProviderKind::Xai;
    if (t == "local"_L1 || t == "ollama"_L1 || t == "lmstudio"_L1)
        return ProviderKind::OpenAiCompatible;
    return std::nullopt;
}

QString providerDisplayName(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::Offline:
        return u"the offline assistant"_s;
    case ProviderKind::OpenAi:
        return u"OpenAI"_s;
    case ProviderKind::Xai:
        return u"xAI"_s;
    case ProviderKind::OpenAiCompatible:
        return u"the OpenAI-compatible server"_s;
    case ProviderKind::Gemini:
        return u"Gemini"_s;
    }
    return {};
}

QString keyProviderFor(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
        return u"openai"_s;
    case ProviderKind::Xai:
        return u"xai"_s;
    case ProviderKind::Gemini:
        return u"gemini"_s;
    case ProviderKind::OpenAiCompatible:
        return u"openai-compatible"_s;
    case ProviderKind::Offline:
        break;
    }
    return {};
}

bool keyRequired(ProviderKind kind)
{
    return kind == ProviderKind::OpenAi || kind == ProviderKind::Xai || kind == ProviderKind::Gemini;
}

QString defaultModel(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
        return u"gpt-4o-mini"_s;
    case ProviderKind::Xai:
        return u"grok-3-mini"_s;
    case ProviderKind::OpenAiCompatible:
        return u"llama3.1"_s;
    case ProviderKind::Gemini:
        return u"gemini-2.0-flash"_s;
    case ProviderKind::Offline:
        break;
    }
    return {};
}

QUrl defaultBaseUrl(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
        return QUrl(u"https://api.openai.com/v1"_s);
    case ProviderKind::Xai:
        return QUrl(u"https://api.x.ai/v1"_s);
    case ProviderKind::OpenAiCompatible:
        return QUrl(u"http://localhost:11434/v1"_s); // Ollama's
    case ProviderKind::Gemini:
        return QUrl(u"https://generativelanguage.googleapis.com/v1beta"_s);
    case ProviderKind::Offline:
        break;
    }
    return {};
}

QString defaultEmbeddingModel(ProviderKind kind)
{
    switch (kind) {
    case ProviderKind::OpenAi:
        return u"text-embedding-3-small"_s;
    case ProviderKind::Gemini:
        return u"text-embedding-004"_s;
    case ProviderKind::OpenAiCompatible:
        return u"nomic-embed-text"_s;
    case ProviderKind::Xai: // xAI has no embeddings endpoint
    case ProviderKind::Offline:
        break;
    }
    return {};
}

bool LlmSettings::isUsableBaseUrl(const QUrl& url)
{
    return url.isValid() && (url.scheme() == "http"_L1 || url.scheme() == "https"_L1)
        && !url.host().isEmpty();
}

LlmSettings LlmSettings::load(const QSettings& settings)
{
    LlmSettings s;
    s.provider
        = providerKindFromString(settings.value(providerKey()).toString()).value_or(ProviderKind::Offline);
    s.model = settings.value(modelKey()).toString().trimmed();
    const QUrl url(settings.value(baseUrlKey()).toString().trimmed());
    if (isUsableBaseUrl(url))
        s.baseUrl = url;
    s.embeddingModel = settings.value(embeddingModelKey()).toString().trimmed();
    bool ok = false;
    const int steps = settings.value(maxStepsKey()).toInt(&ok);
    if (ok && steps >= kMinSteps && steps <= kMaxSteps)
        s.maxSteps = steps;
    const int timeout = settings.value(timeoutSecondsKey()).toInt(&ok);
    if (ok && timeout >= kMinTimeoutSeconds && timeout <= kMaxTimeoutSeconds)
        s.timeoutSeconds = timeout;
    s.cloudChat = settings.value(cloudChatKey(), false).toBool();
    s.cloudEmbeddings = settings.value(cloudEmbeddingsKey(), false).toBool();
    s.cloudSummaries = settings.value(cloudSummariesKey(), false).toBool();
    s.cloudAgents = settings.value(cloudAgentsKey(), false).toBool();
    return s;
}

void LlmSettings::save(QSettings& settings) const
{
    settings.setValue(providerKey(), toString(provider));
    settings.setValue(modelKey(), model);
    settings.setValue(baseUrlKey(), baseUrl.toString());
    settings.setValue(embeddingModelKey(), embeddingModel);
    settings.setValue(maxStepsKey(), maxSteps);
    settings.setValue(timeoutSecondsKey(), timeoutSeconds);
    settings.setValue(cloudChatKey(), cloudChat);
    settings.setValue(cloudEmbeddingsKey(), cloudEmbeddings);
    settings.setValue(cloudSummariesKey(), cloudSummaries);
    settings.setValue(cloudAgentsKey(), cloudAgents);
}

QString LlmSettings::effectiveModel() const
{
    return model.isEmpty() ? defaultModel(provider) : model;
}

QUrl LlmSettings::effectiveBaseUrl() const
{
    return baseUrl.isEmpty() ? defaultBaseUrl(provider) : baseUrl;
}

QString LlmSettings::effectiveEmbeddingModel() const
{
    return embeddingModel.isEmpty() ? defaultEmbeddingModel(provider) : embeddingModel;
}

bool LlmSettings::isLocal() const
{
    const QString host = effectiveBaseUrl().host();
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace caseyos::llm
