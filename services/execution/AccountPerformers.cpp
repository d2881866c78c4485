#include "execution/AccountPerformers.h"

#include "accounts/SyncAccounts.h"
#include "accounts/TokenStore.h"
#include "execution/ActionPerformer.h"
#include "execution/GmailPerformers.h"
#include "execution/MessagingPerformers.h"

#include <QPointer>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

std::optional<Account> usable(const QList<Account>& accounts, const QString& provider)
{
    for (const Account& a : accounts)
        if (a.provider == provider && (a.state == AccountState::Connected || a.state == AccountState::Error))
            return a;
    return std::nullopt;
}

ClientConfig configFor(const Account& account, TokenStore* tokens, const QSettings& settings,
    const QString& key, const QString& fallback)
{
    ClientConfig config;
    config.baseUrl = QUrl(settings.value(key, fallback).toString());
    config.account = account.provider + u':' + account.id;
    config.timeoutMs = 30000;
    QPointer<TokenStore> store(tokens);
    const QString provider = account.provider;
    const QString id = account.id;
    config.token = [store, provider, id](QObject* context, CredentialCallback done) {
        requestAccessToken(
            store.data(), provider, id, context, [done](const QString& token, const QString& error) {
                done(error.isEmpty() ? Result<QString>::success(token) : Result<QString>::failure(error));
            });
    };
    return config;
}

QString notConnected(const QString& service)
{
    return u"No connected %1 account: connect one on the Accounts page first (nothing was done)"_s.arg(
        service);
}

} // namespace

void addAccountPerformers(PerformerRegistry& registry, HttpClient& http, const QList<Account>& accounts,
    TokenStore* tokens, const QSettings& settings)
{
    if (const auto google = usable(accounts, u"google"_s)) {
        addGmailPerformers(registry, http,
            configFor(*google, tokens, settings, u"sync/gmail/baseUrl"_s, u"https://gmail.googleapis.com"_s));
    } else {
        registry.setUnavailable(ActionKind::SendEmail, notConnected(u"Google"_s));
        registry.setUnavailable(ActionKind::CreateDraft, notConnected(u"Google"_s));
    }
    if (const auto slack = usable(accounts, u"slack"_s))
        addSlackPerformer(registry, http,
            configFor(*slack, tokens, settings, u"clients/slack/baseUrl"_s, u"https://slack.com/api"_s));
    else
        registry.setUnavailable(ActionKind::PostSlack, notConnected(u"Slack"_s));
    if (const auto x = usable(accounts, u"x"_s))
        addXPerformer(
            registry, http, configFor(*x, tokens, settings, u"clients/x/baseUrl"_s, u"https://api.x.com"_s));
    else
        registry.setUnavailable(ActionKind::PostX, notConnected(u"X"_s));
}

} // namespace caseyos
