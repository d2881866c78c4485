#pragma once

#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

class QSettings;

namespace caseyos::llm {

// Which model answers in Jarvis. Offline is the default and needs nothing (PRODUCT.md §6).
enum class ProviderKind { Offline, OpenAi, Xai, OpenAiCompatible, Gemini };

QString toString(ProviderKind kind); // "offline", "openai", "xai", "openai-compatible", "gemini"
// Every kind, in the order a choice is offered (offline first: the default).
QList<ProviderKind> allProviderKinds();
std::optional<ProviderKind> providerKindFromString(QStringView text);
QString providerDisplayName(ProviderKind kind); // "OpenAI", "xAI", "your OpenAI-compatible server", …
// The account provider whose key (keychain, Accounts page) the kind uses; empty: it never uses one.
QString keyProviderFor(ProviderKind kind);
// Whether the kind cannot work without that key: the hosted APIs (OpenAI, xAI, Gemini). An OpenAI-compatible
// server's key is sent when the Accounts page has one, and the server is tried without one otherwise.
bool keyRequired(ProviderKind kind);

// Jarvis's language-model settings, in the app's QSettings (typed keys, like QuietHours). Never a key: API
// keys live in the OS keychain under the Accounts page's accounts (openai, xai, gemini).
//
// Keys: jarvis/provider, jarvis/model, jarvis/baseUrl, jarvis/embeddingModel, jarvis/maxSteps,
// jarvis/timeoutSeconds, and the
// per-feature "may use the cloud" switches jarvis/cloud/chat, jarvis/cloud/embeddings,
// jarvis/cloud/summaries, jarvis/cloud/agents (all off by default: nothing leaves the machine until the user
// says so).
struct LlmSettings
{
    // The accepted ranges: a stored value outside them is ignored by load(), and the CLI and the settings
    // dialog refuse it.
    static constexpr int kMinSteps = 1;
    static constexpr int kMaxSteps = 12;
    static constexpr int kMinTimeoutSeconds = 1;
    static constexpr int kMaxTimeoutSeconds = 600;

    ProviderKind provider = ProviderKind::Offline;
    QString model; // empty: the provider's default (defaultModel)
    QUrl baseUrl; // empty: the provider's default (defaultBaseUrl)
    QString embeddingModel; // empty: the provider's default (defaultEmbeddingModel)
    int maxSteps = 6; // model calls per question (1–12)
    int timeoutSeconds = 60; // a model call that sends nothing for this long fails (1–600)
    bool cloudChat = false;
    bool cloudEmbeddings = false;
    bool cloudSummaries = false;
    bool cloudAgents = false;

    static QString providerKey() { return QStringLiteral("jarvis/provider"); }
    static QString modelKey() { return QStringLiteral("jarvis/model"); }
    static QString baseUrlKey() { return QStringLiteral("jarvis/baseUrl"); }
    static QString embeddingModelKey() { return QStringLiteral("jarvis/embeddingModel"); }
    static QString maxStepsKey() { return QStringLiteral("jarvis/maxSteps"); }
    static QString timeoutSecondsKey() { return QStringLiteral("jarvis/timeoutSeconds"); }
    static QString cloudChatKey() { return QStringLiteral("jarvis/cloud/chat"); }
    static QString cloudEmbeddingsKey() { return QStringLiteral("jarvis/cloud/embeddings"); }
    static QString cloudSummariesKey() { return QStringLiteral("jarvis/cloud/summaries"); }
    static QString cloudAgentsKey() { return QStringLiteral("jarvis/cloud/agents"); }

    // An http(s) URL with a host: what baseUrl may hold (anything else is ignored by load()).
    static bool isUsableBaseUrl(const QUrl& url);

    // Missing or malformed values keep their defaults (an unknown provider name means offline).
    static LlmSettings load(const QSettings& settings);
    void save(QSettings& settings) const;

    QString effectiveModel() const;
    QUrl effectiveBaseUrl() const;
    QString effectiveEmbeddingModel() const; // empty: the provider has no embeddings
    // A server on this machine (localhost, 127.x, ::1): no key needed, and nothing leaves the machine, so the
    // cloud switches do not apply.
    bool isLocal() const;
};

QString defaultModel(ProviderKind kind);
QUrl defaultBaseUrl(ProviderKind kind);
QString defaultEmbeddingModel(ProviderKind kind);

} // namespace caseyos::llm
