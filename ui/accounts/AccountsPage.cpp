#include "AccountsPage.h"

#include "AccountStateText.h"
#include "SyncController.h"
#include "accounts/AccountsService.h"
#include "accounts/Providers.h"
#include "connectors/clients/AccountHealth.h"
#include "connectors/SyncScheduler.h"

#include <QGridLayout>
#include <algorithm>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

AccountsPage::AccountsPage(AccountsService& service, AccountHealth* health, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_health(health)
{
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(u"Connect the services CaseyOS reads and acts on. Tokens and keys are kept in your "
                             "system keychain only."_s);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* grid = new QGridLayout;
    int r = 0;
    for (const ProviderInfo& provider : providerCatalog()) {
        Row row;
        auto* name = new QLabel(u"<b>%1</b>"_s.arg(provider.displayName.toHtmlEscaped()));
        row.state = new QLabel;
        row.state->setWordWrap(true);
        row.state->setObjectName(u"state-"_s + provider.id);
        grid->addWidget(name, r, 0, Qt::AlignTop);
        if (m_health) {
            auto* cell = new QVBoxLayout;
            cell->addWidget(row.state);
            row.health = new QLabel;
            row.health->setWordWrap(true);
            row.health->setObjectName(u"health-"_s + provider.id);
            cell->addWidget(row.health);
            grid->addLayout(cell, r, 1, Qt::AlignTop);
        } else {
            grid->addWidget(row.state, r, 1, Qt::AlignTop);
        }
        auto* buttons = new QHBoxLayout;
        if (provider.supportsToken()) {
            row.key = new QLineEdit;
            row.key->setEchoMode(QLineEdit::Password);
            row.key->setPlaceholderText(
                provider.supportsOAuth() ? u"Private-app token"_s : u"API key"_s);
            row.key->setObjectName(u"key-"_s + provider.id);
            row.saveKey = new QPushButton(u"Save key"_s);
            buttons->addWidget(row.key, 1);
            buttons->addWidget(row.saveKey);
            const QString id = provider.id;
            const auto save = [this, id] {
                Row& row = m_rows[id];
                const QString key = row.key->text();
                row.key->clear(); // the key leaves the widget at once; only the keychain keeps it
                m_service.connectWithToken(id, {}, key);
            };
            connect(row.saveKey, &QPushButton::clicked, this, save);
            connect(row.key, &QLineEdit::returnPressed, this, save);
        }
        if (provider.supportsOAuth()) {
            row.connect = new QPushButton(u"Connect…"_s);
            row.connect->setObjectName(u"connect-"_s + provider.id);
            buttons->addWidget(row.connect);
            connect(row.connect, &QPushButton::clicked, this, [this, id = provider.id] { connectProvider(id); });
        }
        if (m_health) {
            row.check = new QPushButton(u"Check"_s);
            row.check->setObjectName(u"check-"_s + provider.id);
            row.check->setToolTip(u"Make one cheap signed-in request to see whether the account works"_s);
            buttons->addWidget(row.check);
            connect(row.check, &QPushButton::clicked, this, [this, id = provider.id] { m_health->check(id); });
        }
        row.disconnect = new QPushButton(u"Disconnect"_s);
        row.disconnect->setObjectName(u"disconnect-"_s + provider.id);
        buttons->addWidget(row.disconnect);
        connect(row.disconnect, &QPushButton::clicked, this, [this, id = provider.id] { disconnectProvider(id); });
        grid->addLayout(buttons, r, 2, Qt::AlignTop);
        m_rows.insert(provider.id, row);
        ++r;
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_syncBox = new QWidget;
    m_syncBox->setObjectName(u"syncBox"_s);
    m_syncGrid = new QGridLayout(m_syncBox);
    m_syncGrid->setContentsMargins(0, 0, 0, 0);
    m_syncGrid->setColumnStretch(1, 1);
    m_syncBox->hide();
    layout->addWidget(m_syncBox);
    layout->addStretch(1);

    // Inside a dialog every push button is an auto-default one: Return in a key field would also "click" the
    // first of them (a Connect… that opens the browser). Return in a key field saves the key, nothing else.
    for (QPushButton* button : findChildren<QPushButton*>())
        button->setAutoDefault(false);

    connect(&m_service, &AccountsService::accountsChanged, this, &AccountsPage::refresh);
    connect(&m_service, &AccountsService::connectingChanged, this, &AccountsPage::refresh);
    connect(&m_service, &AccountsService::connectFinished, this,
        [this](const QString& provider, bool ok, const QString& message) {
            const auto info = providerInfo(provider);
            const QString name = info ? info->displayName : provider;
            showMessage(ok ? u"%1 connected."_s.arg(name) : u"%1: %2"_s.arg(name, message), !ok);
            refresh();
        });
    connect(&m_service, &AccountsService::disconnectFinished, this,
        [this](const QString& provider, const QString&, bool ok, const QString& message) {
            if (!ok)
                showMessage(u"%1: %2"_s.arg(provider, message), true);
            refresh();
        });
    if (m_health)
        connect(m_health, &AccountHealth::changed, this, &AccountsPage::showHealth);
    refresh();
}

void AccountsPage::showHealth(const QString& provider)
{
    const Row row = m_rows.value(provider);
    if (!row.health)
        return;
    row.health->setText(m_health->text(provider));
    const bool bad = !m_health->isChecking(provider) && m_health->status(provider) != HealthStatus::Ok;
    row.health->setStyleSheet(bad ? u"color: #b00020;"_s : QString());
    refresh();
}

void AccountsPage::refresh()
{
    const QList<Account> all = m_service.accounts();
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        QList<Account> mine;
        for (const Account& a : all) {
            if (a.provider == it.key())
                mine << a;
        }
        const bool connecting = m_service.isConnecting(it.key());
        it->state->setText(providerStateText(mine, connecting));
        it->disconnect->setEnabled(!mine.isEmpty());
        if (it->check)
            it->check->setEnabled(!mine.isEmpty() && !m_health->isChecking(it.key()));
        if (it->connect) {
            const bool reconnect = std::any_of(mine.begin(), mine.end(),
                [](const Account& a) { return a.state == AccountState::NeedsReconnect; });
            it->connect->setText(connecting ? u"Cancel"_s : reconnect ? u"Reconnect…"_s : u"Connect…"_s);
        }
    }
}

void AccountsPage::connectProvider(const QString& provider)
{
    if (m_service.isConnecting(provider)) {
        m_service.cancelConnect(provider);
        return;
    }
    showMessage(u"Finish signing in in your browser."_s, false);
    m_service.connectOAuth(provider);
}

void AccountsPage::disconnectProvider(const QString& provider)
{
    for (const Account& a : m_service.accounts()) {
        if (a.provider == provider)
            m_service.disconnectAccount(provider, a.id);
    }
}

void AccountsPage::showMessage(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #b00020;"_s : QString());
}

void AccountsPage::setSync(SyncController* sync)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    if (m_sync) {
        connect(m_sync, &SyncController::accountsChanged, this, &AccountsPage::rebuildSyncRows);
        connect(m_sync, &SyncController::statusChanged, this, &AccountsPage::updateSyncRow);
    }
    rebuildSyncRows();
}

void AccountsPage::rebuildSyncRows()
{
    while (QLayoutItem* item = m_syncGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_syncRows.clear();
    const QList<SyncAccountConfig> accounts = m_sync ? m_sync->accounts() : QList<SyncAccountConfig> {};
    m_syncBox->setVisible(!accounts.isEmpty());
    if (accounts.isEmpty())
        return;
    m_syncGrid->addWidget(new QLabel(u"<b>Sync</b>"_s), 0, 0, 1, 3);
    int r = 1;
    for (const SyncAccountConfig& config : accounts) {
        const QString key = config.key();
        SyncRow row;
        auto* name = new QLabel(u"%1 · %2"_s.arg(syncProviderName(config.provider), config.accountId));
        row.status = new QLabel;
        row.status->setObjectName(u"sync-status-"_s + key);
        row.status->setWordWrap(true);
        row.syncNow = new QPushButton(u"Sync now"_s);
        row.syncNow->setObjectName(u"sync-now-"_s + key);
        row.syncNow->setAutoDefault(false);
        connect(row.syncNow, &QPushButton::clicked, this, [this, key] {
            if (m_sync)
                m_sync->syncNow(key);
        });
        m_syncGrid->addWidget(name, r, 0);
        m_syncGrid->addWidget(row.status, r, 1);
        m_syncGrid->addWidget(row.syncNow, r, 2);
        m_syncRows.insert(key, row);
        updateSyncRow(key);
        ++r;
    }
}

void AccountsPage::updateSyncRow(const QString& key)
{
    const auto it = m_syncRows.constFind(key);
    if (it == m_syncRows.constEnd() || !m_sync)
        return;
    it->status->setText(m_sync->statusText(key));
    it->syncNow->setEnabled(!m_sync->scheduler().isSyncing(key) && !m_sync->needsReconnect(key));
}

QString AccountsPage::syncStatusText(const QString& key) const
{
    const SyncRow row = m_syncRows.value(key);
    return row.status ? row.status->text() : QString();
}

QPushButton* AccountsPage::syncNowButton(const QString& key) const
{
    return m_syncRows.value(key).syncNow;
}

QString AccountsPage::stateText(const QString& provider) const
{
    return m_rows.value(provider).state ? m_rows.value(provider).state->text() : QString();
}

QPushButton* AccountsPage::connectButton(const QString& provider) const
{
    return m_rows.value(provider).connect;
}

QPushButton* AccountsPage::disconnectButton(const QString& provider) const
{
    return m_rows.value(provider).disconnect;
}

QLineEdit* AccountsPage::keyField(const QString& provider) const
{
    return m_rows.value(provider).key;
}

QPushButton* AccountsPage::checkButton(const QString& provider) const
{
    return m_rows.value(provider).check;
}

QString AccountsPage::healthText(const QString& provider) const
{
    const QLabel* label = m_rows.value(provider).health;
    return label ? label->text() : QString();
}

} // namespace caseyos
