#pragma once

#include "accounts/Account.h"

#include <QList>
#include <QString>
#include <memory>
#include <optional>

class QSettings;

namespace caseyos {

// The connected accounts, kept in the settings (QSettings) as identifiers, display names, provider, how
// they were connected and state — never a token or key. Synchronous and cheap; use it on one thread.
// Layout: an array "accounts/list" of {provider, id, displayName, credential, state, lastError}.
class AccountRegistry
{
public:
    // settingsPath: an INI file (tests, --home); empty: the application's default QSettings.
    explicit AccountRegistry(const QString& settingsPath = {});
    ~AccountRegistry();

    QList<Account> accounts() const;
    QList<Account> accountsOf(const QString& provider) const;
    std::optional<Account> find(const QString& provider, const QString& id) const;

    void upsert(const Account& account); // adds or replaces (same provider and id)
    bool remove(const QString& provider, const QString& id); // false when it was not there
    // Applies an event to the account's state; returns {from, to}, or nothing when the account is unknown.
    std::optional<std::pair<AccountState, AccountState>> apply(
        const QString& provider, const QString& id, AccountEvent event, const QString& lastError = {});

    void sync(); // writes to disk now (QSettings also does it on its own)
    QString fileName() const;

private:
    void save(const QList<Account>& accounts);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace caseyos
