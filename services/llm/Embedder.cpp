#include "llm/Embedder.h"

#include "connectors/clients/GeminiClient.h"
#include "connectors/clients/OpenAiClient.h"
#include "llm/ProviderFactory.h"

#include <QPointer>

namespace caseyos::llm {

namespace {

// Gemini embeds one text per call: the calls run one after another, each started by the previous answer. The
// chain holds copies of what it needs (HttpClient outlives it), so the Embedder may go away meanwhile.
void geminiNext(HttpClient& http, const ClientConfig& config, const QString& model,
    std::shared_ptr<Embedder::Vectors> out, QStringList rest, QObject* context, Embedder::DoneFn done)
{
    if (rest.isEmpty()) {
        ClientResult<Embedder::Vectors> result;
        result.value = *out;
        done(result);
        return;
    }
    const QString text = rest.takeFirst();
    QPointer<QObject> guard(context);
    GeminiClient(http, config)
        .embedContent(model, text, context,
            [&http, config, model, out, rest, guard, done](const ClientResult<QList<float>>& one) {
                if (!one.ok()) {
                    ClientResult<Embedder::Vectors> failed;
                    failed.error = one.error;
                    done(failed);
                    return;
                }
                out->append(one.value);
                if (guard)
                    geminiNext(http, config, model, out, rest, guard, done);
            });
}

} // namespace

Embedder::Embedder(HttpClient& http, const LlmSettings& settings, TokenSource key)
    : m_http(http)
    , m_config(providerClientConfig(settings, std::move(key)))
    , m_model(settings.effectiveEmbeddingModel())
    , m_gemini(settings.provider == ProviderKind::Gemini)
{
}

void Embedder::embed(const QStringList& texts, QObject* context, DoneFn done)
{
    if (!m_gemini) {
        OpenAiClient(m_http, m_config).embeddings(m_model, texts, context, std::move(done));
        return;
    }
    geminiNext(m_http, m_config, m_model, std::make_shared<Vectors>(), texts, context, std::move(done));
}

} // namespace caseyos::llm
