#include "OAuthError.h"

using namespace Qt::StringLiterals;

namespace caseyos {

QString oauthErrorKindName(OAuthErrorKind kind)
{
    switch (kind) {
    case OAuthErrorKind::None:
        return u"none"_s;
    case OAuthErrorKind::StateMismatch:
        return u"state-mismatch"_s;
    case OAuthErrorKind::AccessDenied:
        return u"access-denied"_s;
    case OAuthErrorKind::InvalidGrant:
        return u"invalid-grant"_s;
    case OAuthErrorKind::NotConnected:
        return u"not-connected"_s;
    case OAuthErrorKind::Timeout:
        return u"timeout"_s;
    case OAuthErrorKind::Network:
        return u"network"_s;
    case OAuthErrorKind::Server:
        return u"server"_s;
    case OAuthErrorKind::InvalidResponse:
        return u"invalid-response"_s;
    case OAuthErrorKind::Listen:
        return u"listen"_s;
    case OAuthErrorKind::NotConfigured:
        return u"not-configured"_s;
    case OAuthErrorKind::Keychain:
        return u"keychain"_s;
    case OAuthErrorKind::Cancelled:
        return u"cancelled"_s;
    }
    return u"unknown"_s;
}

OAuthError makeOAuthError(OAuthErrorKind kind, QString message, QString detail)
{
    return OAuthError { kind, std::move(message), std::move(detail) };
}

} // namespace caseyos
