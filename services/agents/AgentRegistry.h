#pragma once

#include "agents/Agent.h"

#include <QList>
#include <QStringList>

namespace caseyos {

// Every agent of the original (original-behaviour.md §8.2), grouped by domain, each with its deterministic
// core (services/agents/cores). Built once; read-only afterwards, so any thread may read it.
class AgentRegistry
{
public:
    static const AgentRegistry& instance();

    const QList<AgentDefinition>& all() const
    {
        return m_agents;
    } // by domain, then as the original lists them
    const AgentDefinition* find(QStringView name) const;
    QStringList names() const;

private:
    AgentRegistry();
    QList<AgentDefinition> m_agents;
};

} // namespace caseyos
