#pragma once

#include "connectors/clients/OpenAiTypes.h"

#include <QByteArray>
#include <QMap>

namespace caseyos {

// Builds a ChatResponse from the `data:` payloads of a streamed chat completion (chat.completion.chunk
// objects, then "[DONE]"): content deltas concatenated, tool calls gathered by index with their argument
// fragments joined, usage from the last chunk. A payload that is not JSON is an error, not a crash.
class ChatStreamAssembler
{
public:
    // Returns the content delta of this payload (may be empty); sets *error for a broken payload.
    QString add(const QByteArray& payload, QString* error);
    bool done() const { return m_done; }
    ChatResponse result() const; // tool-call arguments parsed here

private:
    ChatResponse m_response;
    QMap<int, ToolCall> m_calls;
    bool m_done = false;
};

} // namespace caseyos
