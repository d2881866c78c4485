#pragma once

#include "accounts/StoredCredential.h"
#include "auth/OAuthClientConfig.h"
#include "auth/OAuthError.h"
#include "auth/TokenExpiry.h"
#include "core/Clock.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <chrono>
#include <functional>
#include <map>

namespace caseyos {

class SecretStore;
class TokenEndpoint;

struct AccessTokenResult
{
    QString token; // the bearer token or API key; empty unless ok()
    OAuthError error;
    bool ok() const { return !error.isError(); }
};

// Account credentials over the OS keychain (SecretStore): one JSON value per account (StoredCredential),
// never anywhere else. validAccessToken() hands out a token that is good for at least the refresh margin:
// when the stored one expires within it, the refresh grant runs first and the rotated credential (with the
// new refresh token when the server sends one) is written to the keychain BEFORE the new token is handed
// out. Requests for an account while its read/refresh is under way wait for that one and share its result.
//
// Outcomes are also signalled per account, for the registry: tokenOk, grantRevoked (invalid_grant, 401, no
// credential left: reconnect needed), transientFailure. Everything is asynchronous; callbacks run on this
// object's thread unless their context is gone.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    using ConfigResolver = std::function<OAuthClientConfig(const QString& provider)>;
    using TokenCallback = std::function<void(const AccessTokenResult&)>;
    using DoneCallback = std::function<void(const OAuthError&)>; // kind None on success

    TokenStore(SecretStore& secrets, TokenEndpoint& endpoint, const Clock& clock, ConfigResolver configs,
        QObject* parent = nullptr);

    void setRefreshMargin(std::chrono::seconds margin) { m_margin = margin; }
    std::chrono::seconds refreshMargin() const { return m_margin; }

    void store(const QString& provider, const QString& account, const StoredCredential& credential,
        QObject* context, DoneCallback done);
    void remove(const QString& provider, const QString& account, QObject* context, DoneCallback done);
    void validAccessToken(const QString& provider, const QString& account, QObject* context, TokenCallback done);

    int inFlight() const { return int(m_pending.size()); }

Q_SIGNALS:
    void tokenOk(const QString& provider, const QString& account);
    void rotated(const QString& provider, const QString& account); // a refreshed credential was persisted
    void grantRevoked(const QString& provider, const QString& account, const caseyos::OAuthError& error);
    void transientFailure(const QString& provider, const QString& account, const caseyos::OAuthError& error);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        TokenCallback done;
    };
    void onCredentialRead(const QString& provider, const QString& account, const StoredCredential& credential);
    void finish(const QString& provider, const QString& account, const AccessTokenResult& result);

    SecretStore& m_secrets;
    TokenEndpoint& m_endpoint;
    const Clock& m_clock;
    ConfigResolver m_configs;
    std::chrono::seconds m_margin = kDefaultRefreshMargin;
    std::map<std::pair<QString, QString>, QList<Waiter>> m_pending;
};

} // namespace caseyos
