#pragma once

#include "jarvis/AssistantReply.h"

namespace caseyos {
class Clock;
class Database;
}

namespace caseyos::jarvis {

// "Check for duplicates": runs the agent through the agents' runner (its moves join the queue once per
// subject) and answers with its summary, its first findings and the moves it added, each linked.
AssistantReply agentAnswer(Database& db, const Clock& clock, const QString& agentKey);

} // namespace caseyos::jarvis
