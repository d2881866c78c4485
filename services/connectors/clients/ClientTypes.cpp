#include "connectors/clients/ClientTypes.h"

using namespace Qt::StringLiterals;

namespace caseyos {

TokenSource fixedToken(QString token)
{
    return [token = std::move(token)](QObject*, CredentialCallback done) { done(Result<QString>::success(token)); };
}

QString clientErrorKindName(ClientErrorKind kind)
{
    switch (kind) {
    case ClientErrorKind::None:
        return u"none"_s;
    case ClientErrorKind::NoCredential:
        return u"no_credential"_s;
    case ClientErrorKind::Auth:
        return u"auth"_s;
    case ClientErrorKind::Unreachable:
        return u"unreachable"_s;
    case ClientErrorKind::RateLimited:
        return u"rate_limited"_s;
    case ClientErrorKind::Rejected:
        return u"rejected"_s;
    case ClientErrorKind::Server:
        return u"server"_s;
    case ClientErrorKind::Malformed:
        return u"malformed"_s;
    }
    return u"unknown"_s;
}

} // namespace caseyos
