#include "OAuthLoopbackFlow.h"

#include "auth/PkceCodeFlow.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QOAuthHttpServerReplyHandler>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

Q_LOGGING_CATEGORY(lcAuth, "caseyos.auth")

QString decoded(const QVariant& value)
{
    return QUrl::fromPercentEncoding(value.toString().toUtf8());
}

} // namespace

OAuthLoopbackFlow::OAuthLoopbackFlow(OAuthClientConfig config, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_pkce(pkce::PkcePair::generate())
    , m_state(pkce::generateState())
    , m_network(new QNetworkAccessManager(this))
    , m_timeout(new QTimer(this))
{
    m_network->setTransferTimeout(m_config.tokenRequestTimeoutMs);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        const int minutes = std::max(1, m_config.authorizationTimeoutMs / 60000);
        fail(makeOAuthError(OAuthErrorKind::Timeout,
            m_config.authorizationTimeoutMs >= 60000
                ? u"Sign-in was not completed within %1 minutes; start it again."_s.arg(minutes)
                : u"Sign-in was not completed in time; start it again."_s,
            u"no redirect within %1 ms"_s.arg(m_config.authorizationTimeoutMs)));
    });
}

OAuthLoopbackFlow::~OAuthLoopbackFlow() = default;

QUrl OAuthLoopbackFlow::redirectUri() const
{
    return m_handler && m_handler->isListening() ? QUrl(m_handler->callback()) : QUrl();
}

bool OAuthLoopbackFlow::start()
{
    if (m_started)
        return false;
    m_started = true;
    const auto failLater = [this](OAuthError error) {
        QMetaObject::invokeMethod(this, [this, error] { fail(error); }, Qt::QueuedConnection);
        return false;
    };
    if (!m_config.isUsable())
        return failLater(makeOAuthError(OAuthErrorKind::NotConfigured,
            u"This provider has no client id or sign-in addresses configured."_s));

    // QHostAddress(...) explicitly: the (SpecialAddress, port) pair would pick the (port, parent) overload.
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost), 0, this);
    if (!m_handler->isListening())
        return failLater(makeOAuthError(OAuthErrorKind::Listen,
            u"Could not listen on 127.0.0.1 for the sign-in redirect."_s));
    m_handler->setCallbackText(u"CaseyOS received the sign-in. You can close this tab."_s);

    m_flow = new PkceCodeFlow(m_network, this);
    m_flow->setAuthorizationUrl(m_config.authorizationUrl);
    m_flow->setAccessTokenUrl(m_config.tokenUrl);
    m_flow->setClientIdentifier(m_config.clientId);
    if (!m_config.clientSecret.isEmpty())
        m_flow->setClientIdentifierSharedKey(m_config.clientSecret);
    m_flow->setScope(m_config.scopes.join(u' '));
    m_flow->setState(QString::fromLatin1(m_state));
    m_flow->setReplyHandler(m_handler);
    // Qt 6.4 has no PKCE: add it at the two stages (challenge to the browser, verifier to the token endpoint).
    const auto authorizationExtras = m_pkce.authorizationParameters() + m_config.extraAuthorizationParameters;
    const auto tokenExtras = m_pkce.tokenParameters();
    m_flow->setModifyParametersFunction(
        [authorizationExtras, tokenExtras](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant>* parameters) {
            if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
                for (const auto& [key, value] : authorizationExtras)
                    parameters->replace(key, value);
            } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
                for (const auto& [key, value] : tokenExtras)
                    parameters->replace(key, value);
            }
        });

    connect(m_flow, &QAbstractOAuth2::authorizationCallbackReceived, this, &OAuthLoopbackFlow::onCallback);
    connect(m_network, &QNetworkAccessManager::finished, this, &OAuthLoopbackFlow::onTokenReplyFinished);
    connect(m_handler, &QAbstractOAuthReplyHandler::tokensReceived, this, &OAuthLoopbackFlow::onTokensReceived);

    const QUrl url = m_flow->authorizationRequestUrl();
    m_timeout->start(m_config.authorizationTimeoutMs);
    qCInfo(lcAuth, "sign-in started at %s, redirect listener on port %u",
        qUtf8Printable(m_config.authorizationUrl.toString(QUrl::RemoveQuery)), unsigned(m_handler->port()));
    Q_EMIT openBrowser(url);
    return true;
}

void OAuthLoopbackFlow::cancel()
{
    fail(makeOAuthError(OAuthErrorKind::Cancelled, u"Sign-in cancelled."_s));
}

void OAuthLoopbackFlow::onCallback(const QVariantMap& data)
{
    if (m_finished || m_exchanging)
        return;
    // Anything else the browser asks the listener for (a favicon) carries none of these: not a redirect.
    if (!data.contains(u"code"_s) && !data.contains(u"state"_s) && !data.contains(u"error"_s))
        return;
    const QString error = decoded(data.value(u"error"_s));
    if (!error.isEmpty()) {
        const QString description = decoded(data.value(u"error_description"_s)).left(200);
        fail(makeOAuthError(OAuthErrorKind::AccessDenied,
            error == u"access_denied"_s ? u"Access was not granted."_s
                                        : u"The sign-in page reported an error (%1)."_s.arg(error.left(64)),
            error.left(64) % (description.isEmpty() ? QString() : u": "_s % description)));
        return;
    }
    // Checked here (constant time), not left to Qt 6.4, which only logs a mismatch and leaves the flow hanging.
    const QByteArray receivedState = decoded(data.value(u"state"_s)).toUtf8();
    if (receivedState.isEmpty() || !pkce::constantTimeEquals(receivedState, m_state)) {
        fail(makeOAuthError(OAuthErrorKind::StateMismatch,
            u"The sign-in redirect did not match this sign-in and was rejected; start it again."_s,
            receivedState.isEmpty() ? u"state missing"_s : u"state mismatch"_s));
        return;
    }
    const QString code = decoded(data.value(u"code"_s));
    if (code.isEmpty()) {
        fail(makeOAuthError(OAuthErrorKind::InvalidResponse, u"The sign-in redirect carried no code."_s,
            u"code missing"_s));
        return;
    }
    m_exchanging = true;
    qCInfo(lcAuth, "sign-in redirect accepted; exchanging the code at %s",
        qUtf8Printable(m_config.tokenUrl.toString(QUrl::RemoveQuery)));
    m_flow->exchangeCode(code);
}

void OAuthLoopbackFlow::onTokenReplyFinished(QNetworkReply* reply)
{
    if (m_finished || !m_exchanging || reply->request().url() != m_config.tokenUrl)
        return;
    if (reply->error() != QNetworkReply::NoError) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            const bool timedOut = reply->error() == QNetworkReply::TimeoutError
                || reply->error() == QNetworkReply::OperationCanceledError;
            fail(makeOAuthError(timedOut ? OAuthErrorKind::Timeout : OAuthErrorKind::Network,
                timedOut ? u"The sign-in server did not answer in time."_s
                         : u"Could not reach the sign-in server."_s,
                reply->errorString()));
            return;
        }
        // peek, not read: Qt's reply handler may still read the body after us.
        fail(classifyTokenError(status, reply->peek(std::min<qint64>(reply->bytesAvailable(), 64 * 1024))));
        return;
    }
    // A success status: Qt's handler parses it and emits tokensReceived in this same call chain; if it
    // could not (no content type, empty or malformed body) nothing comes, and that is an error.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_finished && !m_tokensSeen)
                fail(makeOAuthError(OAuthErrorKind::InvalidResponse,
                    u"The sign-in server's answer could not be read."_s, u"unreadable token response"_s));
        },
        Qt::QueuedConnection);
}

void OAuthLoopbackFlow::onTokensReceived(const QVariantMap& fields)
{
    if (m_finished || !m_exchanging)
        return;
    m_tokensSeen = true;
    const TokenResponseParse parsed = parseTokenResponse(fields, m_clock.now());
    if (!parsed.ok()) {
        fail(parsed.error);
        return;
    }
    finish();
    qCInfo(lcAuth, "sign-in complete (refresh token: %s)", parsed.tokens.refreshToken.isEmpty() ? "no" : "yes");
    Q_EMIT succeeded(parsed.tokens);
}

void OAuthLoopbackFlow::fail(const OAuthError& error)
{
    if (m_finished)
        return;
    finish();
    qCWarning(lcAuth, "sign-in failed: %s (%s)", qUtf8Printable(oauthErrorKindName(error.kind)),
        qUtf8Printable(error.detail));
    Q_EMIT failed(error);
}

void OAuthLoopbackFlow::finish()
{
    m_finished = true;
    m_timeout->stop();
    if (m_handler)
        m_handler->close();
}

} // namespace caseyos
