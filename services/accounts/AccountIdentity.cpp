#include "AccountIdentity.h"

using namespace Qt::StringLiterals;

namespace caseyos {

AccountIdentity identityFromTokens(const QString& provider, const OAuthTokens& tokens)
{
    if (!tokens.idToken.isEmpty()) {
        const QVariantMap claims = idTokenClaims(tokens.idToken);
        const QString email = claims.value(u"email"_s).toString();
        if (!email.isEmpty())
            return { email, email };
        const QString sub = claims.value(u"sub"_s).toString();
        if (!sub.isEmpty())
            return { sub, claims.value(u"name"_s, sub).toString() };
    }
    const QVariantMap team = tokens.extras.value(u"team"_s).toMap();
    if (provider == u"slack"_s && !team.value(u"id"_s).toString().isEmpty())
        return { team.value(u"id"_s).toString(), team.value(u"name"_s, team.value(u"id"_s)).toString() };
    const QString hubId = tokens.extras.value(u"hub_id"_s).toString();
    if (provider == u"hubspot"_s && !hubId.isEmpty())
        return { hubId, u"HubSpot portal "_s + hubId };
    return { u"default"_s, QString() };
}

} // namespace caseyos
