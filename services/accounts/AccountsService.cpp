#include "AccountsService.h"

#include "accounts/AccountIdentity.h"
#include "accounts/AccountRegistry.h"
#include "accounts/Providers.h"
#include "auth/OAuthLoopbackFlow.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

Q_LOGGING_CATEGORY(lcAccounts, "caseyos.accounts")

} // namespace

AccountsService::AccountsService(AccountRegistry& registry, TokenStore& tokens, const Clock& clock,
    TokenStore::ConfigResolver configs, QObject* parent)
    : QObject(parent)
    , m_registry(registry)
    , m_tokens(tokens)
    , m_clock(clock)
    , m_configs(std::move(configs))
{
    connect(&m_tokens, &TokenStore::tokenOk, this,
        [this](const QString& provider, const QString& id) { applyEvent(provider, id, AccountEvent::TokenOk); });
    connect(&m_tokens, &TokenStore::transientFailure, this,
        [this](const QString& provider, const QString& id, const OAuthError& e) {
            applyEvent(provider, id, AccountEvent::TransientFailure, e.message);
        });
    connect(&m_tokens, &TokenStore::grantRevoked, this,
        [this](const QString& provider, const QString& id, const OAuthError& e) {
            applyEvent(provider, id, AccountEvent::GrantRevoked, e.message);
        });
}

AccountsService::~AccountsService() = default;

QList<Account> AccountsService::accounts() const
{
    return m_registry.accounts();
}

bool AccountsService::isConnecting(const QString& provider) const
{
    const auto it = m_flows.find(provider);
    return it != m_flows.end() && it->second && !it->second->isFinished();
}

void AccountsService::connectOAuth(const QString& provider)
{
    const auto info = providerInfo(provider);
    if (!info || !info->supportsOAuth()) {
        Q_EMIT connectFinished(provider, false, u"This provider does not sign in with OAuth."_s);
        return;
    }
    if (isConnecting(provider))
        m_flows[provider]->cancel(); // a new attempt replaces the old one
    auto* flow = new OAuthLoopbackFlow(m_configs ? m_configs(provider) : OAuthClientConfig {}, m_clock, this);
    m_flows[provider] = flow;
    connect(flow, &OAuthLoopbackFlow::openBrowser, this,
        [this, provider](const QUrl& url) { Q_EMIT browserRequested(provider, url); });
    connect(flow, &OAuthLoopbackFlow::failed, this, [this, provider, flow](const OAuthError& error) {
        flow->deleteLater();
        Q_EMIT connectingChanged(provider, isConnecting(provider));
        Q_EMIT connectFinished(provider, false, error.message);
    });
    connect(flow, &OAuthLoopbackFlow::succeeded, this, [this, provider, flow](const OAuthTokens& tokens) {
        flow->deleteLater();
        const AccountIdentity who = identityFromTokens(provider, tokens);
        Account account;
        account.provider = provider;
        account.id = who.id;
        account.displayName = who.displayName;
        account.credential = Account::Credential::OAuth;
        storeConnected(provider, account, StoredCredential::fromTokens(tokens));
    });
    Q_EMIT connectingChanged(provider, true);
    flow->start();
}

void AccountsService::cancelConnect(const QString& provider)
{
    if (isConnecting(provider))
        m_flows[provider]->cancel();
}

void AccountsService::connectWithToken(const QString& provider, const QString& accountId, const QString& token)
{
    const auto info = providerInfo(provider);
    if (!info || !info->supportsToken()) {
        Q_EMIT connectFinished(provider, false, u"This provider does not take an API key."_s);
        return;
    }
    if (token.trimmed().isEmpty()) {
        Q_EMIT connectFinished(provider, false, u"The key is empty."_s);
        return;
    }
    Account account;
    account.provider = provider;
    account.id = accountId.trimmed().isEmpty() ? u"default"_s : accountId.trimmed();
    account.credential = Account::Credential::Token;
    Q_EMIT connectingChanged(provider, true);
    storeConnected(provider, account, StoredCredential::fromToken(token.trimmed()));
}

void AccountsService::storeConnected(const QString& provider, const Account& draft, const StoredCredential& credential)
{
    m_tokens.store(provider, draft.id, credential, this, [this, provider, draft](const OAuthError& error) {
        Q_EMIT connectingChanged(provider, false);
        if (error.isError()) {
            qCWarning(lcAccounts, "connecting %s:%s failed: the keychain refused the credential (%s)",
                qUtf8Printable(provider), qUtf8Printable(draft.id), qUtf8Printable(error.detail));
            Q_EMIT connectFinished(provider, false, error.message);
            return;
        }
        Account account = draft;
        if (const auto existing = m_registry.find(provider, draft.id); existing && account.displayName.isEmpty())
            account.displayName = existing->displayName;
        account.state = nextAccountState(AccountState::Connected, AccountEvent::ConnectSucceeded);
        account.lastError.clear();
        m_registry.upsert(account);
        qCInfo(lcAccounts, "connected %s:%s", qUtf8Printable(provider), qUtf8Printable(account.id));
        if (m_changeNotifier)
            m_changeNotifier(provider, account.id, u"connected"_s);
        Q_EMIT accountsChanged();
        Q_EMIT connectFinished(provider, true, {});
    });
}

void AccountsService::disconnectAccount(const QString& provider, const QString& accountId)
{
    m_tokens.remove(provider, accountId, this, [this, provider, accountId](const OAuthError& error) {
        if (error.isError()) {
            Q_EMIT disconnectFinished(provider, accountId, false, error.message);
            return;
        }
        m_registry.remove(provider, accountId);
        qCInfo(lcAccounts, "disconnected %s:%s", qUtf8Printable(provider), qUtf8Printable(accountId));
        if (m_changeNotifier)
            m_changeNotifier(provider, accountId, u"disconnected"_s);
        Q_EMIT accountsChanged();
        Q_EMIT disconnectFinished(provider, accountId, true, {});
    });
}

void AccountsService::applyEvent(const QString& provider, const QString& id, AccountEvent event, const QString& message)
{
    const auto change = m_registry.apply(provider, id, event, message);
    if (!change)
        return;
    const auto [from, to] = *change;
    if (from != to)
        Q_EMIT accountsChanged();
    if (entersNeedsReconnect(from, to)) {
        const std::optional<Account> account = m_registry.find(provider, id);
        qCWarning(lcAccounts, "%s:%s needs to be reconnected", qUtf8Printable(provider), qUtf8Printable(id));
        if (account) {
            if (m_notifier)
                m_notifier(*account);
            Q_EMIT reconnectNeeded(*account);
        }
    }
}

} // namespace caseyos
