#pragma once

#include "connectors/clients/GeminiTypes.h"

#include <QByteArray>

namespace caseyos {

// Builds a GeminiResponse from the `data:` payloads of streamGenerateContent?alt=sse: each payload is a whole
// GenerateContentResponse holding the next piece of the first candidate. Text pieces are concatenated;
// function calls arrive whole (Gemini does not split their arguments) and are kept in order. There is no
// "[DONE]": the stream ends when the connection does. A payload that is not JSON is an error, not a crash.
class GeminiStreamAssembler
{
public:
    // Returns the text delta of this payload (may be empty); sets *error for a broken payload or an error
    // object sent inside the stream.
    QString add(const QByteArray& payload, QString* error);
    int chunks() const { return m_chunks; }
    GeminiResponse result() const { return m_response; }

private:
    GeminiResponse m_response;
    int m_chunks = 0;
};

} // namespace caseyos
