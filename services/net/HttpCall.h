#pragma once

#include "net/HttpClient.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace caseyos {

// One request in flight through HttpClient: breaker → governor → send → classify → retry or finish.
// Internal to services/net; a child of the client, deleted when it finishes.
class HttpCall : public QObject
{
    Q_OBJECT

public:
    HttpCall(HttpClient& client, quint64 id, HttpRequest request, QObject* context, HttpClient::Callback done);
    ~HttpCall() override;

    void start();

private:
    void attempt();
    void sendNow();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void handleTransportError(int networkError);
    void handleStatus(int status, const HttpHeaders& headers, bool transferFailed);
    // Retries after delayMs if the policy allows; returns false when the caller must finish instead.
    bool scheduleRetry(int status, const QByteArray& retryAfter);
    void fail(HttpErrorKind kind, int status, QString message, qint64 retryAfterMs = -1);
    void finish();
    QString host() const;
    QString sizeText() const;
    void abortTooLarge();

    HttpClient& m_client;
    quint64 m_id;
    HttpRequest m_request;
    QPointer<QObject> m_context;
    HttpClient::Callback m_done;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_buffer;
    bool m_tooLarge = false;
    bool m_streamed = false; // a chunk went to HttpRequest::onData
    int m_retriesDone = 0;
    HttpResult m_result;
};

} // namespace caseyos
