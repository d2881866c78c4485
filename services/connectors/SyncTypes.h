#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

namespace caseyos {

enum class SyncProvider { Gmail, Calendar, Hubspot };

QString toString(SyncProvider provider); // "gmail", "calendar", "hubspot"

struct SyncAccountConfig;

// Asks the token store (another part of the app) for a fresh access token for `account` (its provider and
// accountId say which credential). The callback runs once, on `context`'s thread, with a token or with an
// error text (e.g. "reconnect needed"); an empty token makes the run end with needsReconnect. Sync never sees
// refresh tokens and never stores what it gets. accounts/SyncTokenProvider.h adapts the TokenStore to this.
using TokenCallback = std::function<void(QString token, QString error)>;
using AccessTokenProvider
    = std::function<void(const SyncAccountConfig& account, QObject* context, TokenCallback done)>;

// One connected account to sync. Settings may hold everything here (ids and URLs, no secrets).
struct SyncAccountConfig
{
    SyncProvider provider = SyncProvider::Gmail;
    QString accountId; // stable id chosen by the accounts page ("casey@example.com", a HubSpot portal id)
    QUrl baseUrl; // https://gmail.googleapis.com, https://www.googleapis.com/calendar/v3,
                  // https://api.hubapi.com
    QString userEmail; // Gmail/Calendar: the account's own address (empty: taken from the profile)
    int windowDays = 30; // first / full sync: how far back (Gmail, Calendar) or ahead (Calendar)
    int maxMessages = 200; // Gmail first / full sync: at most this many recent messages
    int pageSize = 0; // 0 = the provider's default (Gmail 500, Calendar 250, HubSpot search 200)
    qint64 intervalMs = 5 * 60 * 1000;
    int requestTimeoutMs = 30000; // per request: gives up when the server sends nothing for this long

    // "gmail:casey@example.com" — the key of sync_state rows, breakers and rate buckets.
    QString key() const { return toString(provider) + QLatin1Char(':') + accountId; }
};

// What one sync run of one account did.
struct SyncRunResult
{
    QString account; // SyncAccountConfig::key()
    bool ok = false;
    QString error; // short, for the UI; empty when ok
    bool fullSync = false; // a first run or a resync after an expired cursor
    bool needsReconnect
        = false; // the provider refused the token (401/403) or no token came: show "reconnect"
    int requests = 0; // HTTP exchanges started (retries inside one exchange not counted)
    int itemsSeen = 0;
    int signalsMade = 0; // new signals stored (duplicates not counted)
    int outcomesMade = 0;
    QDateTime finishedAt;
};

// Progress of a running sync, for a progress line on the Accounts page.
struct SyncProgress
{
    QString account;
    QString stage; // "messages", "history", "events", "deals", "contacts", …
    int itemsSeen = 0;
    int signalsMade = 0;
};

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::SyncRunResult)
Q_DECLARE_METATYPE(caseyos::SyncProgress)
