#pragma once

#include "accounts/Account.h"
#include "connectors/SyncTypes.h"

#include <QList>
#include <QString>

class QSettings;

namespace caseyos {

class AccountRegistry;
class TokenStore;

// The bridge between the accounts (registry + keychain) and the connectors' sync.

// The account provider ("google", "hubspot") whose credential a sync provider uses: Gmail and Calendar share
// the Google account.
QString accountProviderFor(SyncProvider provider);

// A token source for SyncScheduler over the TokenStore. Called on the sync thread: it asks the store on the
// store's own thread (queued) for a valid token of (accountProviderFor(account.provider), account.accountId)
// and delivers the answer queued on `context`'s thread, or drops it when `context` is gone by then. A store
// that is gone answers "no token". A lost grant (invalid_grant, no credential) answers an empty token and a
// "Reconnect needed: …" text, which ends the run with needsReconnect. Tokens are never logged.
AccessTokenProvider tokenProviderFor(TokenStore* store);

// The same for one account of any provider ("google", "slack", "x", …): asks the store on its thread and
// answers on `context`'s thread (token, or an empty token and the reason). Used by the executor's performers.
void requestAccessToken(TokenStore* store, const QString& provider, const QString& id, QObject* context,
    TokenCallback done);

// What to sync for the registry's accounts: each Google account in state Connected or Error → a Gmail and a
// Calendar config, each HubSpot account → a HubSpot one (accounts that need a reconnect are left out).
// Settings: sync/<gmail|calendar|hubspot>/baseUrl (defaults: https://gmail.googleapis.com,
// https://www.googleapis.com/calendar/v3, https://api.hubapi.com) and sync/intervalMinutes (1–1440, default
// 5).
QList<SyncAccountConfig> syncAccountsFor(const QList<Account>& accounts, const QSettings& settings);
QList<SyncAccountConfig> syncAccountsFromRegistry(const AccountRegistry& registry, const QSettings& settings);

} // namespace caseyos
