#pragma once

#include "connectors/SyncTypes.h"
#include "core/Clock.h"
#include "net/HttpClient.h"

#include <QObject>
#include <QString>
#include <map>
#include <memory>

class QTimer;

namespace caseyos {

class Database;
class SyncEngine;

// Lives on the sync thread: owns that thread's Database connection, the one HttpClient (its
// QNetworkAccessManager, rate governor and breakers) and an engine plus an interval timer per account.
// SyncScheduler posts to its slots; everything here is asynchronous (no waits, no nested loops).
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    SyncWorker(QString databasePath, const Clock& clock, AccessTokenProvider tokens,
        HttpClientOptions options, QObject* parent = nullptr);
    ~SyncWorker() override;

    // Creates the engine for a config (the factory the worker uses; public for tests and benchmarks).
    static std::unique_ptr<SyncEngine> createEngine(const SyncAccountConfig& config, HttpClient& http,
        Database& db, const Clock& clock, AccessTokenProvider tokens);

public Q_SLOTS:
    void addAccount(const caseyos::SyncAccountConfig& config); // replaces one with the same key
    void removeAccount(const QString& key);
    void setInterval(const QString& key, qint64 intervalMs);
    void syncNow(const QString& key); // empty key: every account
    void startTimers(); // a run for every account now, then each on its interval
    void stopTimers();

Q_SIGNALS:
    void syncStarted(const QString& account);
    void syncProgress(const caseyos::SyncProgress& progress);
    void syncFinished(const caseyos::SyncRunResult& result);
    void failed(const QString& message); // the database could not be opened

private:
    struct Account
    {
        SyncAccountConfig config;
        std::unique_ptr<SyncEngine> engine;
        QTimer* timer = nullptr;
    };
    bool ensureOpen();
    void runOne(Account& account);

    QString m_databasePath;
    const Clock& m_clock;
    AccessTokenProvider m_tokens;
    HttpClientOptions m_options;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<HttpClient> m_http;
    std::map<QString, Account> m_accounts;
    bool m_timersOn = false;
};

} // namespace caseyos
