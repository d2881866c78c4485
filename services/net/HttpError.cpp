#include "net/HttpError.h"

using namespace Qt::StringLiterals;

namespace caseyos {

QString httpErrorKindName(HttpErrorKind kind)
{
    switch (kind) {
    case HttpErrorKind::None:
        return u"none"_s;
    case HttpErrorKind::Network:
        return u"network"_s;
    case HttpErrorKind::Timeout:
        return u"timeout"_s;
    case HttpErrorKind::Http:
        return u"http"_s;
    case HttpErrorKind::RateLimited:
        return u"rate_limited"_s;
    case HttpErrorKind::CircuitOpen:
        return u"circuit_open"_s;
    case HttpErrorKind::TooLarge:
        return u"too_large"_s;
    case HttpErrorKind::Malformed:
        return u"malformed"_s;
    }
    return u"unknown"_s;
}

} // namespace caseyos
