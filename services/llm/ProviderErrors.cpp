#include "llm/ProviderErrors.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos::llm {

TokenSource SecretScrubber::wrap(TokenSource source)
{
    if (!source)
        return {};
    auto secret = m_secret;
    return [secret, source](QObject* context, CredentialCallback done) {
        source(context, [secret, done](const Result<QString>& token) {
            if (token)
                *secret = token.value();
            done(token);
        });
    };
}

QString SecretScrubber::scrub(QString text) const
{
    // Whatever the provider quoted that looks like a key goes first, whole (sk-…, xai-…, AIza…, also
    // shortened with stars) …
    static const QRegularExpression keyLike(u"\\b(sk-|xai-|AIza)[A-Za-z0-9_\\-*]{6,}"_s);
    text.replace(keyLike, u"•••"_s);
    // … then the key we sent, and its first characters wherever they still stand.
    const QString& secret = *m_secret;
    if (secret.size() >= 8) {
        text.replace(secret, u"•••"_s);
        text.replace(secret.left(8), u"•••"_s);
    }
    return text;
}

QString providerErrorText(const QString& provider, const ClientError& error, const QString& host)
{
    QString why = error.message.trimmed();
    // An HTTP refusal reads "<host> is failing (HTTP 503) (the provider's words)": keep the status and the
    // words.
    const qsizetype http = why.indexOf("(HTTP "_L1);
    if (http >= 0 && error.status > 0) {
        QString detail = why.mid(why.indexOf(u')', http) + 1).trimmed();
        if (detail.startsWith(u'(') && detail.endsWith(u')'))
            detail = detail.mid(1).chopped(1);
        why = detail.isEmpty() ? u"HTTP %1"_s.arg(error.status)
                               : u"HTTP %1: %2"_s.arg(error.status).arg(detail);
    }
    if (!host.isEmpty())
        why.replace(host, provider, Qt::CaseInsensitive);
    if (why.endsWith(u'.'))
        why.chop(1);
    switch (error.kind) {
    case ClientErrorKind::None:
        return {};
    case ClientErrorKind::NoCredential:
        return u"%1 has no usable API key (%2): add one on the Accounts page."_s.arg(provider, why);
    case ClientErrorKind::Auth:
        return u"%1 refused the API key (%2): check it on the Accounts page."_s.arg(provider, why);
    case ClientErrorKind::RateLimited:
        if (error.retryAfterMs > 0)
            return u"%1 is limiting requests right now: try again in %2 s."_s.arg(provider).arg(
                (error.retryAfterMs + 999) / 1000);
        return u"%1 is limiting requests right now: try again in a minute."_s.arg(provider);
    case ClientErrorKind::Unreachable:
        return u"%1 did not answer in time or could not be reached (%2)."_s.arg(provider, why);
    case ClientErrorKind::Server:
        return u"%1 had a server error and could not answer (%2)."_s.arg(provider, why);
    case ClientErrorKind::Rejected:
        return u"%1 refused the request (%2)."_s.arg(provider, why);
    case ClientErrorKind::Malformed:
        return u"%1 sent an answer that could not be read (%2)."_s.arg(provider, why);
    }
    return u"%1 could not answer (%2)."_s.arg(provider, why);
}

} // namespace caseyos::llm
