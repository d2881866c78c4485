#pragma once

#include "jarvis/AssistantReply.h"

namespace caseyos {
class MemoryStore;
}

namespace caseyos::jarvis {

// "What did we say about X": the memory's best matches (lexical; merged with semantic when the store is given
// a query vector elsewhere), each with its snippet, session and time, cited so the pane can open it.
AssistantReply memoryAnswer(MemoryStore& store, const QString& query, int limit = 5);

} // namespace caseyos::jarvis
