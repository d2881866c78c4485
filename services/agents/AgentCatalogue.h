#pragma once

#include "agents/Agent.h"

#include <QList>

// The agents of each domain, one file each (services/agents internal; AgentRegistry collects them).
namespace caseyos::agents {

QList<AgentDefinition> salesAgents(); // SalesAgents.cpp, SalesLanguageAgents.cpp
QList<AgentDefinition> salesLanguageAgents();
QList<AgentDefinition> contentAgents();
QList<AgentDefinition> fulfillmentAgents();
QList<AgentDefinition> contractAgents();
QList<AgentDefinition> opsAgents();
QList<AgentDefinition> researchAgents();
QList<AgentDefinition> hygieneAgents();

} // namespace caseyos::agents
