#pragma once

#include "jarvis/AgentsWorker.h"
#include "core/Clock.h"

#include <QString>

namespace caseyos {

// An agent's newest run as rich text for the Agents view's detail: how it ended and when, its summary, the
// moves it added to Today's Moves as caseyos://move/ID links, what it had proposed before, its findings, and
// its evidence and output as JSON.
QString agentRunHtml(const AgentLastRun& run, const Clock& clock);

} // namespace caseyos
