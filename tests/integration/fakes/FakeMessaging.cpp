#include "FakeMessaging.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos::test {

FakeReply FakeSlack::handle(const FakeRequest& request)
{
    if (request.header("authorization").isEmpty())
        return FakeReply::json(200, QByteArray(R"({"ok":false,"error":"not_authed"})"));
    if (request.path != u"/chat.postMessage"_s || request.method != "POST")
        return FakeReply::json(200, QByteArray(R"({"ok":false,"error":"unknown_method"})"));
    const QJsonObject body = request.json().object();
    const QString channel = body.value(u"channel"_s).toString();
    if (channel.isEmpty() || channel == u"#nowhere"_s)
        return FakeReply::json(200, QByteArray(R"({"ok":false,"error":"channel_not_found"})"));
    Post post { channel, body.value(u"text"_s).toString(), body.value(u"thread_ts"_s).toString(),
        u"1700000000.%1"_s.arg(m_posts.size() + 1, 6, 10, QLatin1Char('0')) };
    m_posts.append(post);
    return FakeReply::json(200,
        QJsonDocument(
            QJsonObject { { u"ok"_s, true }, { u"channel"_s, post.channel }, { u"ts"_s, post.ts } }));
}

FakeReply FakeX::handle(const FakeRequest& request)
{
    if (request.header("authorization").isEmpty())
        return FakeReply::json(401, QByteArray(R"({"title":"Unauthorized","status":401})"));
    if (request.path != u"/2/tweets"_s || request.method != "POST")
        return notFound();
    const QJsonObject body = request.json().object();
    Post post { QString::number(1800000000000000000LL + m_posts.size() + 1), body.value(u"text"_s).toString(),
        body.value(u"reply"_s).toObject().value(u"in_reply_to_tweet_id"_s).toString() };
    m_posts.append(post);
    return FakeReply::json(201,
        QJsonDocument(
            QJsonObject { { u"data"_s, QJsonObject { { u"id"_s, post.id }, { u"text"_s, post.text } } } }));
}

} // namespace caseyos::test
