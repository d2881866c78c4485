#include "FakeHttpServer.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::test {

QByteArray FakeRequest::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

FakeReply FakeReply::json(int status, const QJsonDocument& body)
{
    return json(status, body.toJson(QJsonDocument::Compact));
}

FakeReply FakeReply::json(int status, const QByteArray& body)
{
    FakeReply reply;
    reply.status = status;
    reply.body = body;
    reply.headers.append(
        qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=UTF-8")));
    return reply;
}

FakeReply FakeHttpServer::notFound(const QString& message)
{
    const QJsonObject error { { u"error"_s,
        QJsonObject { { u"code"_s, 404 }, { u"message"_s, message }, { u"status"_s, u"NOT_FOUND"_s } } } };
    return FakeReply::json(404, QJsonDocument(error));
}

FakeHttpServer::FakeHttpServer(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onConnection);
}

FakeHttpServer::~FakeHttpServer() = default;

bool FakeHttpServer::listen()
{
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), 0);
}

quint16 FakeHttpServer::port() const
{
    return m_server->serverPort();
}

QUrl FakeHttpServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port()));
}

void FakeHttpServer::addFaults(int count, const FakeFault& fault)
{
    for (int i = 0; i < count; ++i)
        m_faults.append(fault);
}

void FakeHttpServer::addRateLimit(int limit, qint64 windowMs, const QString& pathContains)
{
    m_limits.append({ limit, windowMs, pathContains, {} });
}

int FakeHttpServer::requestCount(const QString& pathContains) const
{
    return int(std::count_if(m_log.cbegin(), m_log.cend(),
        [&](const FakeLogEntry& e) { return pathContains.isEmpty() || e.path.contains(pathContains); }));
}

int FakeHttpServer::statusCount(int status) const
{
    return int(std::count_if(
        m_log.cbegin(), m_log.cend(), [&](const FakeLogEntry& e) { return e.status == status; }));
}

int FakeHttpServer::maxInWindow(qint64 windowMs, const QString& pathContains) const
{
    QList<qint64> times;
    for (const FakeLogEntry& e : m_log) {
        if (pathContains.isEmpty() || e.path.contains(pathContains))
            times.append(e.atMs);
    }
    std::sort(times.begin(), times.end());
    int best = 0;
    qsizetype first = 0;
    for (qsizetype i = 0; i < times.size(); ++i) {
        while (times[i] - times[first] >= windowMs)
            ++first;
        best = std::max(best, int(i - first + 1));
    }
    return best;
}

void FakeHttpServer::onConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeHttpServer::onData(QTcpSocket* socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    if (socket->property("answered").toBool())
        return;
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    FakeRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    const QUrl target(QString::fromUtf8(requestLine.value(1)));
    request.path = target.path();
    request.query = QUrlQuery(target);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = lines[i].left(colon).trimmed();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.append({ name, value });
        if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            length = value.toLongLong();
    }
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    request.atMs = QDateTime::currentMSecsSinceEpoch();
    socket->setProperty("answered", true);
    socket->setProperty("buffer", QByteArray());
    const FakeReply reply = answerFor(request);
    m_log.append({ request.method, request.path, request.atMs,
        reply.mode == FakeReply::Mode::NeverAnswer ? 0 : reply.status });
    send(socket, reply);
}

FakeReply FakeHttpServer::answerFor(const FakeRequest& request)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        const FakeFault fault = m_faults[i];
        if (!fault.pathContains.isEmpty() && !request.path.contains(fault.pathContains))
            continue;
        m_faults.removeAt(i);
        switch (fault.kind) {
        case FakeFault::Kind::Status: {
            FakeReply reply = FakeReply::json(fault.status,
                QJsonDocument(QJsonObject { { u"error"_s,
                    QJsonObject { { u"code"_s, fault.status }, { u"message"_s, u"Backend Error"_s } } } }));
            reply.headers += fault.headers;
            return reply;
        }
        case FakeFault::Kind::RateLimit: {
            FakeReply reply
                = FakeReply::json(429, QByteArray(R"({"status":"error","message":"rate limited"})"));
            reply.headers += fault.headers;
            return reply;
        }
        case FakeFault::Kind::Timeout: {
            FakeReply reply;
            reply.mode = FakeReply::Mode::NeverAnswer;
            return reply;
        }
        case FakeFault::Kind::Truncated: {
            FakeReply reply = handle(request);
            reply.mode = FakeReply::Mode::CutShort;
            return reply;
        }
        case FakeFault::Kind::WrongContentType: {
            FakeReply reply = handle(request);
            reply.headers = { qMakePair(
                QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=UTF-8")) };
            return reply;
        }
        case FakeFault::Kind::Garbage:
            return FakeReply::json(200, QByteArray("<html>Service temporarily unavailable</html>"));
        case FakeFault::Kind::Huge: {
            QByteArray body(50 * 1024 * 1024, ' ');
            body[0] = '{';
            body[body.size() - 1] = '}';
            return FakeReply::json(200, body);
        }
        }
    }
    for (Limit& limit : m_limits) {
        if (!limit.pathContains.isEmpty() && !request.path.contains(limit.pathContains))
            continue;
        while (!limit.times.isEmpty() && request.atMs - limit.times.first() >= limit.windowMs)
            limit.times.removeFirst();
        if (limit.times.size() >= limit.limit) {
            return FakeReply::json(429,
                QByteArray(
                    R"({"status":"error","message":"You have reached your ten_secondly_rolling limit.",)"
                    R"("errorType":"RATE_LIMIT","policyName":"TEN_SECONDLY_ROLLING"})"));
        }
    }
    for (Limit& limit : m_limits) {
        if (limit.pathContains.isEmpty() || request.path.contains(limit.pathContains))
            limit.times.append(request.atMs);
    }
    if (onRequest)
        onRequest(request);
    FakeReply reply = handle(request);
    reply.headers += extraHeaders(request);
    return reply;
}

void FakeHttpServer::send(QTcpSocket* socket, const FakeReply& reply)
{
    if (reply.mode == FakeReply::Mode::NeverAnswer)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " Status\r\n";
    for (const auto& [name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n\r\n";
    socket->write(head);
    if (reply.mode == FakeReply::Mode::CutShort)
        socket->write(reply.body.left(reply.body.size() / 2));
    else
        socket->write(reply.body);
    socket->disconnectFromHost();
}

} // namespace caseyos::test
