#pragma once

#include "core/Clock.h"
#include "jarvis/AssistantReply.h"
#include "jarvis/IntentRouter.h"
#include "jarvis/MoveResolver.h"

#include <functional>

namespace caseyos {
class Database;
}

namespace caseyos::jarvis {

// Runs an agent by key and answers in Markdown (the agents' registry supplies it); empty: no agents here.
using AgentRunner = std::function<AssistantReply(const QString& agentKey)>;
// Searches the conversation memory and answers in Markdown; empty: no memory store here.
using MemorySearcher = std::function<AssistantReply(const QString& query)>;

// The offline provider (PRODUCT.md §6): routes an utterance to an intent and carries it out with the same
// services the UI, CLI and MCP use, answering from the real data. Nothing here sends anything: a draft is
// saved in CaseyOS. Synchronous; lives on the thread that owns the Database (never the UI thread).
class OfflineAssistant
{
public:
    OfflineAssistant(Database& db, const Clock& clock);

    void setAgentRunner(AgentRunner runner) { m_agents = std::move(runner); }
    void setMemorySearcher(MemorySearcher searcher) { m_memory = std::move(searcher); }

    AssistantReply answer(const QString& utterance);
    AssistantReply answer(const Intent& intent);

    const ConversationFocus& focus() const { return m_focus; }

private:
    AssistantReply help() const;
    AssistantReply whatsUp();
    AssistantReply listMoves();
    AssistantReply showMove(const Intent& intent);
    AssistantReply changeMove(const Intent& intent);
    AssistantReply draftFollowUp(const Intent& intent);
    AssistantReply recordOutcome(const Intent& intent);
    AssistantReply outcomeStats(const Intent& intent);
    AssistantReply searchMemory(const Intent& intent);
    AssistantReply runAgent(const Intent& intent);

    Database& m_db;
    const Clock& m_clock;
    IntentRouter m_router;
    ConversationFocus m_focus;
    AgentRunner m_agents;
    MemorySearcher m_memory;
};

} // namespace caseyos::jarvis
