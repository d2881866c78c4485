#include "FakeLlmServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace caseyos::test {

QByteArray LlmRequest::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QJsonObject LlmRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

LlmReply LlmReply::sse(const QList<QByteArray>& events)
{
    LlmReply reply;
    reply.headers = { { "Content-Type", "text/event-stream" } };
    for (const QByteArray& e : events)
        reply.pieces.append("data: " + e + "\n\n");
    return reply;
}

LlmReply LlmReply::json(int status, const QByteArray& body, LlmHeaders headers)
{
    LlmReply reply;
    reply.status = status;
    reply.headers = std::move(headers);
    reply.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
    reply.pieces = { body };
    reply.pieceDelayMs = 0;
    return reply;
}

FakeLlmServer::FakeLlmServer(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeLlmServer::onConnection);
}

FakeLlmServer::~FakeLlmServer() = default;

bool FakeLlmServer::listen()
{
    return m_server->listen(QHostAddress(QHostAddress::LocalHost), 0);
}

QUrl FakeLlmServer::url(const QString& path) const
{
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server->serverPort()).arg(path));
}

QList<LlmRequest> FakeLlmServer::requestsTo(const QString& pathContains) const
{
    QList<LlmRequest> out;
    for (const LlmRequest& r : m_requests)
        if (r.path.contains(pathContains))
            out.append(r);
    return out;
}

void FakeLlmServer::onConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
    }
}

void FakeLlmServer::onData(QTcpSocket* socket)
{
    // One request per connection: wait for the head and the whole body, then answer.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0 || socket->property("answered").toBool())
        return;
    LlmRequest request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.rawTarget = first.value(1);
    const QUrl target(QString::fromUtf8(request.rawTarget));
    request.path = target.path();
    request.query = QUrlQuery(target.query());
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray key = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({ key, value });
        if (key.compare("content-length", Qt::CaseInsensitive) == 0)
            length = value.toLongLong();
    }
    if (buffer.size() - headEnd - 4 < length)
        return;
    request.body = buffer.mid(headEnd + 4, length);
    socket->setProperty("answered", true);
    const int index = int(m_requests.size());
    m_requests.append(request);
    answer(socket,
        m_handler ? m_handler(request, index) : LlmReply::json(404, R"({"error":{"message":"no script"}})"));
}

void FakeLlmServer::answer(QTcpSocket* socket, const LlmReply& reply)
{
    if (reply.neverAnswer)
        return;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
    for (const auto& [key, value] : reply.headers)
        head += key + ": " + value + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    QPointer<QTcpSocket> guard(socket);
    const QList<QByteArray> pieces = reply.pieces;
    const int delay = reply.pieceDelayMs;
    // Pieces go out on timers so that each one reaches the client in its own read.
    for (qsizetype i = 0; i <= pieces.size(); ++i) {
        QTimer::singleShot(int(i) * delay, socket, [guard, pieces, i] {
            if (!guard)
                return;
            if (i < pieces.size()) {
                guard->write(pieces[i]);
                guard->flush();
            } else {
                guard->disconnectFromHost();
            }
        });
    }
}

namespace sse {

namespace {

QByteArray compact(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject chunk(const QJsonObject& delta, const QJsonValue& finish = QJsonValue::Null)
{
    return { { u"id"_s, u"chatcmpl-fake"_s }, { u"object"_s, u"chat.completion.chunk"_s },
        { u"created"_s, 1 }, { u"model"_s, u"fake-model"_s },
        { u"choices"_s,
            QJsonArray { QJsonObject {
                { u"index"_s, 0 }, { u"delta"_s, delta }, { u"finish_reason"_s, finish } } } } };
}

} // namespace

QList<QByteArray> openAiText(const QStringList& pieces)
{
    QList<QByteArray> out;
    out.append(compact(chunk({ { u"role"_s, u"assistant"_s }, { u"content"_s, u""_s } })));
    for (const QString& p : pieces)
        out.append(compact(chunk({ { u"content"_s, p } })));
    out.append(compact(chunk({}, u"stop"_s)));
    out.append("[DONE]");
    return out;
}

QList<QByteArray> openAiToolCalls(const QList<QPair<QString, QString>>& calls, int fragments)
{
    QList<QByteArray> out;
    out.append(compact(chunk({ { u"role"_s, u"assistant"_s }, { u"content"_s, QJsonValue::Null } })));
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QString& args = calls[i].second;
        out.append(compact(chunk({ { u"tool_calls"_s,
            QJsonArray { QJsonObject { { u"index"_s, int(i) }, { u"id"_s, u"call_fake_%1"_s.arg(i + 1) },
                { u"type"_s, u"function"_s },
                { u"function"_s,
                    QJsonObject { { u"name"_s, calls[i].first }, { u"arguments"_s, u""_s } } } } } } })));
        const qsizetype step = qMax<qsizetype>(1, (args.size() + fragments - 1) / qMax(1, fragments));
        for (qsizetype at = 0; at < args.size(); at += step)
            out.append(compact(chunk({ { u"tool_calls"_s,
                QJsonArray { QJsonObject { { u"index"_s, int(i) },
                    { u"function"_s, QJsonObject { { u"arguments"_s, args.mid(at, step) } } } } } } })));
    }
    out.append(compact(chunk({}, u"tool_calls"_s)));
    out.append("[DONE]");
    return out;
}

QList<QByteArray> geminiText(const QStringList& pieces)
{
    QList<QByteArray> out;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        QJsonObject candidate {
            { u"content"_s,
                QJsonObject { { u"role"_s, u"model"_s },
                    { u"parts"_s, QJsonArray { QJsonObject { { u"text"_s, pieces[i] } } } } } },
            { u"index"_s, 0 }
        };
        if (i + 1 == pieces.size())
            candidate.insert(u"finishReason"_s, u"STOP"_s);
        out.append(compact({ { u"candidates"_s, QJsonArray { candidate } },
            { u"usageMetadata"_s,
                QJsonObject { { u"promptTokenCount"_s, 10 }, { u"candidatesTokenCount"_s, int(i + 1) } } },
            { u"modelVersion"_s, u"gemini-2.0-flash"_s } }));
    }
    return out;
}

QList<QByteArray> geminiCalls(const QList<QPair<QString, QString>>& calls, const QString& signature)
{
    QJsonArray parts;
    for (const auto& [name, args] : calls) {
        QJsonObject part { { u"functionCall"_s,
            QJsonObject { { u"name"_s, name }, { u"args"_s, QJsonDocument::fromJson(args.toUtf8()).object() } } } };
        if (!signature.isEmpty())
            part.insert(u"thoughtSignature"_s, signature);
        parts.append(part);
    }
    const QJsonObject candidate { { u"content"_s,
                                      QJsonObject { { u"role"_s, u"model"_s }, { u"parts"_s, parts } } },
        { u"finishReason"_s, u"STOP"_s }, { u"index"_s, 0 } };
    return { compact({ { u"candidates"_s, QJsonArray { candidate } } }) };
}

} // namespace sse

} // namespace caseyos::test
