#pragma once

#include "auth/OAuthClientConfig.h"
#include "auth/OAuthTokens.h"
#include "auth/Pkce.h"
#include "core/Clock.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuthHttpServerReplyHandler;
class QTimer;

namespace caseyos {

class PkceCodeFlow;

// One OAuth 2 authorization-code sign-in (RFC 6749 §4.1) for a desktop app (RFC 8252): PKCE S256, a fresh
// `state`, and a loopback redirect listener on 127.0.0.1 with an ephemeral port, built on QtNetworkAuth
// (QOAuth2AuthorizationCodeFlow + QOAuthHttpServerReplyHandler). The system browser is not opened here:
// start() emits openBrowser(url) and the UI calls QDesktopServices::openUrl (services stay Gui-free).
//
// The redirect is checked here, not by Qt: an error answer ends the flow with AccessDenied; a `state` that
// differs (constant-time compare) ends it with StateMismatch and no token is requested. The code is then
// exchanged at the token endpoint with code_verifier; an error answer ends the flow with the classified
// error. A sign-in not finished within authorizationTimeoutMs ends with Timeout.
//
// Exactly one of succeeded / failed is emitted, after which the listener is closed. One object, one sign-in.
class OAuthLoopbackFlow : public QObject
{
    Q_OBJECT
public:
    OAuthLoopbackFlow(OAuthClientConfig config, const Clock& clock, QObject* parent = nullptr);
    ~OAuthLoopbackFlow() override;

    // Starts listening and emits openBrowser. On failure (no usable config, cannot listen) failed() is emitted
    // (queued) and false returned.
    bool start();
    void cancel(); // → failed(Cancelled) unless already finished
    bool isFinished() const { return m_finished; }
    QUrl redirectUri() const; // http://127.0.0.1:<port>/ once started

Q_SIGNALS:
    void openBrowser(const QUrl& url);
    void succeeded(const caseyos::OAuthTokens& tokens);
    void failed(const caseyos::OAuthError& error);

private:
    void onCallback(const QVariantMap& data);
    void onTokenReplyFinished(QNetworkReply* reply);
    void onTokensReceived(const QVariantMap& fields);
    void fail(const OAuthError& error);
    void finish();

    OAuthClientConfig m_config;
    const Clock& m_clock;
    pkce::PkcePair m_pkce;
    QByteArray m_state;
    QNetworkAccessManager* m_network = nullptr;
    QOAuthHttpServerReplyHandler* m_handler = nullptr;
    PkceCodeFlow* m_flow = nullptr;
    QTimer* m_timeout = nullptr;
    bool m_started = false;
    bool m_exchanging = false; // the code went to the token endpoint
    bool m_tokensSeen = false;
    bool m_finished = false;
};

} // namespace caseyos
