#include "connectors/clients/GmailWriteClient.h"

#include "connectors/clients/ApiCall.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString rawMessage(const QByteArray& rfc2822)
{
    return QString::fromLatin1(rfc2822.toBase64(QByteArray::Base64UrlEncoding));
}

// "<abc@host>" → "rfc822msgid:abc@host" (Gmail's search operator takes the id without brackets).
QString byMessageId(const QString& header)
{
    QString id = header.trimmed();
    if (id.startsWith(u'<') && id.endsWith(u'>'))
        id = id.mid(1, id.size() - 2);
    return u"rfc822msgid:"_s + id;
}

ClientError missing(const HttpResult& result, const QString& what)
{
    return { ClientErrorKind::Malformed, result.response.status, u"Gmail did not return the %1"_s.arg(what) };
}

} // namespace

GmailWriteClient::GmailWriteClient(HttpClient& http, ClientConfig config)
    : m_http(http)
    , m_config(std::move(config))
{
}

QUrl GmailWriteClient::url(const QString& path) const
{
    return apiUrl(m_config.baseUrl, u"gmail/v1/users/me/"_s + path);
}

void GmailWriteClient::sendMessage(const QByteArray& rfc2822, const QString& threadId, QObject* context,
    std::function<void(const ClientResult<GmailMessageRef>&)> done)
{
    QJsonObject body { { u"raw"_s, rawMessage(rfc2822) } };
    if (!threadId.isEmpty())
        body.insert(u"threadId"_s, threadId);
    HttpRequest request = jsonPost(url(u"messages/send"_s), body);
    request.retry = false;
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(request), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<GmailMessageRef> out;
            out.error = error;
            if (!error.isError()) {
                const QJsonObject o = result.response.json.object();
                out.value = { o.value("id"_L1).toString(), o.value("threadId"_L1).toString() };
                if (out.value.id.isEmpty())
                    out.error = missing(result, u"sent message's id"_s);
            }
            done(out);
        });
}

void GmailWriteClient::createDraft(const QByteArray& rfc2822, const QString& threadId, QObject* context,
    std::function<void(const ClientResult<GmailDraftRef>&)> done)
{
    QJsonObject message { { u"raw"_s, rawMessage(rfc2822) } };
    if (!threadId.isEmpty())
        message.insert(u"threadId"_s, threadId);
    HttpRequest request = jsonPost(url(u"drafts"_s), QJsonObject { { u"message"_s, message } });
    request.retry = false;
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(request), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<GmailDraftRef> out;
            out.error = error;
            if (!error.isError()) {
                const QJsonObject o = result.response.json.object();
                const QJsonObject m = o.value("message"_L1).toObject();
                out.value = { o.value("id"_L1).toString(), m.value("id"_L1).toString(),
                    m.value("threadId"_L1).toString() };
                if (out.value.id.isEmpty())
                    out.error = missing(result, u"draft's id"_s);
            }
            done(out);
        });
}

void GmailWriteClient::deleteDraft(
    const QString& draftId, QObject* context, std::function<void(const ClientResult<bool>&)> done)
{
    HttpRequest request;
    request.method = "DELETE";
    request.url = url(u"drafts/"_s + QString::fromLatin1(QUrl::toPercentEncoding(draftId)));
    request.expectJson = false; // 204 No Content
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(request), context,
        [done](const HttpResult&, const ClientError& error) {
            ClientResult<bool> out;
            out.error = error;
            out.value = !error.isError();
            done(out);
        });
}

void GmailWriteClient::findMessages(const QString& messageIdHeader, QObject* context,
    std::function<void(const ClientResult<QList<GmailMessageRef>>&)> done)
{
    HttpRequest request;
    request.url = url(u"messages"_s);
    QUrlQuery query;
    query.addQueryItem(u"q"_s, byMessageId(messageIdHeader));
    query.addQueryItem(u"includeSpamTrash"_s, u"true"_s);
    request.url.setQuery(query);
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(request), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<QList<GmailMessageRef>> out;
            out.error = error;
            if (!error.isError())
                for (const QJsonValue& v : result.response.json.object().value("messages"_L1).toArray())
                    out.value.append({ v["id"_L1].toString(), v["threadId"_L1].toString() });
            done(out);
        });
}

void GmailWriteClient::findDrafts(const QString& messageIdHeader, QObject* context,
    std::function<void(const ClientResult<QList<GmailDraftRef>>&)> done)
{
    HttpRequest request;
    request.url = url(u"drafts"_s);
    QUrlQuery query;
    query.addQueryItem(u"q"_s, byMessageId(messageIdHeader));
    request.url.setQuery(query);
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(request), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<QList<GmailDraftRef>> out;
            out.error = error;
            if (!error.isError())
                for (const QJsonValue& v : result.response.json.object().value("drafts"_L1).toArray())
                    out.value.append({ v["id"_L1].toString(), v["message"_L1]["id"_L1].toString(),
                        v["message"_L1]["threadId"_L1].toString() });
            done(out);
        });
}

} // namespace caseyos
