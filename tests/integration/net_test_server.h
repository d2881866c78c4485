#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace caseyos::test {

// What the test server sends back for one request.
struct ScriptedReply
{
    enum class Mode {
        Normal, // status line, headers, Content-Length, body, close
        NeverAnswer, // read the request, then say nothing (the client must time out)
        CutShort, // declare the whole body's length, send half of it, close
        NoLength, // no Content-Length: stream the body and close to end it
    };
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    Mode mode = Mode::Normal;
};

struct SeenRequest
{
    QByteArray method;
    QByteArray path;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 atMs = 0; // wall-clock arrival, ms since epoch
};

// A tiny HTTP/1.1 server on 127.0.0.1 (QTcpServer) that can misbehave on purpose: it records every
// request and answers each from a handler, one request per connection.
class NetTestServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<ScriptedReply(const SeenRequest&, int index)>;

    explicit NetTestServer(QObject* parent = nullptr);
    ~NetTestServer() override;

    bool listen(); // on an ephemeral port
    quint16 port() const;
    QUrl url(const QString& path) const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<SeenRequest>& requests() const { return m_requests; }

    static ScriptedReply json(int status, const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers = {});

private:
    void onConnection();
    void onData(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const ScriptedReply& reply);

    QTcpServer* m_server = nullptr;
    Handler m_handler;
    QList<SeenRequest> m_requests;
};

} // namespace caseyos::test
