#pragma once

#include "FakeHttpServer.h"

#include <QString>

namespace caseyos::test {

// Slack Web API chat.postMessage (slack-web.openapi-v2.json): keeps every post; {"ok":true,"channel","ts"}.
// A channel named "#nowhere" answers {"ok":false,"error":"channel_not_found"} like Slack does.
class FakeSlack final : public FakeHttpServer
{
    Q_OBJECT
public:
    struct Post
    {
        QString channel;
        QString text;
        QString threadTs;
        QString ts;
    };
    using FakeHttpServer::FakeHttpServer;
    const QList<Post>& posts() const { return m_posts; }

protected:
    FakeReply handle(const FakeRequest& request) override;

private:
    QList<Post> m_posts;
};

// X API v2 POST /2/tweets (x-twitter-v2.openapi.json): keeps every post; {"data":{"id","text"}}.
class FakeX final : public FakeHttpServer
{
    Q_OBJECT
public:
    struct Post
    {
        QString id;
        QString text;
        QString replyTo;
    };
    using FakeHttpServer::FakeHttpServer;
    const QList<Post>& posts() const { return m_posts; }

protected:
    FakeReply handle(const FakeRequest& request) override;

private:
    QList<Post> m_posts;
};

} // namespace caseyos::test
