#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace caseyos::test {

using FakeHeaders = QList<QPair<QByteArray, QByteArray>>;

struct FakeRequest
{
    QByteArray method;
    QString path; // without the query
    QUrlQuery query;
    FakeHeaders headers;
    QByteArray body;
    qint64 atMs = 0; // arrival, wall clock

    QByteArray header(QByteArrayView name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

struct FakeReply
{
    enum class Mode {
        Normal,
        NeverAnswer, // read the request and say nothing: the client times out
        CutShort, // declare the whole length, send half the body, close
    };
    int status = 200;
    FakeHeaders headers;
    QByteArray body;
    Mode mode = Mode::Normal;

    static FakeReply json(int status, const QJsonDocument& body);
    static FakeReply json(int status, const QByteArray& body);
};

// A fault the server applies to the next matching request instead of (or on top of) its normal answer.
struct FakeFault
{
    enum class Kind {
        Status, // answer `status` (with `headers`) and an error body
        RateLimit, // 429, Retry-After as given in `headers` (or none)
        Timeout, // never answer
        Truncated, // the normal answer cut in half
        WrongContentType, // the normal body as text/html
        Garbage, // 200 with a body that is not JSON
        Huge, // 200 with a 50 MB JSON-typed body
    };
    Kind kind = Kind::Status;
    int status = 503;
    FakeHeaders headers;
    QString pathContains; // empty: any request
};

// One entry of the server's log: what came in, when, and what status went out (0 = no answer).
struct FakeLogEntry
{
    QByteArray method;
    QString path;
    qint64 atMs = 0;
    int status = 0;
};

// An in-process HTTP/1.1 server on 127.0.0.1 (QTcpServer, one request per connection) for the sync tests:
// subclasses answer like a provider; this base adds fault injection, request counting over time windows and
// an optional per-window request limit enforced like the provider does (429 over budget).
class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeHttpServer(QObject* parent = nullptr);
    ~FakeHttpServer() override;

    bool listen();
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:<port>

    // Faults are consumed in order, each by the first request it matches.
    void addFault(const FakeFault& fault) { m_faults.append(fault); }
    void addFaults(int count, const FakeFault& fault);
    int pendingFaults() const { return int(m_faults.size()); }
    void clearFaults() { m_faults.clear(); }

    // At most `limit` answered requests (whose path contains `pathContains`) per rolling `windowMs`; more →
    // 429.
    void addRateLimit(int limit, qint64 windowMs, const QString& pathContains = {});
    void clearRateLimits() { m_limits.clear(); }

    const QList<FakeLogEntry>& log() const { return m_log; }
    void clearLog() { m_log.clear(); }
    int requestCount(const QString& pathContains = {}) const;
    int statusCount(int status) const;
    // The most requests (path containing `pathContains`) that arrived within any window of `windowMs`.
    int maxInWindow(qint64 windowMs, const QString& pathContains = {}) const;

    // Called for each request the server answers normally.
    std::function<void(const FakeRequest&)> onRequest;

protected:
    virtual FakeReply handle(const FakeRequest& request) = 0;
    // Extra headers on every normal answer (rate-limit headers of the provider).
    virtual FakeHeaders extraHeaders(const FakeRequest&) const { return {}; }
    static FakeReply notFound(const QString& message = QStringLiteral("Requested entity was not found."));

private:
    struct Limit
    {
        int limit;
        qint64 windowMs;
        QString pathContains;
        QList<qint64> times;
    };
    void onConnection();
    void onData(QTcpSocket* socket);
    FakeReply answerFor(const FakeRequest& request);
    void send(QTcpSocket* socket, const FakeReply& reply);

    QTcpServer* m_server = nullptr;
    QList<FakeFault> m_faults;
    QList<Limit> m_limits;
    QList<FakeLogEntry> m_log;
};

} // namespace caseyos::test
