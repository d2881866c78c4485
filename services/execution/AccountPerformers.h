#pragma once

#include "accounts/Account.h"
#include "connectors/clients/ClientTypes.h"

#include <QList>
#include <optional>

class QSettings;

namespace caseyos {

class Clock;
class HttpClient;
class PerformerRegistry;
class TokenStore;

// Adds the performers the connected accounts allow, with their tokens from the keychain (TokenStore, asked on
// its own thread): the first usable Google account → send_email and create_draft (Gmail) and book_meeting
// (Google Calendar, working hours from the execution/meetings/* settings of the same file, read at each
// booking: MeetingSlots.h); the first usable
// HubSpot account → create_task, update_task, update_deal and log_note; a Slack account → post_slack; an X
// account → post_x. For each of those without an account it records why ("No connected Google account:
// connect one on the Accounts page first"). Usable: Connected or Error (a passing failure). Base URLs from
// the settings: sync/gmail/baseUrl (https://gmail.googleapis.com), sync/calendar/baseUrl
// (https://www.googleapis.com/calendar/v3), sync/hubspot/baseUrl (https://api.hubapi.com),
// clients/slack/baseUrl (https://slack.com/api), clients/x/baseUrl (https://api.x.com). `clock` (due dates,
// free slots) must outlive the registry.
void addAccountPerformers(PerformerRegistry& registry, HttpClient& http, const QList<Account>& accounts,
    TokenStore* tokens, const QSettings& settings, const Clock& clock);

// The first account of `provider` that can be used: Connected, or Error (a passing failure).
std::optional<Account> usableAccount(const QList<Account>& accounts, const QString& provider);

// A client configuration for `account`: the base URL from the setting `key` (else `fallback`), the token
// from the keychain through `tokens` at each call.
ClientConfig accountClientConfig(const Account& account, TokenStore* tokens, const QSettings& settings,
    const QString& key, const QString& fallback);

} // namespace caseyos
