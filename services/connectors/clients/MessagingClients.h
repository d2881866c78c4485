#pragma once

#include "connectors/clients/ClientTypes.h"

#include <QObject>
#include <QString>

#include <functional>

namespace caseyos {

class HttpClient;

struct SlackIdentity
{
    QString team;
    QString teamId;
    QString user;
    QString userId;
};

struct SlackPosted
{
    QString channel;
    QString ts; // the message's timestamp id
};

// Slack Web API (base https://slack.com/api), bot or user token as Bearer. Slack answers HTTP 200 with
// {"ok":false,"error":…} for most failures: those become ClientErrors too (invalid_auth & co. → Auth).
// Posting is never retried (a retry could post twice).
class SlackClient
{
public:
    SlackClient(HttpClient& http, ClientConfig config);
    void postMessage(const QString& channel, const QString& text, const QString& threadTs, QObject* context,
        std::function<void(const ClientResult<SlackPosted>&)> done);
    void authTest(QObject* context, std::function<void(const ClientResult<SlackIdentity>&)> done); // health check

private:
    HttpClient& m_http;
    ClientConfig m_config;
};

struct XUser
{
    QString id;
    QString name;
    QString username;
};

// X API v2 (base https://api.x.com; paths carry /2), user-context OAuth 2 token as Bearer. Posting is never
// retried.
class XClient
{
public:
    XClient(HttpClient& http, ClientConfig config);
    // replyTo: the post being answered, or empty. Yields the new post's id.
    void post(const QString& text, const QString& replyTo, QObject* context,
        std::function<void(const ClientResult<QString>&)> done);
    void me(QObject* context, std::function<void(const ClientResult<XUser>&)> done); // health check

private:
    HttpClient& m_http;
    ClientConfig m_config;
};

// Slack's {"ok":false,"error":code} as a ClientError (None when ok is true).
ClientError slackError(const QJsonObject& reply, int status);

} // namespace caseyos
