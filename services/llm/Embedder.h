#pragma once

#include "connectors/clients/ClientTypes.h"
#include "llm/LlmSettings.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>

namespace caseyos {
class HttpClient;
}

namespace caseyos::llm {

// Embedding vectors for memory search from the configured provider: OpenAI-compatible POST /embeddings (one
// call for all texts) or Gemini embedContent (one call per text, in order). Asynchronous, on the caller's
// thread; `done` runs once, or never if `context` is gone first.
class Embedder
{
public:
    using Vectors = QList<QList<float>>;
    using DoneFn = std::function<void(const ClientResult<Vectors>& result)>;

    Embedder(HttpClient& http, const LlmSettings& settings, TokenSource key);
    QString model() const { return m_model; }
    void embed(const QStringList& texts, QObject* context, DoneFn done);

private:
    HttpClient& m_http;
    ClientConfig m_config;
    QString m_model;
    bool m_gemini = false;
};

} // namespace caseyos::llm
