#pragma once

#include "connectors/clients/ClientTypes.h"
#include "execution/ActionPerformer.h"

namespace caseyos {

class HttpClient;
class PerformerRegistry;

// send_email and create_draft through Gmail (GmailWriteClient). The message carries the Message-ID
// <remoteKey@caseyos.local>, so after a crash find() looks it up with q=rfc822msgid:… instead of guessing.
// A sent email cannot be undone (it is explained, never faked); a created draft is deleted by undo.
// `config.baseUrl`: https://gmail.googleapis.com (or a test server); `http` must outlive the registry.
void addGmailPerformers(PerformerRegistry& registry, HttpClient& http, const ClientConfig& config);

} // namespace caseyos
