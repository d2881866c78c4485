#include "connectors/clients/MessagingClients.h"

#include "connectors/clients/ApiCall.h"
#include "net/HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// A post reaches people: never sent twice, so never retried.
HttpRequest postOnce(const QUrl& url, const QJsonObject& body)
{
    HttpRequest request = jsonPost(url, body, QByteArrayLiteral("application/json; charset=utf-8"));
    request.retry = false;
    return request;
}

} // namespace

ClientError slackError(const QJsonObject& reply, int status)
{
    if (reply.value("ok"_L1).toBool())
        return {};
    static const QSet<QString> authCodes { u"invalid_auth"_s, u"not_authed"_s, u"account_inactive"_s,
        u"token_revoked"_s, u"token_expired"_s, u"no_permission"_s, u"missing_scope"_s };
    const QString code = reply.value("error"_L1).toString(u"unknown_error"_s).left(80);
    if (authCodes.contains(code))
        return { ClientErrorKind::Auth, status, u"Slack refused the token (%1)"_s.arg(code) };
    return { ClientErrorKind::Rejected, status, u"Slack refused the request (%1)"_s.arg(code) };
}

SlackClient::SlackClient(HttpClient& http, ClientConfig config)
    : m_http(http)
    , m_config(std::move(config))
{
}

void SlackClient::postMessage(const QString& channel, const QString& text, const QString& threadTs,
    QObject* context, std::function<void(const ClientResult<SlackPosted>&)> done)
{
    QJsonObject body { { u"channel"_s, channel }, { u"text"_s, text } };
    if (!threadTs.isEmpty())
        body.insert(u"thread_ts"_s, threadTs);
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, postOnce(apiUrl(m_config.baseUrl, u"chat.postMessage"_s), body),
        context, [done](const HttpResult& result, const ClientError& error) {
            ClientResult<SlackPosted> out;
            out.error = error;
            if (!error.isError()) {
                const QJsonObject o = result.response.json.object();
                out.error = slackError(o, result.response.status);
                out.value = { o.value("channel"_L1).toString(), o.value("ts"_L1).toString() };
            }
            done(out);
        });
}

void SlackClient::authTest(QObject* context, std::function<void(const ClientResult<SlackIdentity>&)> done)
{
    HttpRequest req;
    req.url = apiUrl(m_config.baseUrl, u"auth.test"_s);
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<SlackIdentity> out;
            out.error = error;
            if (!error.isError()) {
                const QJsonObject o = result.response.json.object();
                out.error = slackError(o, result.response.status);
                out.value = { o.value("team"_L1).toString(), o.value("team_id"_L1).toString(),
                    o.value("user"_L1).toString(), o.value("user_id"_L1).toString() };
            }
            done(out);
        });
}

XClient::XClient(HttpClient& http, ClientConfig config)
    : m_http(http)
    , m_config(std::move(config))
{
}

void XClient::post(const QString& text, const QString& replyTo, QObject* context,
    std::function<void(const ClientResult<QString>&)> done)
{
    QJsonObject body { { u"text"_s, text } };
    if (!replyTo.isEmpty())
        body.insert(u"reply"_s, QJsonObject { { u"in_reply_to_tweet_id"_s, replyTo } });
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, postOnce(apiUrl(m_config.baseUrl, u"2/tweets"_s), body),
        context, [done](const HttpResult& result, const ClientError& error) {
            ClientResult<QString> out;
            out.error = error;
            if (!error.isError()) {
                out.value = result.response.json.object().value("data"_L1).toObject().value("id"_L1).toString();
                if (out.value.isEmpty())
                    out.error = { ClientErrorKind::Malformed, result.response.status, u"X did not return the post's id"_s };
            }
            done(out);
        });
}

void XClient::me(QObject* context, std::function<void(const ClientResult<XUser>&)> done)
{
    HttpRequest req;
    req.url = apiUrl(m_config.baseUrl, u"2/users/me"_s);
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<XUser> out;
            out.error = error;
            if (!error.isError()) {
                const QJsonObject d = result.response.json.object().value("data"_L1).toObject();
                out.value = { d.value("id"_L1).toString(), d.value("name"_L1).toString(),
                    d.value("username"_L1).toString() };
                if (out.value.id.isEmpty())
                    out.error = { ClientErrorKind::Malformed, result.response.status, u"X did not name the user"_s };
            }
            done(out);
        });
}

} // namespace caseyos
