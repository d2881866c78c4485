#include "connectors/SyncEngine.h"

#include "connectors/SyncStateStore.h"
#include "net/HttpClient.h"
#include "storage/Database.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace caseyos {

SyncEngine::SyncEngine(SyncAccountConfig config, HttpClient& http, Database& db, const Clock& clock,
    AccessTokenProvider tokens, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_http(http)
    , m_db(db)
    , m_clock(clock)
    , m_tokens(std::move(tokens))
{
}

SyncEngine::~SyncEngine() = default;

bool SyncEngine::run()
{
    if (m_running)
        return false;
    m_running = true;
    ++m_generation;
    m_result = SyncRunResult {};
    m_result.account = m_config.key();
    m_token.clear();
    QString error;
    SyncStateStore store(m_db);
    for (const QString& stream : streams())
        store.markRunning(m_config.key(), stream, m_clock.now(), &error);
    const quint64 generation = m_generation;
    if (!m_tokens) {
        fail(u"No access token source is set for %1"_s.arg(m_config.key()));
        return true;
    }
    m_tokens(m_config, this, [this, generation](QString token, QString tokenError) {
        if (generation != m_generation || !m_running)
            return;
        if (token.isEmpty()) {
            m_result.needsReconnect = true;
            fail(tokenError.isEmpty() ? u"No access token for %1"_s.arg(m_config.key()) : tokenError);
            return;
        }
        m_token = std::move(token);
        start();
    });
    return true;
}

void SyncEngine::send(HttpRequest request, const QString& method, ResultHandler done)
{
    request.headers.append({ QByteArrayLiteral("Authorization"), "Bearer " + m_token.toUtf8() });
    request.account = m_config.key();
    request.timeoutMs = m_config.requestTimeoutMs;
    request.rateCosts = costs(method);
    ++m_result.requests;
    const quint64 generation = m_generation;
    m_http.send(request, this, [this, generation, done = std::move(done)](const HttpResult& result) {
        if (generation != m_generation || !m_running)
            return;
        done(result);
    });
}

void SyncEngine::sendAll(QList<HttpRequest> requests, const QString& method, int parallel,
    std::function<void(QList<HttpResult> results)> done)
{
    struct Batch
    {
        QList<HttpRequest> requests;
        QList<HttpResult> results;
        qsizetype next = 0;
        qsizetype finished = 0;
        std::function<void(QList<HttpResult>)> done;
    };
    auto batch = std::make_shared<Batch>();
    batch->results.resize(requests.size());
    batch->requests = std::move(requests);
    batch->done = std::move(done);
    if (batch->requests.isEmpty()) {
        batch->done({});
        return;
    }
    // A window of `parallel` requests: each completion starts the next. The pending callbacks own the
    // starter (it holds itself weakly), so a run that is dropped releases everything with its callbacks.
    using Starter = std::function<void()>;
    auto starter = std::make_shared<Starter>();
    std::weak_ptr<Starter> weakStarter = starter;
    *starter = [this, batch, method, weakStarter]() {
        if (batch->next >= batch->requests.size())
            return;
        const qsizetype index = batch->next++;
        auto self = weakStarter.lock();
        send(batch->requests[index], method, [batch, index, self](const HttpResult& result) {
            batch->results[index] = result;
            ++batch->finished;
            if (batch->finished == batch->requests.size()) {
                auto finish = std::move(batch->done);
                finish(std::move(batch->results));
                return;
            }
            (*self)();
        });
    };
    const int window = qMax(1, parallel);
    for (int i = 0; i < window; ++i)
        (*starter)();
}

bool SyncEngine::commit(SyncPage page)
{
    page.account = m_config.key();
    SyncStepCounts counts;
    QString error;
    if (!commitSyncPage(m_db, m_clock, std::move(page), &counts, &error)) {
        fail(u"Could not save the sync: %1"_s.arg(error));
        return false;
    }
    m_result.itemsSeen += counts.itemsSeen;
    m_result.signalsMade += counts.signalsMade;
    m_result.outcomesMade += counts.outcomesMade;
    return true;
}

QString SyncEngine::loadCursor(const QString& stream)
{
    QString error;
    const auto state = SyncStateStore(m_db).load(m_config.key(), stream, &error);
    return state ? state->cursor : QString();
}

void SyncEngine::resetCursor(const QString& stream)
{
    QString error;
    SyncStateStore(m_db).resetCursor(m_config.key(), stream, &error);
    m_result.fullSync = true;
}

void SyncEngine::reportProgress(const QString& stage)
{
    Q_EMIT progress(SyncProgress { m_config.key(), stage, m_result.itemsSeen, m_result.signalsMade });
}

void SyncEngine::succeed()
{
    m_result.ok = true;
    m_result.error.clear();
    finish();
}

void SyncEngine::fail(const QString& error)
{
    if (!m_running)
        return;
    m_result.ok = false;
    m_result.error = error;
    finish();
}

void SyncEngine::failHttp(const HttpResult& result, const QString& what)
{
    if (result.error.status == 401 || result.error.status == 403) {
        m_result.needsReconnect = true;
        fail(u"Could not %1: the account's authorization was refused; reconnect it"_s.arg(what));
        return;
    }
    fail(u"Could not %1: %2"_s.arg(what, result.error.message));
}

void SyncEngine::finish()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_generation; // drops whatever callback of this run is still in flight
    m_result.finishedAt = m_clock.now();
    QString error;
    SyncStateStore store(m_db);
    for (const QString& stream : streams())
        store.markFinished(m_config.key(), stream, m_result.finishedAt, m_result.error, &error);
    const SyncRunResult result = m_result;
    Q_EMIT finished(result);
}

} // namespace caseyos
