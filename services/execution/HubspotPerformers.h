#pragma once

#include "connectors/clients/ClientTypes.h"

namespace caseyos {

class Clock;
class HttpClient;
class PerformerRegistry;

// create_task, update_task, update_deal and log_note through HubspotCrmClient (CRM v3). `config.baseUrl`:
// https://api.hubapi.com (or a test server); `http` and `clock` must outlive the registry.
//
// Creations (create_task, log_note): the contact is looked up by contact_email (none → the action fails,
// nothing is created), the record is created with its associations to that contact and to deal_id, and its
// text ends with "(CaseyOS ref <remoteToken>)" — HubSpot keeps no idempotency key, so that word is how find()
// recognises the record after a crash (search, CONTAINS_TOKEN). A task without due_at is due tomorrow 09:00
// in the clock's zone (HubSpot requires one). Undo archives (deletes) the record; one already gone counts as
// undone.
//
// Updates (update_task, update_deal): perform() reads the current values of exactly the fields it changes and
// returns them in undo_info.previous; undo writes them back (an empty previous value clears the field again).
// update_task changes the task's own fields only: contact_email and deal_id in its payload are context, its
// associations stay as they are. After a crash find() reads the record: when it already holds the new values
// the update counts as done, but the values before it are then unknown and undo says so instead of guessing.
void addHubspotPerformers(
    PerformerRegistry& registry, HttpClient& http, const ClientConfig& config, const Clock& clock);

} // namespace caseyos
