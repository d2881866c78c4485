#pragma once

#include "connectors/SyncCommit.h"
#include "connectors/SyncTypes.h"
#include "core/Clock.h"
#include "net/HttpTypes.h"

#include <QObject>
#include <QStringList>
#include <functional>

namespace caseyos {

class Database;
class HttpClient;

// The common part of the connectors' sync: one run at a time per account, an access token asked for once per
// run, requests through the shared HttpClient (breaker key and rate costs per account), pages committed with
// their cursor (commitSyncPage), status rows per stream, exactly one finished() per run. Lives on the sync
// thread with the HttpClient and the Database it is given; never blocks: every step is a callback.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(SyncAccountConfig config, HttpClient& http, Database& db, const Clock& clock,
        AccessTokenProvider tokens, QObject* parent = nullptr);
    ~SyncEngine() override;

    const SyncAccountConfig& config() const { return m_config; }
    bool isRunning() const { return m_running; }
    // Starts a run unless one is running (then the call is ignored and false returned).
    bool run();

Q_SIGNALS:
    void progress(const caseyos::SyncProgress& progress);
    void finished(const caseyos::SyncRunResult& result);

protected:
    using ResultHandler = std::function<void(const HttpResult& result)>;

    // The connector's run, called with the token in hand. It ends by calling succeed() or fail().
    virtual void start() = 0;
    virtual QStringList streams() const = 0;
    virtual QList<RateCost> costs(const QString& method) const = 0;

    // Sends a request built by SyncRequests.h (under config().baseUrl) with the run's token; `method` names
    // the API method for the rate costs ("history.list").
    void send(HttpRequest request, const QString& method, ResultHandler done);
    // Sends all requests, at most `parallel` at a time, and calls `done` with the results in order.
    void sendAll(QList<HttpRequest> requests, const QString& method, int parallel,
        std::function<void(QList<HttpResult> results)> done);

    // Commits a page; on failure ends the run with the storage error and returns false.
    bool commit(SyncPage page);
    QString loadCursor(const QString& stream); // empty when never synced (or on a read error: full sync)
    void resetCursor(const QString& stream);
    void markFullSync() { m_result.fullSync = true; }
    void reportProgress(const QString& stage);
    void succeed();
    void fail(const QString& error);
    // "Could not sync: <what the HTTP layer said>".
    void failHttp(const HttpResult& result, const QString& what);

    Database& db() { return m_db; }
    const Clock& clock() const { return m_clock; }
    HttpClient& http() { return m_http; }
    SyncRunResult& result() { return m_result; }
    quint64 generation() const { return m_generation; }

private:
    void finish();

    SyncAccountConfig m_config;
    HttpClient& m_http;
    Database& m_db;
    const Clock& m_clock;
    AccessTokenProvider m_tokens;
    QString m_token;
    bool m_running = false;
    quint64 m_generation = 0; // bumped per run: callbacks of an older run are dropped
    SyncRunResult m_result;
};

} // namespace caseyos
