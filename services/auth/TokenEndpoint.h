#pragma once

#include "auth/OAuthClientConfig.h"
#include "auth/OAuthTokens.h"
#include "core/Clock.h"

#include <QObject>
#include <functional>

class QNetworkAccessManager;

namespace caseyos {

struct TokenRefreshResult
{
    OAuthTokens tokens; // refreshToken empty: the server kept the old one
    OAuthError error;
    bool ok() const { return !error.isError(); }
};

// The token endpoint's refresh grant (RFC 6749 §6): POST grant_type=refresh_token. Asynchronous; owns its
// QNetworkAccessManager, so create and call it on one thread. Errors are classified: 400 invalid_grant and
// 401 are InvalidGrant (reconnect), no answer in time is Timeout, the rest Network / Server.
// Logs the endpoint and the outcome, never a token.
class TokenEndpoint : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const TokenRefreshResult&)>;

    explicit TokenEndpoint(const Clock& clock, QObject* parent = nullptr);

    // `done` runs once on this object's thread, unless `context` is destroyed first.
    void refresh(const OAuthClientConfig& config, const QString& refreshToken, QObject* context, Callback done);

private:
    const Clock& m_clock;
    QNetworkAccessManager* m_network = nullptr;
};

} // namespace caseyos
