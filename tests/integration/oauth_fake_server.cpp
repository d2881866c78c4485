#include "oauth_fake_server.h"

#include "WaitFor.h"
#include "auth/Pkce.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace caseyos::test {

namespace {

QByteArray base64Url(const QByteArray& data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

FakeAuthServer::FakeAuthServer(QObject* parent)
    : QObject(parent)
    , m_run(QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    m_server.setHandler([this](const SeenRequest& request, int) { return handle(request); });
}

bool FakeAuthServer::listen()
{
    return m_server.listen();
}

ScriptedReply FakeAuthServer::handle(const SeenRequest& request)
{
    const QUrl url(QString::fromLatin1(request.path));
    if (request.method == "GET" && url.path() == u"/authorize"_s)
        return authorize(url);
    if (request.method == "POST" && url.path() == u"/token"_s) {
        if (m_tokenTrouble < 0)
            return ScriptedReply { 200, {}, {}, ScriptedReply::Mode::NeverAnswer };
        if (m_tokenTrouble > 0)
            return NetTestServer::json(m_tokenTrouble, R"({"error":"temporarily_unavailable"})");
        return token(request.body);
    }
    return error(404, "not_found");
}

ScriptedReply FakeAuthServer::error(int status, const QByteArray& code)
{
    return NetTestServer::json(status, "{\"error\":\"" + code + "\"}");
}

ScriptedReply FakeAuthServer::authorize(const QUrl& url)
{
    ++m_authorizationRequests;
    const QUrlQuery q(url);
    const QUrl redirect(q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
    // RFC 8252 §7.3: a loopback IP literal with a port; never "localhost", never another host.
    if (q.queryItemValue(u"response_type"_s) != u"code"_s || q.queryItemValue(u"client_id"_s) != clientId()
        || redirect.scheme() != u"http"_s || redirect.host() != u"127.0.0.1"_s || redirect.port() <= 0
        || q.queryItemValue(u"code_challenge_method"_s) != u"S256"_s
        || q.queryItemValue(u"code_challenge"_s).size() != 43 || q.queryItemValue(u"state"_s).isEmpty())
        return error(400, "invalid_request");
    m_redirectUri = redirect;
    m_lastScope = q.queryItemValue(u"scope"_s, QUrl::FullyDecoded);
    m_challenge = q.queryItemValue(u"code_challenge"_s).toLatin1();
    // Shaped like Google's codes ("4/0A…"), with characters that need encoding in a form body.
    m_code = u"4/0A"_s + QUuid::createUuid().toString(QUuid::Id128) + u"+x=y&z"_s;
    QUrl target = redirect;
    QUrlQuery back;
    if (m_denyAccess) {
        back.addQueryItem(u"error"_s, u"access_denied"_s);
    } else {
        back.addQueryItem(u"code"_s, m_code);
    }
    const QString state = m_forgeState ? QString::fromLatin1(pkce::generateState()) : q.queryItemValue(u"state"_s);
    back.addQueryItem(u"state"_s, state);
    target.setQuery(back);
    return ScriptedReply { 302, { { "Location", target.toEncoded() } }, {}, ScriptedReply::Mode::Normal };
}

ScriptedReply FakeAuthServer::token(const QByteArray& body)
{
    const QUrlQuery form(QString::fromUtf8(body));
    const QString grant = form.queryItemValue(u"grant_type"_s);
    if (form.queryItemValue(u"client_id"_s, QUrl::FullyDecoded) != clientId()) {
        ++m_rejectedTokenRequests;
        return error(401, "invalid_client");
    }
    if (grant == u"authorization_code"_s) {
        const QString code = form.queryItemValue(u"code"_s, QUrl::FullyDecoded);
        const QString verifier = form.queryItemValue(u"code_verifier"_s, QUrl::FullyDecoded);
        const QUrl redirect(form.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded));
        if (verifier.isEmpty())
            m_lastVerifierCheck = u"missing"_s;
        else
            m_lastVerifierCheck = pkce::constantTimeEquals(pkce::codeChallengeS256(verifier.toLatin1()), m_challenge)
                ? u"ok"_s
                : u"mismatch"_s;
        if (m_code.isEmpty() || code != m_code || redirect != m_redirectUri || m_lastVerifierCheck != u"ok"_s) {
            ++m_rejectedTokenRequests;
            return error(400, "invalid_grant");
        }
        m_code.clear(); // a code works once
        ++m_codeExchanges;
        return issue(true);
    }
    if (grant == u"refresh_token"_s) {
        const QString presented = form.queryItemValue(u"refresh_token"_s, QUrl::FullyDecoded);
        if (m_currentRefresh.isEmpty() || presented != m_currentRefresh) {
            ++m_rejectedTokenRequests;
            return error(400, "invalid_grant");
        }
        ++m_refreshes;
        return issue(false);
    }
    ++m_rejectedTokenRequests;
    return error(400, "unsupported_grant_type");
}

ScriptedReply FakeAuthServer::issue(bool firstGrant)
{
    ++m_counter;
    m_lastAccess = u"canary-access-%1-%2"_s.arg(m_run).arg(m_counter);
    QJsonObject o { { u"access_token"_s, m_lastAccess }, { u"token_type"_s, u"Bearer"_s },
        { u"expires_in"_s, m_expiresIn }, { u"scope"_s, m_lastScope } };
    if (firstGrant || m_rotate) {
        m_currentRefresh = u"canary-refresh-%1-%2"_s.arg(m_run).arg(m_counter);
        o.insert(u"refresh_token"_s, m_currentRefresh);
    }
    if (firstGrant) {
        const QJsonObject claims { { u"email"_s, m_email }, { u"sub"_s, u"1234"_s } };
        const QByteArray jwt = base64Url(R"({"alg":"none"})") + '.'
            + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + base64Url("sig");
        o.insert(u"id_token"_s, QString::fromLatin1(jwt));
    }
    return NetTestServer::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

int simulateBrowser(const QUrl& authorizationUrl, QUrl* redirectedTo)
{
    QNetworkAccessManager browser;
    QNetworkRequest first(authorizationUrl);
    first.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = browser.get(first);
    if (!waitFor([&] { return reply->isFinished(); }, 10000))
        return 0;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    reply->deleteLater();
    if (status != 302 || !location.isValid())
        return -status;
    if (redirectedTo)
        *redirectedTo = location;
    QNetworkReply* back = browser.get(QNetworkRequest(location));
    if (!waitFor([&] { return back->isFinished(); }, 10000))
        return 0;
    const int backStatus = back->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    back->deleteLater();
    return backStatus;
}

} // namespace caseyos::test
