#include "execution/HubspotPerformers.h"

#include "connectors/clients/HubspotCrmClient.h"
#include "execution/HubspotPerformerParts.h"

namespace caseyos {

void addHubspotPerformers(
    PerformerRegistry& registry, HttpClient& http, const ClientConfig& config, const Clock& clock)
{
    auto client = std::make_shared<HubspotCrmClient>(http, config);
    addHubspotCreatePerformers(registry, client, clock);
    addHubspotUpdatePerformers(registry, client, clock);
}

} // namespace caseyos
