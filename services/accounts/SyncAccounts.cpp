#include "accounts/SyncAccounts.h"

#include "accounts/AccountRegistry.h"
#include "accounts/TokenStore.h"

#include <QMetaObject>
#include <QPointer>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QUrl baseUrlFor(SyncProvider provider, const QSettings& settings)
{
    QString fallback;
    switch (provider) {
    case SyncProvider::Gmail:
        fallback = u"https://gmail.googleapis.com"_s;
        break;
    case SyncProvider::Calendar:
        fallback = u"https://www.googleapis.com/calendar/v3"_s;
        break;
    case SyncProvider::Hubspot:
        fallback = u"https://api.hubapi.com"_s;
        break;
    }
    const QString key = u"sync/"_s + toString(provider) + u"/baseUrl"_s;
    const QUrl url(settings.value(key, fallback).toString());
    return url.isValid() && !url.scheme().isEmpty() ? url : QUrl(fallback);
}

// Hands the answer to `context`'s thread, or drops it when the context is gone.
void deliver(const QPointer<QObject>& context, const TokenCallback& done, QString token, QString error)
{
    if (QObject* target = context.data()) {
        QMetaObject::invokeMethod(
            target,
            [context, done, token = std::move(token), error = std::move(error)] {
                if (context)
                    done(token, error);
            },
            Qt::QueuedConnection);
    }
}

} // namespace

QString accountProviderFor(SyncProvider provider)
{
    return provider == SyncProvider::Hubspot ? u"hubspot"_s : u"google"_s;
}

void requestAccessToken(TokenStore* store, const QString& provider, const QString& id, QObject* context,
    TokenCallback done)
{
    const QPointer<QObject> target(context);
    QPointer<TokenStore> weakStore(store);
    if (!store) {
        deliver(target, done, {}, u"The accounts are not available"_s);
        return;
    }
    QMetaObject::invokeMethod(
        store,
        [weakStore, target, done, provider, id] {
            if (!weakStore) {
                deliver(target, done, {}, u"The accounts are not available"_s);
                return;
            }
            weakStore->validAccessToken(
                provider, id, weakStore.data(), [target, done](const AccessTokenResult& result) {
                    if (result.ok()) {
                        deliver(target, done, result.token, {});
                        return;
                    }
                    const QString message = result.error.message.isEmpty()
                        ? oauthErrorKindName(result.error.kind)
                        : result.error.message;
                    deliver(target, done, {},
                        result.error.needsReconnect() ? u"Reconnect needed: "_s + message
                                                      : u"No access token: "_s + message);
                });
        },
        Qt::QueuedConnection);
}

AccessTokenProvider tokenProviderFor(TokenStore* store)
{
    QPointer<TokenStore> weakStore(store);
    return [weakStore](const SyncAccountConfig& account, QObject* context, TokenCallback done) {
        requestAccessToken(weakStore.data(), accountProviderFor(account.provider), account.accountId, context,
            std::move(done));
    };
}

QList<SyncAccountConfig> syncAccountsFromRegistry(const AccountRegistry& registry, const QSettings& settings)
{
    return syncAccountsFor(registry.accounts(), settings);
}

QList<SyncAccountConfig> syncAccountsFor(const QList<Account>& accounts, const QSettings& settings)
{
    const int minutes = qBound(1, settings.value(u"sync/intervalMinutes"_s, 5).toInt(), 24 * 60);
    QList<SyncAccountConfig> configs;
    const auto add = [&](SyncProvider provider, const Account& account) {
        SyncAccountConfig config;
        config.provider = provider;
        config.accountId = account.id;
        config.baseUrl = baseUrlFor(provider, settings);
        if (provider != SyncProvider::Hubspot && account.id.contains(u'@'))
            config.userEmail = account.id;
        config.intervalMs = qint64(minutes) * 60 * 1000;
        configs.append(config);
    };
    for (const Account& account : accounts) {
        if (account.state != AccountState::Connected && account.state != AccountState::Error)
            continue;
        if (account.provider == u"google"_s) {
            add(SyncProvider::Gmail, account);
            add(SyncProvider::Calendar, account);
        } else if (account.provider == u"hubspot"_s) {
            add(SyncProvider::Hubspot, account);
        }
    }
    return configs;
}

} // namespace caseyos
