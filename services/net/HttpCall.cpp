#include "net/HttpCall.h"

#include "net/JsonBody.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString transportReason(int error)
{
    switch (static_cast<QNetworkReply::NetworkError>(error)) {
    case QNetworkReply::ConnectionRefusedError:
        return u"the connection was refused"_s;
    case QNetworkReply::RemoteHostClosedError:
        return u"the server closed the connection"_s;
    case QNetworkReply::HostNotFoundError:
        return u"the server name was not found"_s;
    case QNetworkReply::SslHandshakeFailedError:
        return u"the secure connection failed"_s;
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return u"the network is unavailable"_s;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return u"the proxy failed"_s;
    default:
        return u"a network error occurred"_s;
    }
}

QString seconds(qint64 ms)
{
    return QString::number((ms + 999) / 1000);
}

} // namespace

HttpCall::HttpCall(
    HttpClient& client, quint64 id, HttpRequest request, QObject* context, HttpClient::Callback done)
    : QObject(&client)
    , m_client(client)
    , m_id(id)
    , m_request(std::move(request))
    , m_context(context)
    , m_done(std::move(done))
{
}

HttpCall::~HttpCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpCall::start()
{
    attempt();
}

QString HttpCall::sizeText() const
{
    const qint64 limit = m_request.maxBodyBytes;
    if (limit >= 1024 * 1024)
        return u"%1 MB"_s.arg(limit / (1024 * 1024));
    return u"%1 KB"_s.arg(std::max<qint64>(1, limit / 1024));
}

QString HttpCall::host() const
{
    const QString name = m_request.url.host();
    return name.isEmpty() ? u"the server"_s : name;
}

// Waits use precise timers: a coarse timer may fire up to 5 % early, which would break a Retry-After.
void HttpCall::attempt()
{
    if (!m_request.account.isEmpty()) {
        CircuitBreaker& breaker = m_client.breaker(m_request.account);
        if (!breaker.allowRequest()) {
            const qint64 wait = breaker.remainingOpenMs();
            fail(HttpErrorKind::CircuitOpen, 0,
                u"%1 keeps failing; requests are paused for %2 s"_s.arg(host(), seconds(wait)), wait);
            return;
        }
    }
    RateGovernor& governor = m_client.governor();
    if (const qint64 wait = governor.waitMs(m_request.rateCosts); wait > 0) {
        QTimer::singleShot(wait, Qt::PreciseTimer, this, [this] { attempt(); });
        return;
    }
    governor.tryAcquire(m_request.rateCosts);
    sendNow();
}

void HttpCall::sendNow()
{
    QNetworkRequest request(m_request.url);
    request.setTransferTimeout(m_request.timeoutMs);
    bool hasContentType = false;
    for (const auto& [name, value] : m_request.headers) {
        request.setRawHeader(name, value);
        hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!m_request.body.isEmpty() && !hasContentType)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    m_buffer.clear();
    m_tooLarge = false;
    ++m_result.attempts;
    m_reply = m_client.manager()->sendCustomRequest(request, m_request.method, m_request.body);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &HttpCall::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &HttpCall::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &HttpCall::onFinished);
}

void HttpCall::abortTooLarge()
{
    m_tooLarge = true;
    m_buffer.clear();
    m_reply->abort(); // emits finished (possibly right here); onFinished reports too_large
}

void HttpCall::onMetaData()
{
    // Refuse a declared oversized body before reading any of it.
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_request.maxBodyBytes && !m_tooLarge)
        abortTooLarge();
}

void HttpCall::onReadyRead()
{
    if (m_tooLarge || !m_reply)
        return;
    // Read only up to one byte past the limit: a body streamed without a length cannot fill memory.
    const qint64 room = m_request.maxBodyBytes + 1 - m_buffer.size();
    const QByteArray chunk = m_reply->read(room);
    m_buffer += chunk;
    if (m_buffer.size() > m_request.maxBodyBytes) {
        abortTooLarge();
        return;
    }
    if (m_request.onData && !chunk.isEmpty()) {
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300) {
            m_streamed = true;
            m_request.onData(chunk);
        }
    }
}

void HttpCall::onFinished()
{
    QNetworkReply* reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!m_tooLarge && reply->isOpen()) { // a reply that failed before any data is already closed
        const QByteArray rest = reply->read(m_request.maxBodyBytes + 1 - m_buffer.size());
        m_buffer += rest;
        if (m_request.onData && !rest.isEmpty() && status >= 200 && status < 300
            && m_buffer.size() <= m_request.maxBodyBytes) {
            m_streamed = true;
            m_request.onData(rest);
        }
    }
    if (m_tooLarge || m_buffer.size() > m_request.maxBodyBytes) {
        m_buffer.clear();
        // Not a breaker failure: the provider answered; the answer is just more than we accept.
        fail(HttpErrorKind::TooLarge, status,
            u"The reply from %1 is larger than %2 and was not read"_s.arg(host(), sizeText()));
        return;
    }
    if (status == 0) {
        handleTransportError(reply->error());
        return;
    }
    handleStatus(status, reply->rawHeaderPairs(), reply->error() != QNetworkReply::NoError && status < 300);
}

void HttpCall::handleTransportError(int networkError)
{
    if (!m_request.account.isEmpty())
        m_client.breaker(m_request.account).recordFailure();
    // setTransferTimeout aborts the reply with OperationCanceledError; we never cancel a reply ourselves
    // except for too_large, handled before this.
    const bool timedOut = networkError == QNetworkReply::OperationCanceledError
        || networkError == QNetworkReply::TimeoutError;
    if (scheduleRetry(0, {}))
        return;
    if (timedOut)
        fail(HttpErrorKind::Timeout, 0,
            u"%1 did not answer within %2 s"_s.arg(host(), seconds(m_request.timeoutMs)));
    else
        fail(HttpErrorKind::Network, 0,
            u"Could not reach %1: %2"_s.arg(host(), transportReason(networkError)));
}

void HttpCall::handleStatus(int status, const HttpHeaders& headers, bool transferFailed)
{
    m_result.response.status = status;
    m_result.response.headers = headers;
    m_result.response.body = m_buffer;
    m_client.governor().observeHeaders(m_request.rateCosts, headers);
    CircuitBreaker* breaker = m_request.account.isEmpty() ? nullptr : &m_client.breaker(m_request.account);

    if (status >= 200 && status < 300) {
        if (transferFailed) {
            if (breaker)
                breaker->recordFailure();
            fail(HttpErrorKind::Malformed, status, u"The reply from %1 ended early"_s.arg(host()));
            return;
        }
        if (m_request.expectJson && status != 204) {
            const auto parsed = parseJsonBody(m_buffer, m_result.response.header("content-type"));
            if (!parsed) {
                // A server that sends garbage is failing, even with a 200.
                if (breaker)
                    breaker->recordFailure();
                fail(HttpErrorKind::Malformed, status,
                    u"The reply from %1 could not be read: %2"_s.arg(host(), parsed.error()));
                return;
            }
            m_result.response.json = parsed.value();
        }
        if (breaker)
            breaker->recordSuccess();
        finish();
        return;
    }

    // 5xx means the provider is failing; 4xx (429 included) means it is up and answering.
    if (breaker && status >= 500)
        breaker->recordFailure();
    const QByteArray retryAfter = m_result.response.header("retry-after");
    const std::optional<qint64> serverDelay = m_client.retryPolicy().parseRetryAfterMs(retryAfter);
    if (status == 429)
        m_client.governor().blockFor(m_request.rateCosts, serverDelay.value_or(0));
    if (scheduleRetry(status, retryAfter))
        return;
    if (status == 429) {
        fail(HttpErrorKind::RateLimited, status,
            serverDelay ? u"%1 is limiting requests; try again in %2 s"_s.arg(host(), seconds(*serverDelay))
                        : u"%1 is limiting requests; try again later"_s.arg(host()),
            serverDelay.value_or(-1));
        return;
    }
    fail(HttpErrorKind::Http, status, u"%1 answered with HTTP status %2"_s.arg(host()).arg(status),
        serverDelay.value_or(-1));
}

bool HttpCall::scheduleRetry(int status, const QByteArray& retryAfter)
{
    if (!m_request.retry || m_streamed) // a stream already handed out must not start over
        return false;
    const auto delay = m_client.retryPolicy().retryDelayMs(m_retriesDone, status, retryAfter);
    if (!delay)
        return false;
    ++m_retriesDone;
    QTimer::singleShot(*delay, Qt::PreciseTimer, this, [this] { attempt(); });
    return true;
}

void HttpCall::fail(HttpErrorKind kind, int status, QString message, qint64 retryAfterMs)
{
    m_result.error = HttpError { kind, status, std::move(message), retryAfterMs };
    if (status != 0)
        m_result.response.status = status;
    finish();
}

void HttpCall::finish()
{
    m_client.forget(m_id);
    if (m_context && m_done) {
        // Queued: the caller never runs inside our reply handling, and a destroyed context drops it.
        QMetaObject::invokeMethod(
            m_context, [done = std::move(m_done), result = m_result] { done(result); }, Qt::QueuedConnection);
    }
    m_done = nullptr;
    deleteLater();
}

} // namespace caseyos
