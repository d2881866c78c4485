#include "net_test_server.h"

#include <QDateTime>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

} // namespace

NetTestServer::NetTestServer(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &NetTestServer::onConnection);
}

NetTestServer::~NetTestServer() = default;

bool NetTestServer::listen()
{
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), 0);
}

quint16 NetTestServer::port() const
{
    return m_server->serverPort();
}

QUrl NetTestServer::url(const QString& path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port()).arg(path));
}

ScriptedReply NetTestServer::json(int status, const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers)
{
    headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    return ScriptedReply { status, headers, body, ScriptedReply::Mode::Normal };
}

void NetTestServer::onConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void NetTestServer::onData(QTcpSocket* socket)
{
    // Accumulate until the headers and the declared body are in; one request per connection.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    if (socket->property("answered").toBool())
        return;
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    SeenRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.path = requestLine.value(1);
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
    m_requests.append(request);
    const ScriptedReply reply = m_handler ? m_handler(request, static_cast<int>(m_requests.size()) - 1)
                                          : json(200, "{}");
    answer(socket, reply);
}

void NetTestServer::answer(QTcpSocket* socket, const ScriptedReply& reply)
{
    if (reply.mode == ScriptedReply::Mode::NeverAnswer)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    for (const auto& [name, value] : reply.headers)
        head += name + ": " + value + "\r\n";
    if (reply.mode != ScriptedReply::Mode::NoLength)
        head += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    if (reply.mode == ScriptedReply::Mode::CutShort)
        socket->write(reply.body.left(reply.body.size() / 2));
    else
        socket->write(reply.body);
    socket->disconnectFromHost(); // flushes what was written, then closes
}

} // namespace caseyos::test
