#include "TokenExpiry.h"

namespace caseyos {

bool needsRefresh(const QDateTime& expiresAt, const QDateTime& now, std::chrono::seconds margin)
{
    if (!expiresAt.isValid())
        return false;
    return now.addSecs(margin.count()) >= expiresAt;
}

QDateTime expiryFromExpiresIn(const QDateTime& now, qint64 expiresInSeconds)
{
    if (expiresInSeconds <= 0)
        return {};
    return now.toUTC().addSecs(expiresInSeconds);
}

} // namespace caseyos
