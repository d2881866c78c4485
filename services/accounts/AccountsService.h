#pragma once

#include "accounts/Account.h"
#include "accounts/TokenStore.h"
#include "auth/OAuthError.h"
#include "core/Clock.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <map>

namespace caseyos {

class AccountRegistry;
class OAuthLoopbackFlow;

// Connects, lists and disconnects accounts: the Accounts page's service. OAuth providers sign in through
// OAuthLoopbackFlow (browserRequested carries the URL for the UI to open); API-key providers store the key.
// The credential goes to the keychain (TokenStore) first and only then is the account listed in the settings
// (AccountRegistry), so the settings never name an account without a credential. Disconnect removes the
// keychain item, then the settings entry.
//
// It follows the TokenStore's outcomes: a revoked grant puts the account into NeedsReconnect and, on entering
// that state only, calls the reconnect notifier once (the app posts the notification on the storage thread).
// Nothing here blocks: keychain and network calls are asynchronous.
class AccountsService : public QObject
{
    Q_OBJECT
public:
    using ReconnectNotifier = std::function<void(const Account&)>;
    // Called after an account was connected ("connected") or disconnected ("disconnected"): the app writes the
    // audit entry (PRODUCT.md §9) on a thread with a database connection.
    using ChangeNotifier = std::function<void(const QString& provider, const QString& accountId, const QString& change)>;

    AccountsService(AccountRegistry& registry, TokenStore& tokens, const Clock& clock,
        TokenStore::ConfigResolver configs, QObject* parent = nullptr);
    ~AccountsService() override;

    void setReconnectNotifier(ReconnectNotifier notifier) { m_notifier = std::move(notifier); }
    void setChangeNotifier(ChangeNotifier notifier) { m_changeNotifier = std::move(notifier); }

    QList<Account> accounts() const;
    bool isConnecting(const QString& provider) const;

    void connectOAuth(const QString& provider); // → browserRequested, later connectFinished
    void cancelConnect(const QString& provider);
    // API keys and private-app tokens; accountId empty: "default".
    void connectWithToken(const QString& provider, const QString& accountId, const QString& token);
    void disconnectAccount(const QString& provider, const QString& accountId); // → disconnectFinished

    TokenStore& tokens() { return m_tokens; }

Q_SIGNALS:
    void accountsChanged();
    void connectingChanged(const QString& provider, bool connecting);
    void browserRequested(const QString& provider, const QUrl& url);
    void connectFinished(const QString& provider, bool ok, const QString& message);
    void disconnectFinished(const QString& provider, const QString& accountId, bool ok, const QString& message);
    void reconnectNeeded(const caseyos::Account& account);

private:
    void applyEvent(const QString& provider, const QString& id, AccountEvent event, const QString& message = {});
    void storeConnected(const QString& provider, const Account& account, const StoredCredential& credential);

    AccountRegistry& m_registry;
    TokenStore& m_tokens;
    const Clock& m_clock;
    TokenStore::ConfigResolver m_configs;
    ReconnectNotifier m_notifier;
    ChangeNotifier m_changeNotifier;
    std::map<QString, QPointer<OAuthLoopbackFlow>> m_flows;
};

} // namespace caseyos
