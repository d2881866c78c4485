#include "TokenStore.h"

#include "auth/TokenEndpoint.h"
#include "secrets/SecretStore.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

Q_LOGGING_CATEGORY(lcTokens, "caseyos.accounts.tokens")

AccessTokenResult failure(OAuthErrorKind kind, const QString& message, const QString& detail = {})
{
    return AccessTokenResult { {}, makeOAuthError(kind, message, detail) };
}

OAuthError fromSecretError(const SecretError& e)
{
    return makeOAuthError(OAuthErrorKind::Keychain, e.message, secretErrorKindName(e.kind));
}

} // namespace

TokenStore::TokenStore(SecretStore& secrets, TokenEndpoint& endpoint, const Clock& clock, ConfigResolver configs,
    QObject* parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_endpoint(endpoint)
    , m_clock(clock)
    , m_configs(std::move(configs))
{
}

void TokenStore::store(const QString& provider, const QString& account, const StoredCredential& credential,
    QObject* context, DoneCallback done)
{
    QPointer<QObject> guard(context);
    m_secrets.write(provider, account, credential.toJson(), this, [guard, done = std::move(done)](const SecretError& e) {
        if (guard)
            done(e.isError() ? fromSecretError(e) : OAuthError {});
    });
}

void TokenStore::remove(const QString& provider, const QString& account, QObject* context, DoneCallback done)
{
    QPointer<QObject> guard(context);
    m_secrets.remove(provider, account, this, [guard, done = std::move(done)](const SecretError& e) {
        if (guard)
            done(e.isError() ? fromSecretError(e) : OAuthError {});
    });
}

void TokenStore::validAccessToken(const QString& provider, const QString& account, QObject* context, TokenCallback done)
{
    const auto key = std::make_pair(provider, account);
    auto it = m_pending.find(key);
    if (it != m_pending.end()) {
        it->second.append({ QPointer<QObject>(context), std::move(done) }); // shares the one under way
        return;
    }
    m_pending[key].append({ QPointer<QObject>(context), std::move(done) });
    m_secrets.read(provider, account, this, [this, provider, account](const SecretReadResult& read) {
        if (!read.ok()) {
            if (read.error.kind == SecretErrorKind::NotFound)
                finish(provider, account,
                    failure(OAuthErrorKind::NotConnected, u"No credential is stored for this account; connect it again."_s,
                        u"nothing in the keychain"_s));
            else
                finish(provider, account, AccessTokenResult { {}, fromSecretError(read.error) });
            return;
        }
        const std::optional<StoredCredential> credential = StoredCredential::fromJson(read.secret);
        if (!credential) {
            finish(provider, account,
                failure(OAuthErrorKind::NotConnected, u"The stored credential is unreadable; connect the account again."_s,
                    u"malformed keychain value"_s));
            return;
        }
        onCredentialRead(provider, account, *credential);
    });
}

void TokenStore::onCredentialRead(const QString& provider, const QString& account, const StoredCredential& credential)
{
    if (credential.kind == StoredCredential::Kind::Token
        || !needsRefresh(credential.expiresAt, m_clock.now(), m_margin)) {
        finish(provider, account, AccessTokenResult { credential.usableToken(), {} });
        return;
    }
    if (credential.refreshToken.isEmpty()) {
        finish(provider, account,
            failure(OAuthErrorKind::InvalidGrant, u"The account's sign-in has expired; connect it again."_s,
                u"expired, no refresh token"_s));
        return;
    }
    const OAuthClientConfig config = m_configs ? m_configs(provider) : OAuthClientConfig {};
    if (!config.tokenUrl.isValid() || config.tokenUrl.isEmpty()) {
        finish(provider, account,
            failure(OAuthErrorKind::NotConfigured, u"This provider has no token address configured."_s));
        return;
    }
    qCInfo(lcTokens, "refreshing %s:%s (expires %s)", qUtf8Printable(provider), qUtf8Printable(account),
        qUtf8Printable(credential.expiresAt.toString(Qt::ISODate)));
    m_endpoint.refresh(config, credential.refreshToken, this,
        [this, provider, account, credential](const TokenRefreshResult& refreshed) {
            if (!refreshed.ok()) {
                finish(provider, account, AccessTokenResult { {}, refreshed.error });
                return;
            }
            const StoredCredential next = credential.rotated(refreshed.tokens);
            // Persist first: a rotated refresh token that only lived in memory would be lost on a crash,
            // and the old one no longer works.
            m_secrets.write(provider, account, next.toJson(), this,
                [this, provider, account, token = next.accessToken](const SecretError& e) {
                    if (e.isError()) {
                        finish(provider, account, AccessTokenResult { {}, fromSecretError(e) });
                        return;
                    }
                    Q_EMIT rotated(provider, account);
                    finish(provider, account, AccessTokenResult { token, {} });
                });
        });
}

void TokenStore::finish(const QString& provider, const QString& account, const AccessTokenResult& result)
{
    const auto node = m_pending.extract(std::make_pair(provider, account));
    if (result.ok())
        Q_EMIT tokenOk(provider, account);
    else if (result.error.needsReconnect())
        Q_EMIT grantRevoked(provider, account, result.error);
    else
        Q_EMIT transientFailure(provider, account, result.error);
    if (node.empty())
        return;
    for (const Waiter& w : node.mapped()) {
        if (w.context)
            w.done(result);
    }
}

} // namespace caseyos
