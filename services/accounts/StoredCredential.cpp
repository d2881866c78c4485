#include "StoredCredential.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos {

StoredCredential StoredCredential::fromTokens(const OAuthTokens& tokens)
{
    StoredCredential c;
    c.kind = Kind::OAuth;
    c.accessToken = tokens.accessToken;
    c.refreshToken = tokens.refreshToken;
    c.expiresAt = tokens.expiresAt;
    c.tokenType = tokens.tokenType;
    c.scope = tokens.scope;
    return c;
}

StoredCredential StoredCredential::fromToken(const QString& token)
{
    StoredCredential c;
    c.kind = Kind::Token;
    c.token = token;
    return c;
}

StoredCredential StoredCredential::rotated(const OAuthTokens& refreshed) const
{
    StoredCredential c = *this;
    c.accessToken = refreshed.accessToken;
    c.expiresAt = refreshed.expiresAt;
    if (!refreshed.refreshToken.isEmpty())
        c.refreshToken = refreshed.refreshToken;
    if (!refreshed.tokenType.isEmpty())
        c.tokenType = refreshed.tokenType;
    if (!refreshed.scope.isEmpty())
        c.scope = refreshed.scope;
    return c;
}

QString StoredCredential::toJson() const
{
    QJsonObject o { { u"v"_s, 1 } };
    if (kind == Kind::Token) {
        o.insert(u"kind"_s, u"token"_s);
        o.insert(u"token"_s, token);
    } else {
        o.insert(u"kind"_s, u"oauth"_s);
        o.insert(u"access_token"_s, accessToken);
        o.insert(u"refresh_token"_s, refreshToken);
        o.insert(u"expires_at"_s, expiresAt.isValid() ? double(expiresAt.toMSecsSinceEpoch()) : 0.0);
        o.insert(u"token_type"_s, tokenType);
        o.insert(u"scope"_s, scope);
    }
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<StoredCredential> StoredCredential::fromJson(const QString& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (o.value(u"v"_s).toInt() != 1)
        return std::nullopt;
    StoredCredential c;
    const QString kind = o.value(u"kind"_s).toString();
    if (kind == u"token"_s) {
        c.kind = Kind::Token;
        c.token = o.value(u"token"_s).toString();
        return c.token.isEmpty() ? std::nullopt : std::optional(c);
    }
    if (kind != u"oauth"_s)
        return std::nullopt;
    c.kind = Kind::OAuth;
    c.accessToken = o.value(u"access_token"_s).toString();
    c.refreshToken = o.value(u"refresh_token"_s).toString();
    const qint64 ms = qint64(o.value(u"expires_at"_s).toDouble());
    c.expiresAt = ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
    c.tokenType = o.value(u"token_type"_s).toString();
    c.scope = o.value(u"scope"_s).toString();
    if (c.accessToken.isEmpty() && c.refreshToken.isEmpty())
        return std::nullopt;
    return c;
}

} // namespace caseyos
