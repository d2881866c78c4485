#include "AccountsRuntime.h"

#include "accounts/AccountRegistry.h"
#include "accounts/AccountsService.h"
#include "accounts/Providers.h"
#include "accounts/ReconnectNotice.h"
#include "audit/AuditLog.h"
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

// Runs `write` on a thread-pool thread with a connection of its own (never on the caller's thread); what for names
// it in the warning when the database cannot be opened or the write fails.
void writeInBackground(const QString& path, const char* what, std::function<Result<bool>(Database&)> write)
{
    (void)QtConcurrent::run([path, what, write = std::move(write)] {
        Database db;
        QString error;
        if (!db.open(path, &error)) {
            qCWarning(lcRuntime, "%s: %s", what, qUtf8Printable(error));
            return;
        }
        const Result<bool> written = write(db);
        if (!written)
            qCWarning(lcRuntime, "%s: %s", what, qUtf8Printable(written.error()));
    });
}

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
        // Clock implementations are immutable or test-owned; SystemClock is safe from any thread.
        m_service->setReconnectNotifier([path, clk](const Account& account) {
            writeInBackground(path, "reconnect notice", [clk, account](Database& db) {
                return postReconnectNotice(db, *clk, account);
            });
        });
        m_service->setChangeNotifier([path, clk](const QString& provider, const QString& id, const QString& change) {
            writeInBackground(path, "audit entry", [clk, provider, id, change](Database& db) {
                const Result<AuditEntry> entry = AuditLog(db, *clk).append(QString::fromUtf16(auditkind::Account),
                    u"user"_s, provider + u':' + id, { { u"change"_s, change }, { u"provider"_s, provider } });
                return entry ? Result<bool>::success(true) : Result<bool>::failure(entry.error());
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
