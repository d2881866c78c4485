#include "SyncController.h"

#include "accounts/AccountsService.h"
#include "accounts/SyncAccounts.h"
#include "connectors/SyncScheduler.h"

#include <QSettings>
#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace caseyos {

QString syncProviderName(SyncProvider provider)
{
    switch (provider) {
    case SyncProvider::Gmail:
        return u"Gmail"_s;
    case SyncProvider::Calendar:
        return u"Google Calendar"_s;
    case SyncProvider::Hubspot:
        return u"HubSpot"_s;
    }
    return {};
}

namespace {

QStringList keysOf(const QList<SyncAccountConfig>& configs)
{
    QStringList keys;
    for (const SyncAccountConfig& config : configs)
        keys << config.key();
    return keys;
}

} // namespace

SyncController::SyncController(AccountsService& accounts, AccessTokenProvider tokens, QString databasePath,
    const Clock& clock, QString settingsPath, HttpClientOptions options, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_settingsPath(std::move(settingsPath))
    , m_scheduler(
          new SyncScheduler(std::move(databasePath), clock, std::move(tokens), std::move(options), this))
{
    connect(m_scheduler, &SyncScheduler::syncStarted, this, &SyncController::statusChanged);
    connect(m_scheduler, &SyncScheduler::syncFinished, this,
        [this](const SyncRunResult& result) { Q_EMIT statusChanged(result.account); });
    connect(&m_accounts, &AccountsService::accountsChanged, this, &SyncController::reload);
    reload();
}

SyncController::~SyncController() = default;

void SyncController::start()
{
    m_started = true;
    m_scheduler->start();
}

void SyncController::syncNow(const QString& key)
{
    m_scheduler->syncNow(key);
}

void SyncController::reload()
{
    const std::unique_ptr<QSettings> settings = m_settingsPath.isEmpty()
        ? std::make_unique<QSettings>()
        : std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
    const QList<Account> all = m_accounts.accounts();
    const QList<SyncAccountConfig> next = syncAccountsFor(all, *settings);
    QList<Account> waiting;
    for (Account account : all) {
        if (account.state == AccountState::NeedsReconnect) {
            account.state = AccountState::Connected; // what it would sync once connected again
            waiting << account;
        }
    }
    QList<SyncAccountConfig> paused = syncAccountsFor(waiting, *settings);
    QStringList nextKeys;
    for (const SyncAccountConfig& config : next)
        nextKeys << config.key();
    bool changed = false;
    for (const SyncAccountConfig& config : std::as_const(m_configs)) {
        if (!nextKeys.contains(config.key())) {
            m_scheduler->removeAccount(config.key());
            changed = true;
        }
    }
    for (const SyncAccountConfig& config : next) {
        const bool known = std::any_of(m_configs.begin(), m_configs.end(),
            [&](const SyncAccountConfig& c) { return c.key() == config.key(); });
        if (known)
            continue;
        m_scheduler->addAccount(config);
        if (m_started)
            m_scheduler->syncNow(config.key()); // a newly connected account syncs at once
        changed = true;
    }
    m_configs = next;
    if (keysOf(paused) != keysOf(m_paused))
        changed = true;
    m_paused = std::move(paused);
    if (changed)
        Q_EMIT accountsChanged();
}

bool SyncController::needsReconnect(const QString& key) const
{
    return std::any_of(
        m_paused.begin(), m_paused.end(), [&](const SyncAccountConfig& c) { return c.key() == key; });
}

QString SyncController::statusText(const QString& key) const
{
    if (needsReconnect(key))
        return u"Reconnect needed"_s;
    if (m_scheduler->isSyncing(key))
        return u"Syncing…"_s;
    const SyncRunResult last = m_scheduler->lastResult(key);
    if (last.account.isEmpty())
        return u"Not synced yet"_s;
    if (last.needsReconnect)
        return u"Reconnect needed"_s;
    if (!last.ok)
        return last.error;
    const QString when = last.finishedAt.toLocalTime().toString(u"HH:mm"_s);
    return last.signalsMade == 1 ? u"Last sync %1 · 1 new signal"_s.arg(when)
                                 : u"Last sync %1 · %2 new signals"_s.arg(when).arg(last.signalsMade);
}

} // namespace caseyos
