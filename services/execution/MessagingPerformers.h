#pragma once

#include "connectors/clients/ClientTypes.h"

namespace caseyos {

class HttpClient;
class PerformerRegistry;

// post_slack (SlackClient::postMessage) and post_x (XClient::post). Neither service can be asked whether a
// post interrupted by a crash went through, so find() answers Unknown and the executor marks such a row
// failed + uncertain instead of posting again. A post is not taken back by undo: it is explained.
void addSlackPerformer(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config);
void addXPerformer(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config);

} // namespace caseyos
