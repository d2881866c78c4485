#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace caseyos {

// Everything one provider's OAuth 2 authorization-code flow needs. Every URL is configurable (tests point
// them at local servers). clientSecret is for providers that insist on one even for desktop apps; it is
// never read from settings.
struct OAuthClientConfig
{
    QUrl authorizationUrl;
    QUrl tokenUrl;
    QString clientId;
    QString clientSecret; // optional
    QStringList scopes; // sent space-separated
    QList<QPair<QString, QString>> extraAuthorizationParameters; // e.g. access_type=offline
    int authorizationTimeoutMs = 5 * 60 * 1000; // a sign-in the user abandons ends after this
    int tokenRequestTimeoutMs = 30 * 1000; // a token endpoint that says nothing for this long

    bool isUsable() const
    {
        return authorizationUrl.isValid() && !authorizationUrl.isEmpty() && tokenUrl.isValid()
            && !tokenUrl.isEmpty() && !clientId.isEmpty();
    }
};

} // namespace caseyos
