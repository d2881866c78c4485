#include "agents/AgentRegistry.h"

#include "agents/AgentCatalogue.h"

namespace caseyos {

const AgentRegistry& AgentRegistry::instance()
{
    static const AgentRegistry registry;
    return registry;
}

AgentRegistry::AgentRegistry()
{
    using namespace agents;
    for (const auto& group : { salesAgents(), salesLanguageAgents(), contentAgents(), fulfillmentAgents(),
             contractAgents(), opsAgents(), researchAgents(), hygieneAgents() })
        m_agents.append(group);
}

const AgentDefinition* AgentRegistry::find(QStringView name) const
{
    for (const AgentDefinition& a : m_agents)
        if (a.info.name == name)
            return &a;
    return nullptr;
}

QStringList AgentRegistry::names() const
{
    QStringList list;
    for (const AgentDefinition& a : m_agents)
        list << a.info.name;
    return list;
}

} // namespace caseyos
