#pragma once

#include <QOAuth2AuthorizationCodeFlow>

namespace caseyos {

// QOAuth2AuthorizationCodeFlow with its two steps opened up, so OAuthLoopbackFlow can run them itself:
// Qt 6.4's own callback handling ignores a wrong `state` with only a log line (the flow then hangs) and
// reports no token-endpoint error. grant() is not used; the redirect is handled by OAuthLoopbackFlow.
class PkceCodeFlow : public QOAuth2AuthorizationCodeFlow
{
    Q_OBJECT
public:
    using QOAuth2AuthorizationCodeFlow::QOAuth2AuthorizationCodeFlow;

    // The authorization URL with response_type, client_id, redirect_uri, scope, state and whatever the
    // modify-parameters function adds (the PKCE challenge); starts forwarding the reply handler's callbacks
    // to authorizationCallbackReceived.
    QUrl authorizationRequestUrl() { return buildAuthenticateUrl(); }
    // Posts the code to the token endpoint (the modify-parameters function adds code_verifier).
    void exchangeCode(const QString& code) { requestAccessToken(code); }
};

} // namespace caseyos
