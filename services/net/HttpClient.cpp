#include "net/HttpClient.h"

#include "net/HttpCall.h"

#include <QNetworkAccessManager>

namespace caseyos {

HttpClient::HttpClient(const Clock& clock, HttpClientOptions options, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_retry(clock, m_options.retry, m_options.random)
    , m_governor(clock)
    , m_manager(new QNetworkAccessManager(this))
{
}

HttpClient::~HttpClient()
{
    // Calls first (they abort their replies), then the manager as a child.
    const auto calls = m_calls;
    m_calls.clear();
    for (const auto& entry : calls)
        delete entry.second;
}

quint64 HttpClient::send(const HttpRequest& request, QObject* context, Callback done)
{
    const quint64 id = m_nextId++;
    auto* call = new HttpCall(*this, id, request, context ? context : this, std::move(done));
    m_calls.emplace(id, call);
    call->start();
    return id;
}

void HttpClient::abort(quint64 id)
{
    const auto it = m_calls.find(id);
    if (it == m_calls.end())
        return;
    QObject* call = it->second;
    m_calls.erase(it);
    call->deleteLater(); // may be inside one of its own slots right now
}

int HttpClient::pendingCount() const
{
    return static_cast<int>(m_calls.size());
}

CircuitBreaker& HttpClient::breaker(const QString& account)
{
    auto& slot = m_breakers[account];
    if (!slot)
        slot = std::make_unique<CircuitBreaker>(m_clock, m_options.breaker);
    return *slot;
}

void HttpClient::forget(quint64 id)
{
    m_calls.erase(id);
}

} // namespace caseyos
