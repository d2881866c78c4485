#include "connectors/SyncWorker.h"

#include "connectors/CalendarSync.h"
#include "connectors/GmailSync.h"
#include "connectors/HubspotSync.h"
#include "storage/Database.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace caseyos {

SyncWorker::SyncWorker(QString databasePath, const Clock& clock, AccessTokenProvider tokens,
    HttpClientOptions options, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
    , m_tokens(std::move(tokens))
    , m_options(std::move(options))
{
}

SyncWorker::~SyncWorker()
{
    // Engines first (they hold references to the client and the database), then the client, then the
    // database.
    m_accounts.clear();
    m_http.reset();
    m_db.reset();
}

std::unique_ptr<SyncEngine> SyncWorker::createEngine(const SyncAccountConfig& config, HttpClient& http,
    Database& db, const Clock& clock, AccessTokenProvider tokens)
{
    switch (config.provider) {
    case SyncProvider::Gmail:
        return std::make_unique<GmailSync>(config, http, db, clock, std::move(tokens));
    case SyncProvider::Calendar:
        return std::make_unique<CalendarSync>(config, http, db, clock, std::move(tokens));
    case SyncProvider::Hubspot:
        return std::make_unique<HubspotSync>(config, http, db, clock, std::move(tokens));
    }
    return nullptr;
}

bool SyncWorker::ensureOpen()
{
    if (m_db && m_http)
        return true;
    auto db = std::make_unique<Database>();
    QString error;
    if (!db->open(m_databasePath, &error)) {
        Q_EMIT failed(u"Sync could not open the database: %1"_s.arg(error));
        return false;
    }
    m_db = std::move(db);
    m_http
        = std::make_unique<HttpClient>(m_clock, m_options); // created here: its QNAM belongs to this thread
    return true;
}

void SyncWorker::addAccount(const SyncAccountConfig& config)
{
    if (!ensureOpen())
        return;
    removeAccount(config.key());
    Account& account = m_accounts[config.key()];
    account.config = config;
    account.engine = createEngine(config, *m_http, *m_db, m_clock, m_tokens);
    connect(account.engine.get(), &SyncEngine::progress, this, &SyncWorker::syncProgress);
    connect(account.engine.get(), &SyncEngine::finished, this, &SyncWorker::syncFinished);
    account.timer = new QTimer(this);
    account.timer->setInterval(std::chrono::milliseconds(qMax<qint64>(1000, config.intervalMs)));
    const QString key = config.key();
    connect(account.timer, &QTimer::timeout, this, [this, key] { syncNow(key); });
    if (m_timersOn)
        account.timer->start();
}

void SyncWorker::removeAccount(const QString& key)
{
    const auto it = m_accounts.find(key);
    if (it == m_accounts.end())
        return;
    delete it->second.timer;
    m_accounts.erase(
        it); // an engine mid-run is dropped: its pending callbacks die with it, nothing half-written
}

void SyncWorker::setInterval(const QString& key, qint64 intervalMs)
{
    const auto it = m_accounts.find(key);
    if (it == m_accounts.end())
        return;
    it->second.config.intervalMs = intervalMs;
    it->second.timer->setInterval(std::chrono::milliseconds(qMax<qint64>(1000, intervalMs)));
}

void SyncWorker::runOne(Account& account)
{
    if (account.engine && account.engine->run())
        Q_EMIT syncStarted(account.config.key());
}

void SyncWorker::syncNow(const QString& key)
{
    if (key.isEmpty()) {
        for (auto& [name, account] : m_accounts)
            runOne(account);
        return;
    }
    const auto it = m_accounts.find(key);
    if (it != m_accounts.end())
        runOne(it->second);
}

void SyncWorker::startTimers()
{
    m_timersOn = true;
    for (auto& [name, account] : m_accounts) {
        account.timer->start();
        runOne(account);
    }
}

void SyncWorker::stopTimers()
{
    m_timersOn = false;
    for (auto& [name, account] : m_accounts)
        account.timer->stop();
}

} // namespace caseyos
