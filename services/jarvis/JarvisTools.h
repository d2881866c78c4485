#pragma once

#include "jarvis/AssistantReply.h"
#include "llm/ToolRegistry.h"

#include <QJsonObject>

namespace caseyos {
class Database;
}

namespace caseyos::jarvis {

class OfflineAssistant;

// The app operations a language model may call (PRODUCT.md §6), one registry for every provider. Each tool is
// named after the offline router's intent (whats_up, accept_move, …) and carried out by the same code:
// its arguments become an Intent and OfflineAssistant::answer(Intent) runs it, so a model and the offline
// router can never do an operation two different ways. Results are JSON: ok, text (the Markdown the offline
// assistant would show), citations [{kind, id, label}] and changed_moves.
//
// Nothing here sends: draft_follow_up saves a draft in CaseyOS, and execute_move only answers
// "needs_approval" with what would be done — the executor's preview and approval happen in the app.
// Both `assistant` and `db` must outlive the registry; use it on their thread.
llm::ToolRegistry jarvisTools(OfflineAssistant& assistant, Database& db);

// The tool result of an offline answer.
QJsonObject replyJson(const AssistantReply& reply);

} // namespace caseyos::jarvis
