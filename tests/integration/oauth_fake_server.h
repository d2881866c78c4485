#pragma once

#include "net_test_server.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

namespace caseyos::test {

// A local OAuth 2 authorization server on 127.0.0.1 (over NetTestServer), strict like the real ones:
//  GET /authorize  checks response_type=code, client_id, a loopback redirect_uri, code_challenge_method=S256
//                  and a challenge, remembers the challenge and answers 302 to redirect_uri?code=…&state=…
//  POST /token     authorization_code: the code (once), redirect_uri and SHA-256(code_verifier) ==
//                  code_challenge (base64url), else 400 invalid_grant; refresh_token: only the current refresh
//                  token works; with rotation on, each refresh issues a new one and the old one dies.
// Tokens are canary strings ("canary-access-<run>-<n>", "canary-refresh-<run>-<n>") so tests can look for
// them in files and output.
class FakeAuthServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeAuthServer(QObject* parent = nullptr);

    bool listen();
    QUrl authorizationUrl() const { return m_server.url(QStringLiteral("/authorize")); }
    QUrl tokenUrl() const { return m_server.url(QStringLiteral("/token")); }
    QString clientId() const { return QStringLiteral("caseyos-test-client"); }

    // Test knobs.
    void setForgeState(bool forge) { m_forgeState = forge; } // the redirect carries a state of its own
    void setDenyAccess(bool deny) { m_denyAccess = deny; } // the redirect carries error=access_denied
    void setRotateRefreshTokens(bool rotate) { m_rotate = rotate; }
    void setExpiresIn(int seconds) { m_expiresIn = seconds; }
    void revokeAll() { m_currentRefresh.clear(); } // every refresh token is now invalid_grant
    void setEmail(const QString& email) { m_email = email; }
    // Token endpoint trouble: 0 = none, else that HTTP status (503, …); -1 = never answer.
    void setTokenTrouble(int trouble) { m_tokenTrouble = trouble; }

    // What the server saw and issued.
    int authorizationRequests() const { return m_authorizationRequests; }
    int tokenRequests() const { return m_codeExchanges + m_refreshes + m_rejectedTokenRequests; }
    int codeExchanges() const { return m_codeExchanges; }
    int refreshes() const { return m_refreshes; } // successful ones
    int rejectedTokenRequests() const { return m_rejectedTokenRequests; }
    QString lastVerifierCheck() const { return m_lastVerifierCheck; } // "ok", "mismatch", "missing"
    QString lastAccessToken() const { return m_lastAccess; }
    QString currentRefreshToken() const { return m_currentRefresh; }
    QString canaryPrefix() const { return m_run; } // every token contains it
    QString lastScope() const { return m_lastScope; }
    QUrl lastRedirectUri() const { return m_redirectUri; }

private:
    ScriptedReply handle(const SeenRequest& request);
    ScriptedReply authorize(const QUrl& url);
    ScriptedReply token(const QByteArray& body);
    ScriptedReply issue(bool withIdToken);
    static ScriptedReply error(int status, const QByteArray& code);

    NetTestServer m_server;
    QString m_run;
    int m_counter = 0;
    bool m_forgeState = false;
    bool m_denyAccess = false;
    bool m_rotate = true;
    int m_expiresIn = 3600;
    int m_tokenTrouble = 0;
    QString m_email = QStringLiteral("casey@example.com");
    QByteArray m_challenge;
    QString m_code;
    QUrl m_redirectUri;
    QString m_lastScope;
    QString m_currentRefresh;
    QString m_lastAccess;
    QString m_lastVerifierCheck;
    int m_authorizationRequests = 0;
    int m_codeExchanges = 0;
    int m_refreshes = 0;
    int m_rejectedTokenRequests = 0;
};

// The browser step, simulated: GET the authorization URL from the fake server without following
// redirects, then GET the Location it answers with (the app's loopback redirect URI). Waits (test code) for
// both replies; returns the loopback's HTTP status (0 when it could not be reached).
int simulateBrowser(const QUrl& authorizationUrl, QUrl* redirectedTo = nullptr);

} // namespace caseyos::test
