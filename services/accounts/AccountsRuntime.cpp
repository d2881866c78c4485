#include "AccountsRuntime.h"

#include "accounts/AccountRegistry.h"
#include "accounts/AccountsService.h"
#include "accounts/Providers.h"
#include "accounts/ReconnectNotice.h"
#include "auth/TokenEndpoint.h"
#include "secrets/SecretStore.h"
#include "storage/Database.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

Q_LOGGING_CATEGORY(lcRuntime, "caseyos.accounts")

} // namespace

AccountsRuntime::AccountsRuntime(const Clock& clock, QString databasePath, QString settingsPath, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_databasePath(std::move(databasePath))
    , m_settingsPath(std::move(settingsPath))
    , m_secrets(new SecretStore(this))
    , m_endpoint(new TokenEndpoint(clock, this))
    , m_registry(std::make_unique<AccountRegistry>(m_settingsPath))
{
    const QString settingsFile = m_settingsPath;
    const auto configs = [settingsFile](const QString& provider) {
        const auto info = providerInfo(provider);
        if (!info)
            return OAuthClientConfig {};
        const std::unique_ptr<QSettings> settings = settingsFile.isEmpty()
            ? std::make_unique<QSettings>()
            : std::make_unique<QSettings>(settingsFile, QSettings::IniFormat);
        return oauthConfigFor(*info, *settings);
    };
    m_tokens = new TokenStore(*m_secrets, *m_endpoint, clock, configs, this);
    m_service = new AccountsService(*m_registry, *m_tokens, clock, configs, this);
    if (!m_databasePath.isEmpty()) {
        const QString path = m_databasePath;
        const Clock* clk = &m_clock;
        m_service->setReconnectNotifier([path, clk](const Account& account) {
            // Clock implementations are immutable or test-owned; SystemClock is safe from any thread.
            (void)QtConcurrent::run([path, clk, account] {
                Database db;
                QString error;
                if (!db.open(path, &error)) {
                    qCWarning(lcRuntime, "reconnect notice: %s", qUtf8Printable(error));
                    return;
                }
                const Result<bool> posted = postReconnectNotice(db, *clk, account);
                if (!posted)
                    qCWarning(lcRuntime, "reconnect notice: %s", qUtf8Printable(posted.error()));
            });
        });
    }
}

AccountsRuntime::~AccountsRuntime()
{
    delete m_service; // before the registry it refers to
    m_service = nullptr;
}

} // namespace caseyos
