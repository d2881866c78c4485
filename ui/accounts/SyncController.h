#pragma once

#include "connectors/SyncTypes.h"
#include "core/Clock.h"
#include "net/HttpClient.h"

#include <QList>
#include <QObject>
#include <QString>

namespace caseyos {

class AccountsService;
class SyncScheduler;

// The workspace's background sync: one SyncScheduler over the workspace database, fed with the connected
// accounts (syncAccountsFor over the AccountsService's list and the settings' sync/… keys) and re-fed
// whenever an account is connected or disconnected. Keeps a short status text per syncing account for the
// Accounts page. Lives on the UI thread; the scheduler's signals arrive here queued; nothing waits for a
// sync.
class SyncController : public QObject
{
    Q_OBJECT
public:
    // settingsPath: an INI file (tests); empty: the application's settings.
    SyncController(AccountsService& accounts, AccessTokenProvider tokens, QString databasePath,
        const Clock& clock, QString settingsPath = {}, HttpClientOptions options = {},
        QObject* parent = nullptr);
    ~SyncController() override;

    void start(); // a run for every account now, then on the interval
    void syncNow(const QString& key);
    void reload(); // re-reads the accounts (also done on AccountsService::accountsChanged)

    // The syncing accounts, then those waiting for a reconnect (listed, never scheduled).
    QList<SyncAccountConfig> accounts() const { return m_configs + m_paused; }
    bool needsReconnect(const QString& key) const;
    // "Syncing…", "Last sync 09:41 · 12 new signals", "Reconnect needed", the error, or "Not synced yet".
    QString statusText(const QString& key) const;
    SyncScheduler& scheduler() { return *m_scheduler; }

Q_SIGNALS:
    void accountsChanged(); // the list of syncing accounts changed
    void statusChanged(const QString& key);

private:
    AccountsService& m_accounts;
    QString m_settingsPath;
    SyncScheduler* m_scheduler = nullptr;
    QList<SyncAccountConfig> m_configs;
    QList<SyncAccountConfig> m_paused; // accounts in NeedsReconnect: no run until connected again
    bool m_started = false;
};

// "Gmail", "Google Calendar", "HubSpot".
QString syncProviderName(SyncProvider provider);

} // namespace caseyos
