#include "connectors/clients/GoogleDocsClients.h"

#include "connectors/clients/ApiCall.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

void collectText(const QJsonArray& content, QString& out)
{
    for (const QJsonValue& v : content) {
        const QJsonObject element = v.toObject();
        for (const QJsonValue& e : element.value("paragraph"_L1).toObject().value("elements"_L1).toArray())
            out += e.toObject().value("textRun"_L1).toObject().value("content"_L1).toString();
        for (const QJsonValue& row : element.value("table"_L1).toObject().value("tableRows"_L1).toArray()) {
            for (const QJsonValue& cell : row.toObject().value("tableCells"_L1).toArray())
                collectText(cell.toObject().value("content"_L1).toArray(), out);
        }
    }
}

} // namespace

QString driveTextQuery(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', "\\\\"_L1).replace(u'\'', "\\'"_L1);
    return u"fullText contains '%1' and trashed = false"_s.arg(escaped);
}

DriveClient::DriveClient(HttpClient& http, ClientConfig config)
    : m_http(http)
    , m_config(std::move(config))
{
}

void DriveClient::search(const QString& text, int pageSize, const QString& pageToken, QObject* context,
    std::function<void(const ClientResult<DrivePage>&)> done)
{
    list(driveTextQuery(text), pageSize, pageToken, context, std::move(done));
}

void DriveClient::list(const QString& query, int pageSize, const QString& pageToken, QObject* context,
    std::function<void(const ClientResult<DrivePage>&)> done)
{
    // Each value percent-encoded by hand: QUrlQuery would leave '+' alone, which servers read as a space.
    QList<QPair<QString, QString>> items;
    if (!query.isEmpty())
        items.append({ u"q"_s, query });
    items.append({ u"pageSize"_s, QString::number(std::clamp(pageSize, 1, 1000)) });
    if (!pageToken.isEmpty())
        items.append({ u"pageToken"_s, pageToken });
    items.append({ u"fields"_s, u"nextPageToken,files(id,name,mimeType,modifiedTime,webViewLink)"_s });
    items.append({ u"orderBy"_s, u"modifiedTime desc"_s });
    items.append({ u"spaces"_s, u"drive"_s });
    items.append({ u"includeItemsFromAllDrives"_s, u"true"_s });
    items.append({ u"supportsAllDrives"_s, u"true"_s });
    QStringList parts;
    for (const auto& [key, value] : items)
        parts << key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    HttpRequest req;
    req.url = apiUrl(m_config.baseUrl, u"files"_s);
    req.url.setQuery(parts.join(u'&'), QUrl::StrictMode);
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<DrivePage> out;
            out.error = error;
            if (!error.isError()) {
                const QJsonObject o = result.response.json.object();
                if (!o.value("files"_L1).isArray())
                    out.error = { ClientErrorKind::Malformed, result.response.status, u"The Drive reply has no file list"_s };
                for (const QJsonValue& v : o.value("files"_L1).toArray()) {
                    const QJsonObject f = v.toObject();
                    out.value.files.append({ f.value("id"_L1).toString(), f.value("name"_L1).toString(),
                        f.value("mimeType"_L1).toString(), f.value("modifiedTime"_L1).toString(),
                        f.value("webViewLink"_L1).toString() });
                }
                out.value.nextPageToken = o.value("nextPageToken"_L1).toString();
            }
            done(out);
        });
}

DocsClient::DocsClient(HttpClient& http, ClientConfig config)
    : m_http(http)
    , m_config(std::move(config))
{
}

void DocsClient::get(
    const QString& documentId, QObject* context, std::function<void(const ClientResult<DocsDocument>&)> done)
{
    HttpRequest req;
    req.url = apiUrl(m_config.baseUrl,
        u"v1/documents/"_s + QString::fromLatin1(QUrl::toPercentEncoding(documentId)));
    sendApiRequest(m_http, m_config, AuthStyle::Bearer, std::move(req), context,
        [done](const HttpResult& result, const ClientError& error) {
            ClientResult<DocsDocument> out;
            out.error = error;
            if (!error.isError()) {
                const QJsonObject o = result.response.json.object();
                out.value.id = o.value("documentId"_L1).toString();
                out.value.title = o.value("title"_L1).toString();
                collectText(o.value("body"_L1).toObject().value("content"_L1).toArray(), out.value.text);
                if (out.value.id.isEmpty())
                    out.error = { ClientErrorKind::Malformed, result.response.status, u"The Docs reply names no document"_s };
            }
            done(out);
        });
}

} // namespace caseyos
