#pragma once

#include "core/Clock.h"

#include <QObject>
#include <QString>
#include <memory>

namespace caseyos {

class AccountRegistry;
class AccountsService;
class SecretStore;
class TokenEndpoint;
class TokenStore;

// The accounts stack assembled for the app: keychain (SecretStore), token endpoint, TokenStore,
// AccountRegistry over the app's settings (or settingsPath), and AccountsService with provider endpoints
// and client ids read from the settings (Providers.h: oauthConfigFor). When databasePath is set, a grant
// that is lost posts the one "reconnect" notification there, on a thread-pool thread with a connection of
// its own (never on the caller's thread). Create it on the thread that uses it; everything is asynchronous.
class AccountsRuntime : public QObject
{
    Q_OBJECT
public:
    AccountsRuntime(const Clock& clock, QString databasePath, QString settingsPath = {}, QObject* parent = nullptr);
    ~AccountsRuntime() override;

    AccountsService& service() { return *m_service; }
    AccountRegistry& registry() { return *m_registry; }
    TokenStore& tokens() { return *m_tokens; }

private:
    const Clock& m_clock;
    QString m_databasePath;
    QString m_settingsPath;
    SecretStore* m_secrets = nullptr;
    TokenEndpoint* m_endpoint = nullptr;
    std::unique_ptr<AccountRegistry> m_registry;
    TokenStore* m_tokens = nullptr;
    AccountsService* m_service = nullptr;
};

} // namespace caseyos
