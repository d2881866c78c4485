#include "OAuthTokens.h"

#include "auth/TokenExpiry.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QVariantMap decodeBody(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return doc.object().toVariantMap();
    // Some providers answer errors form-encoded.
    QVariantMap fields;
    const QUrlQuery query(QString::fromUtf8(body));
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded))
        fields.insert(key, value);
    return fields;
}

} // namespace

TokenResponseParse parseTokenResponse(const QVariantMap& fields, const QDateTime& now)
{
    TokenResponseParse result;
    const QString error = fields.value(u"error"_s).toString();
    if (!error.isEmpty()) {
        result.error = classifyTokenError(400, QJsonDocument(QJsonObject::fromVariantMap(fields)).toJson());
        return result;
    }
    OAuthTokens& t = result.tokens;
    t.accessToken = fields.value(u"access_token"_s).toString();
    if (t.accessToken.isEmpty()) {
        result.error = makeOAuthError(OAuthErrorKind::InvalidResponse,
            u"The sign-in server's answer held no access token."_s, u"access_token missing"_s);
        return result;
    }
    t.refreshToken = fields.value(u"refresh_token"_s).toString();
    t.tokenType = fields.value(u"token_type"_s).toString();
    t.scope = fields.value(u"scope"_s).toString();
    t.idToken = fields.value(u"id_token"_s).toString();
    bool ok = false;
    const qint64 expiresIn = fields.value(u"expires_in"_s).toString().toLongLong(&ok);
    t.expiresAt = ok ? expiryFromExpiresIn(now, expiresIn) : QDateTime();
    t.extras = fields;
    for (const QString& secret : { u"access_token"_s, u"refresh_token"_s, u"id_token"_s })
        t.extras.remove(secret);
    return result;
}

OAuthError classifyTokenError(int httpStatus, const QByteArray& body)
{
    const QVariantMap fields = decodeBody(body);
    const QString code = fields.value(u"error"_s).toString();
    // Only the server's own short code and description go into the detail (they hold no secret we sent).
    const QString description = fields.value(u"error_description"_s).toString().left(200);
    const QString detail = u"HTTP %1 %2%3"_s.arg(httpStatus)
                               .arg(code.left(64))
                               .arg(description.isEmpty() ? QString() : u": "_s + description);
    if (httpStatus == 401 || (httpStatus == 400 && code == u"invalid_grant"_s))
        return makeOAuthError(OAuthErrorKind::InvalidGrant,
            u"The account's sign-in is no longer valid; connect it again."_s, detail);
    if (httpStatus >= 400 && httpStatus < 500)
        return makeOAuthError(OAuthErrorKind::Server, u"The sign-in server refused the request."_s, detail);
    return makeOAuthError(
        OAuthErrorKind::Server, u"The sign-in server failed; try again later."_s, detail);
}

QVariantMap idTokenClaims(const QString& idToken)
{
    const QStringList parts = idToken.split(u'.');
    if (parts.size() != 3)
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(
        parts[1].toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!decoded)
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded);
    return doc.isObject() ? doc.object().toVariantMap() : QVariantMap();
}

} // namespace caseyos
