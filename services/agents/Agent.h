#pragma once

#include "agents/AgentTypes.h"
#include "agents/WorkspaceSnapshot.h"
#include "core/Clock.h"

#include <QJsonObject>
#include <functional>

namespace caseyos {

// What an agent runs on: the app's data at the start of the run, the clock (now and the user's zone), and
// the caller's parameters (CLI --input, Jarvis slots): a contract's text, the services to price, a contact.
struct AgentContext
{
    const WorkspaceSnapshot& data;
    const Clock& clock;
    QJsonObject input;
};

struct AgentInfo
{
    QString name; // the original's Jarvis key: "duplicate_watcher"
    AgentDomain domain = AgentDomain::Sales;
    QString description;
    AgentNeeds needs;
};

// One agent: a pure function of its context. Proposing the moves and keeping the run is the runner's job.
struct AgentDefinition
{
    AgentInfo info;
    std::function<AgentResult(const AgentContext&)> run;
};

QJsonObject agentInfoToJson(const AgentInfo& info); // name, domain, description, needs {data, account, model}

} // namespace caseyos
