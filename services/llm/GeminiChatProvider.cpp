#include "llm/GeminiChatProvider.h"

#include "llm/GeminiConversation.h"

#include <QPointer>

namespace caseyos::llm {

GeminiChatProvider::GeminiChatProvider(HttpClient& http, ClientConfig config, QString model)
    : m_client(http, m_scrubber.wrap(config))
    , m_model(std::move(model))
    , m_host(config.baseUrl.host())
{
}

void GeminiChatProvider::send(const ProviderTurn& turn, QObject* context, DeltaFn onDelta, DoneFn done)
{
    QPointer<QObject> guard(context);
    auto delta = [guard, onDelta](const QString& text) {
        if (guard && onDelta)
            onDelta(text);
    };
    const SecretScrubber scrubber = m_scrubber;
    const int firstCall = m_calls + 1;
    const QString host = m_host;
    m_calls += 100; // room for the calls of one reply; ids only need to be unique within a conversation
    m_client.streamGenerateContent(geminiRequestFor(turn, m_model), context, delta,
        [scrubber, firstCall, host, done](const ClientResult<GeminiResponse>& reply) {
            ProviderReply out;
            out.error = reply.error;
            if (out.error.isError())
                out.error.message
                    = scrubber.scrub(providerErrorText(QStringLiteral("Gemini"), out.error, host));
            else
                out.value = chatResponseFrom(reply.value, firstCall);
            done(out);
        });
}

} // namespace caseyos::llm
