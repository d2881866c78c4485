#pragma once

#include "connectors/clients/ClientTypes.h"
#include "jarvis/AssistantReply.h"
#include "llm/LlmSettings.h"
#include "llm/ToolLoop.h"
#include "memory/MemoryTypes.h"

#include <QDateTime>
#include <QList>

namespace caseyos::jarvis {

// What the UI hands the worker with each question: the language-model settings as they are now, and the key's
// source (the keychain through TokenStore; empty when the Accounts page has no key for the provider).
struct LlmConfig
{
    llm::LlmSettings settings;
    TokenSource key;
};

// Jarvis's standing instructions to a model: who it is, that it acts only through the tools, and that nothing
// is sent without the user's approval.
QString systemPrompt(const QDateTime& now);

// The session's recent turns (at most `limit` user/assistant messages, oldest first), the current question
// (`currentId`) left out: the model sees what was just said without the whole history.
QList<ChatMessage> recentHistory(const QList<MemoryMessage>& session, qint64 currentId, int limit = 12);

// The pane's answer for a finished tool loop: the model's text, the error if any, and a line listing what the
// tools did (PRODUCT.md §6: always show what it did); citations and changed moves from the tool results.
AssistantReply replyFromLoop(const llm::LoopResult& result);

} // namespace caseyos::jarvis

Q_DECLARE_METATYPE(caseyos::jarvis::LlmConfig)
