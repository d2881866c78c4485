#pragma once

#include "FakeClock.h"
#include "TempHome.h"
#include "connectors/SyncEngine.h"
#include "connectors/SyncTypes.h"
#include "net/HttpClient.h"
#include "storage/Database.h"

#include <QStringList>
#include <memory>

namespace caseyos::test {

// Back-off shrunk (20 ms base, no jitter) so retries in tests cost milliseconds; breaker as in production
// unless a test changes it.
HttpClientOptions fastHttpOptions(qint64 breakerOpenMs = 60000);
// A token source that answers at once (queued) with a fixed token.
AccessTokenProvider fixedToken(const QString& token = QStringLiteral("test-access-token"));

// One account's sync against a fake server, on the test thread: a real SQLite file in a temporary home, a
// real HttpClient on loopback, the engine made by SyncWorker's factory.
class SyncHarness
{
public:
    explicit SyncHarness(SyncAccountConfig config, HttpClientOptions options = fastHttpOptions(),
        const Clock* clock = nullptr);
    ~SyncHarness();

    // Runs one sync and waits for it (test code may wait); a result with ok=false and error "no answer" on
    // timeout.
    SyncRunResult run(int timeoutMs = 60000);
    // A fresh engine on the same database and client (what a restart after a crash gets).
    void recreateEngine();
    void dropEngine() { m_engine.reset(); }
    SyncEngine* engine() { return m_engine.get(); }

    Database& db() { return m_db; }
    HttpClient& http() { return *m_http; }
    SyncAccountConfig& config() { return m_config; }
    const TempHome& home() const { return m_home; }

    int countSignals(const QString& source, const QString& eventType = {});
    QStringList sourceIds(const QString& source, const QString& eventType);
    int countOutcomes(const QString& type = {});
    QStringList outcomeContacts(const QString& type);
    QString cursor(const QString& stream);
    qint64 stateNumber(const QString& stream, const QString& column);

private:
    TempHome m_home;
    Database m_db;
    SyncAccountConfig m_config;
    const Clock& m_clock;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace caseyos::test
