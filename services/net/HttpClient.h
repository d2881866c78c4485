#pragma once

#include "core/Clock.h"
#include "net/CircuitBreaker.h"
#include "net/HttpTypes.h"
#include "net/RateGovernor.h"
#include "net/RetryPolicy.h"

#include <QObject>

#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace caseyos {

struct HttpClientOptions
{
    RetryOptions retry;
    CircuitBreakerOptions breaker;
    RetryPolicy::RandomSource random; // jitter source; empty = QRandomGenerator
};

// The one HTTP layer of the sync code. Owns its QNetworkAccessManager, so create it on (or move it to)
// the thread that sends requests — the sync thread — and call it only there. Fully asynchronous: send()
// returns at once; the request passes the account's circuit breaker and the rate governor (waiting on a
// timer if needed), goes out with a per-request transfer timeout, is retried per RetryPolicy on timers
// (never sleeping), and ends in exactly one callback with an HttpResult.
class HttpClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const HttpResult&)>;

    explicit HttpClient(const Clock& clock, HttpClientOptions options = {}, QObject* parent = nullptr);
    ~HttpClient() override;

    // Sends the request. `done` runs once, queued on `context`'s thread, unless context (or this client)
    // is destroyed first. A null context means this client. Returns an id for abort().
    quint64 send(const HttpRequest& request, QObject* context, Callback done);
    // Drops a request: no callback. Unknown ids are ignored.
    void abort(quint64 id);
    int pendingCount() const;

    RateGovernor& governor() { return m_governor; }
    const RetryPolicy& retryPolicy() const { return m_retry; }
    // The breaker for an account key, created closed on first use.
    CircuitBreaker& breaker(const QString& account);
    const Clock& clock() const { return m_clock; }
    QNetworkAccessManager* manager() const { return m_manager; }

private:
    friend class HttpCall;
    void forget(quint64 id);

    const Clock& m_clock;
    HttpClientOptions m_options;
    RetryPolicy m_retry;
    RateGovernor m_governor;
    std::map<QString, std::unique_ptr<CircuitBreaker>> m_breakers;
    QNetworkAccessManager* m_manager = nullptr;
    std::map<quint64, QObject*> m_calls;
    quint64 m_nextId = 1;
};

} // namespace caseyos
