#include "AccountRegistry.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QString kArray = u"accounts/list"_s;

QString credentialName(Account::Credential c)
{
    return c == Account::Credential::Token ? u"token"_s : u"oauth"_s;
}

} // namespace

AccountRegistry::AccountRegistry(const QString& settingsPath)
    : m_settings(settingsPath.isEmpty() ? std::make_unique<QSettings>()
                                        : std::make_unique<QSettings>(settingsPath, QSettings::IniFormat))
{
}

AccountRegistry::~AccountRegistry() = default;

QList<Account> AccountRegistry::accounts() const
{
    QList<Account> list;
    const int n = m_settings->beginReadArray(kArray);
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        Account a;
        a.provider = m_settings->value(u"provider"_s).toString();
        a.id = m_settings->value(u"id"_s).toString();
        a.displayName = m_settings->value(u"displayName"_s).toString();
        a.credential = m_settings->value(u"credential"_s).toString() == u"token"_s ? Account::Credential::Token
                                                                                  : Account::Credential::OAuth;
        a.state = accountStateFromString(m_settings->value(u"state"_s).toString()).value_or(AccountState::Error);
        a.lastError = m_settings->value(u"lastError"_s).toString();
        if (!a.provider.isEmpty() && !a.id.isEmpty())
            list.append(a);
    }
    m_settings->endArray();
    return list;
}

QList<Account> AccountRegistry::accountsOf(const QString& provider) const
{
    QList<Account> list = accounts();
    list.removeIf([&](const Account& a) { return a.provider != provider; });
    return list;
}

std::optional<Account> AccountRegistry::find(const QString& provider, const QString& id) const
{
    for (const Account& a : accounts()) {
        if (a.provider == provider && a.id == id)
            return a;
    }
    return std::nullopt;
}

void AccountRegistry::upsert(const Account& account)
{
    QList<Account> list = accounts();
    auto it = std::find_if(list.begin(), list.end(),
        [&](const Account& a) { return a.provider == account.provider && a.id == account.id; });
    if (it != list.end())
        *it = account;
    else
        list.append(account);
    save(list);
}

bool AccountRegistry::remove(const QString& provider, const QString& id)
{
    QList<Account> list = accounts();
    const qsizetype removed
        = list.removeIf([&](const Account& a) { return a.provider == provider && a.id == id; });
    if (removed > 0)
        save(list);
    return removed > 0;
}

std::optional<std::pair<AccountState, AccountState>> AccountRegistry::apply(
    const QString& provider, const QString& id, AccountEvent event, const QString& lastError)
{
    std::optional<Account> account = find(provider, id);
    if (!account)
        return std::nullopt;
    const AccountState from = account->state;
    const AccountState to = nextAccountState(from, event);
    QString message = to == AccountState::Connected ? QString() : account->lastError;
    if (!lastError.isEmpty() && to != AccountState::Connected)
        message = lastError;
    if (to != from || message != account->lastError) {
        account->state = to;
        account->lastError = message;
        upsert(*account);
    }
    return std::make_pair(from, to);
}

void AccountRegistry::sync()
{
    m_settings->sync();
}

QString AccountRegistry::fileName() const
{
    return m_settings->fileName();
}

void AccountRegistry::save(const QList<Account>& accounts)
{
    m_settings->remove(kArray);
    m_settings->beginWriteArray(kArray, int(accounts.size()));
    for (int i = 0; i < accounts.size(); ++i) {
        const Account& a = accounts[i];
        m_settings->setArrayIndex(i);
        m_settings->setValue(u"provider"_s, a.provider);
        m_settings->setValue(u"id"_s, a.id);
        m_settings->setValue(u"displayName"_s, a.displayName);
        m_settings->setValue(u"credential"_s, credentialName(a.credential));
        m_settings->setValue(u"state"_s, toString(a.state));
        m_settings->setValue(u"lastError"_s, a.lastError);
    }
    m_settings->endArray();
    m_settings->sync();
}

} // namespace caseyos
