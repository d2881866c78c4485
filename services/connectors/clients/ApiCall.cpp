#include "connectors/clients/ApiCall.h"

#include "net/HttpClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QString providerMessage(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject root = doc.object();
    QString text;
    if (root.value("error"_L1).isObject())
        text = root.value("error"_L1).toObject().value("message"_L1).toString();
    else if (root.value("error"_L1).isString())
        text = root.value("error"_L1).toString();
    if (text.isEmpty())
        text = root.value("detail"_L1).toString();
    if (text.isEmpty())
        text = root.value("title"_L1).toString();
    if (text.isEmpty())
        text = root.value("message"_L1).toString();
    return text.left(200);
}

} // namespace

HttpRequest jsonPost(const QUrl& url, const QJsonObject& body, const QByteArray& contentType)
{
    HttpRequest request;
    request.method = "POST";
    request.url = url;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers.append({ QByteArrayLiteral("Content-Type"), contentType });
    return request;
}

HttpRequest bodylessRequest(const QByteArray& method, const QUrl& url)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.expectJson = false;
    return request;
}

QString pathSegment(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QUrl apiUrl(const QUrl& base, const QString& path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + u'/' + path);
    return url;
}

ClientError clientErrorFrom(const HttpResult& result, const QString& providerName)
{
    const HttpError& e = result.error;
    ClientError out;
    out.status = e.status;
    out.retryAfterMs = e.retryAfterMs;
    const QString detail = providerMessage(result.response.body);
    const QString suffix = detail.isEmpty() ? QString() : u" (%1)"_s.arg(detail);
    switch (e.kind) {
    case HttpErrorKind::None:
        return {};
    case HttpErrorKind::Network:
    case HttpErrorKind::Timeout:
    case HttpErrorKind::CircuitOpen:
        out.kind = ClientErrorKind::Unreachable;
        out.message = e.message;
        return out;
    case HttpErrorKind::RateLimited:
        out.kind = ClientErrorKind::RateLimited;
        out.message = e.message;
        return out;
    case HttpErrorKind::TooLarge:
    case HttpErrorKind::Malformed:
        out.kind = ClientErrorKind::Malformed;
        out.message = e.message;
        return out;
    case HttpErrorKind::Http:
        break;
    }
    if (e.status == 401 || e.status == 403) {
        out.kind = ClientErrorKind::Auth;
        out.message = u"%1 refused the credential (HTTP %2)%3"_s.arg(providerName).arg(e.status).arg(suffix);
    } else if (e.status >= 500) {
        out.kind = ClientErrorKind::Server;
        out.message = u"%1 is failing (HTTP %2)%3"_s.arg(providerName).arg(e.status).arg(suffix);
    } else {
        out.kind = ClientErrorKind::Rejected;
        out.message = u"%1 refused the request (HTTP %2)%3"_s.arg(providerName).arg(e.status).arg(suffix);
    }
    return out;
}

void sendApiRequest(HttpClient& http, const ClientConfig& config, AuthStyle style, HttpRequest request,
    QObject* context, ApiDone done)
{
    if (request.account.isEmpty())
        request.account = config.account;
    request.timeoutMs = config.timeoutMs;
    const QString provider = request.url.host().isEmpty() ? u"The server"_s : request.url.host();
    auto sendWith = [&http, style, context, done, provider](HttpRequest req, const QString& token) {
        if (!token.isEmpty()) {
            if (style == AuthStyle::Bearer)
                req.headers.append({ "Authorization", "Bearer " + token.toUtf8() });
            else
                req.headers.append({ "x-goog-api-key", token.toUtf8() });
        }
        http.send(req, context, [done, provider](const HttpResult& result) {
            done(result, result.ok() ? ClientError {} : clientErrorFrom(result, provider));
        });
    };
    if (!config.token) {
        sendWith(std::move(request), {});
        return;
    }
    QPointer<QObject> guard(context);
    config.token(context, [guard, request, sendWith, done](const Result<QString>& token) {
        if (!guard)
            return;
        if (!token || token.value().isEmpty()) {
            ClientError error { ClientErrorKind::NoCredential, 0,
                token ? u"No key or token is stored for this account"_s : token.error() };
            // Queued like every other answer: the caller never runs inside its own call.
            QMetaObject::invokeMethod(guard, [done, error] { done({}, error); }, Qt::QueuedConnection);
            return;
        }
        sendWith(request, token.value());
    });
}

} // namespace caseyos
