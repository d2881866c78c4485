#include "TokenEndpoint.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

Q_LOGGING_CATEGORY(lcToken, "caseyos.auth.token")

constexpr qint64 kMaxBodyBytes = 256 * 1024;

QByteArray formBody(const QList<QPair<QString, QString>>& fields)
{
    QByteArray body;
    for (const auto& [key, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace

TokenEndpoint::TokenEndpoint(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
}

void TokenEndpoint::refresh(
    const OAuthClientConfig& config, const QString& refreshToken, QObject* context, Callback done)
{
    QPointer<QObject> guard(context);
    QList<QPair<QString, QString>> fields { { u"grant_type"_s, u"refresh_token"_s },
        { u"refresh_token"_s, refreshToken }, { u"client_id"_s, config.clientId } };
    if (!config.clientSecret.isEmpty())
        fields.append({ u"client_secret"_s, config.clientSecret });
    QNetworkRequest request(config.tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-www-form-urlencoded"_s);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(config.tokenRequestTimeoutMs);
    const QString endpoint = config.tokenUrl.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    QNetworkReply* reply = m_network->post(request, formBody(fields));
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, endpoint, done = std::move(done)] {
        reply->deleteLater();
        TokenRefreshResult result;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->isOpen() ? reply->read(kMaxBodyBytes) : QByteArray();
        if (status == 0) {
            const bool timedOut = reply->error() == QNetworkReply::TimeoutError
                || reply->error() == QNetworkReply::OperationCanceledError;
            result.error = makeOAuthError(timedOut ? OAuthErrorKind::Timeout : OAuthErrorKind::Network,
                timedOut ? u"The sign-in server did not answer in time."_s
                         : u"Could not reach the sign-in server."_s,
                reply->errorString());
        } else if (status < 200 || status >= 300) {
            result.error = classifyTokenError(status, body);
        } else {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (!doc.isObject()) {
                result.error = makeOAuthError(OAuthErrorKind::InvalidResponse,
                    u"The sign-in server's answer could not be read."_s, u"token response is not a JSON object"_s);
            } else {
                const TokenResponseParse parsed = parseTokenResponse(doc.object().toVariantMap(), m_clock.now());
                result.tokens = parsed.tokens;
                result.error = parsed.error;
            }
        }
        if (result.ok())
            qCInfo(lcToken, "refresh at %s: ok (rotated refresh token: %s)", qUtf8Printable(endpoint),
                result.tokens.refreshToken.isEmpty() ? "no" : "yes");
        else
            qCWarning(lcToken, "refresh at %s: %s (%s)", qUtf8Printable(endpoint),
                qUtf8Printable(oauthErrorKindName(result.error.kind)), qUtf8Printable(result.error.detail));
        if (guard)
            done(result);
    });
}

} // namespace caseyos
