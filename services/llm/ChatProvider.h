#pragma once

#include "connectors/clients/ClientTypes.h"
#include "connectors/clients/OpenAiTypes.h"

#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace caseyos::llm {

// One request to a language model: the conversation so far (user, assistant — possibly with tool calls —
// and tool messages answering them, in the OpenAI shape of OpenAiTypes.h, which every provider converts
// from) plus the tools it may call. The system prompt travels apart because providers place it differently.
struct ProviderTurn
{
    QString system;
    QList<ChatMessage> messages;
    QList<ToolDefinition> tools;
};

// What the model answered: its text and the tools it wants called (ChatResponse::toolCalls; a call whose
// arguments were not JSON carries argumentsError instead of arguments).
using ProviderReply = ClientResult<ChatResponse>;

// A chat model behind Jarvis (PRODUCT.md §6). Asynchronous and single-threaded: created, called and answered
// on the Jarvis worker's thread. onDelta gets the answer's text piece by piece as it streams in; done runs
// once at the end with the whole reply or an error whose message is one sentence for people (never a key,
// a token or a full URL). Both are dropped when `context` is destroyed first (a newer question replaced
// this one).
class ChatProvider
{
public:
    using DeltaFn = std::function<void(const QString& text)>;
    using DoneFn = std::function<void(const ProviderReply& reply)>;

    virtual ~ChatProvider() = default;

    virtual QString displayName() const = 0; // "OpenAI", "Gemini", … for messages
    virtual QString model() const = 0;
    virtual void send(const ProviderTurn& turn, QObject* context, DeltaFn onDelta, DoneFn done) = 0;
};

} // namespace caseyos::llm
