#pragma once

// What HubspotCreatePerformers.cpp and HubspotUpdatePerformers.cpp share; addHubspotPerformers
// (HubspotPerformers.h) is the way in for everyone else.
#include "connectors/clients/ClientTypes.h"
#include "execution/ActionPerformer.h"

#include <memory>

namespace caseyos {

class Clock;
class HubspotCrmClient;

class HubspotPerformer : public ActionPerformer
{
public:
    HubspotPerformer(std::shared_ptr<HubspotCrmClient> client, const Clock& clock)
        : m_client(std::move(client))
        , m_clock(clock)
    {
    }
    QString serviceName() const override { return QStringLiteral("HubSpot"); }

protected:
    std::shared_ptr<HubspotCrmClient> m_client;
    const Clock& m_clock;
};

// "<what>: <the client's one-sentence reason>" as a failed PerformResult.
inline PerformResult hubspotFailure(const QString& what, const ClientError& error)
{
    return { false, {}, {}, what + QStringLiteral(": ") + error.message };
}

void addHubspotCreatePerformers(
    PerformerRegistry& registry, const std::shared_ptr<HubspotCrmClient>& client, const Clock& clock);
void addHubspotUpdatePerformers(
    PerformerRegistry& registry, const std::shared_ptr<HubspotCrmClient>& client, const Clock& clock);

} // namespace caseyos
