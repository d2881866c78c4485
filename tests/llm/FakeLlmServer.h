#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace caseyos::test {

using LlmHeaders = QList<QPair<QByteArray, QByteArray>>;

struct LlmRequest
{
    QByteArray method;
    QString path; // without the query
    QUrlQuery query;
    LlmHeaders headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const;
    QByteArray rawTarget; // the request line's target as sent (path and query)
};

// What the server answers to one request. `pieces` are written one by one, `pieceDelayMs` apart, without a
// Content-Length (the connection's end ends the body), so a streamed reply really arrives in pieces.
struct LlmReply
{
    int status = 200;
    LlmHeaders headers;
    QList<QByteArray> pieces;
    int pieceDelayMs = 15;
    bool neverAnswer = false; // read the request, say nothing: the client times out

    static LlmReply sse(const QList<QByteArray>& events); // each event → "data: …\n\n", one piece each
    static LlmReply json(int status, const QByteArray& body, LlmHeaders headers = {});
};

// An in-process HTTP/1.1 server on 127.0.0.1 playing a language-model API from a script: the handler gets
// each request and its index (0-based) and says what to send. Every request is recorded, for assertions and
// for the contract check's replay to Prism.
class FakeLlmServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<LlmReply(const LlmRequest& request, int index)>;

    explicit FakeLlmServer(QObject* parent = nullptr);
    ~FakeLlmServer() override;

    bool listen();
    QUrl url(const QString& path = {}) const; // http://127.0.0.1:PORT + path
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<LlmRequest>& requests() const { return m_requests; }
    QList<LlmRequest> requestsTo(const QString& pathContains) const;

private:
    void onConnection();
    void onData(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const LlmReply& reply);

    QTcpServer* m_server = nullptr;
    Handler m_handler;
    QList<LlmRequest> m_requests;
};

// Streamed replies in each provider's wire format.
namespace sse {
// OpenAI chat.completion.chunk events: one per text piece, then finish_reason "stop" and [DONE].
QList<QByteArray> openAiText(const QStringList& pieces);
// One tool call per entry {name, arguments}; each call's arguments sent in `fragments` pieces (index-based,
// the way OpenAI streams them), then finish_reason "tool_calls" and [DONE].
QList<QByteArray> openAiToolCalls(const QList<QPair<QString, QString>>& calls, int fragments = 3);
// Gemini GenerateContentResponse events: one per text piece, the last with finishReason STOP.
QList<QByteArray> geminiText(const QStringList& pieces);
// One event with functionCall parts {name, args JSON object text}; with a `signature`, each part carries it as
// its thoughtSignature, the way thinking models send them.
QList<QByteArray> geminiCalls(const QList<QPair<QString, QString>>& calls, const QString& signature = {});
} // namespace sse

} // namespace caseyos::test
