#pragma once

#include "connectors/clients/HealthCheck.h"

#include <QHash>
#include <QObject>
#include <QString>

namespace caseyos {

class AccountsService;
class HttpClient;

// The Accounts page's health checks: for each account of a provider, the credential from the keychain
// (TokenStore::validAccessToken: refreshed when due) and the provider's cheapest authenticated call
// (HealthChecker). Runs a check on its own after a connect succeeds. Asynchronous; results by signal.
class AccountHealth : public QObject
{
    Q_OBJECT
public:
    AccountHealth(AccountsService& service, HttpClient& http, HealthEndpoints endpoints, QObject* parent = nullptr);

    void check(const QString& provider);
    bool isChecking(const QString& provider) const { return m_running.value(provider) > 0; }
    // The last result per provider (one line per account when there are several); empty before any check.
    QString text(const QString& provider) const { return m_text.value(provider); }
    HealthStatus status(const QString& provider) const { return m_status.value(provider, HealthStatus::Failed); }

Q_SIGNALS:
    void changed(const QString& provider);

private:
    AccountsService& m_service;
    HealthChecker m_checker;
    QHash<QString, int> m_running;
    QHash<QString, QString> m_text;
    QHash<QString, HealthStatus> m_status;
};

} // namespace caseyos
