#include "llm/OpenAiChatProvider.h"

#include <QPointer>

using namespace Qt::StringLiterals;

namespace caseyos::llm {

OpenAiChatProvider::OpenAiChatProvider(
    HttpClient& http, ClientConfig config, QString model, QString displayName)
    : m_client(http, m_scrubber.wrap(std::move(config)))
    , m_model(std::move(model))
    , m_name(std::move(displayName))
{
}

ChatRequest OpenAiChatProvider::request(const ProviderTurn& turn) const
{
    ChatRequest request;
    request.model = m_model;
    if (!turn.system.isEmpty())
        request.messages.append({ u"system"_s, turn.system, {}, {} });
    request.messages += turn.messages;
    request.tools = turn.tools;
    return request;
}

void OpenAiChatProvider::send(const ProviderTurn& turn, QObject* context, DeltaFn onDelta, DoneFn done)
{
    // Deltas come straight from the network callback, which knows nothing of `context`: guard them here.
    QPointer<QObject> guard(context);
    auto delta = [guard, onDelta](const QString& text) {
        if (guard && onDelta)
            onDelta(text);
    };
    const SecretScrubber scrubber = m_scrubber;
    const QString name = m_name;
    const QString host = m_client.config().baseUrl.host();
    m_client.chatStream(
        request(turn), context, delta, [scrubber, name, host, done](const ProviderReply& reply) {
            ProviderReply out = reply;
            if (out.error.isError())
                out.error.message = scrubber.scrub(providerErrorText(name, out.error, host));
            done(out);
        });
}

} // namespace caseyos::llm
