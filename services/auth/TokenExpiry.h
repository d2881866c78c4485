#pragma once

#include <QDateTime>
#include <chrono>

namespace caseyos {

// Access tokens are refreshed this long before they expire, so a request that starts with a token never
// meets its expiry half-way.
inline constexpr std::chrono::seconds kDefaultRefreshMargin { 60 };

// True when a token expiring at `expiresAt` should be refreshed at `now`: it has expired or will within
// `margin`. An invalid expiresAt means the server gave no lifetime: the token is used until refused.
bool needsRefresh(const QDateTime& expiresAt, const QDateTime& now,
    std::chrono::seconds margin = kDefaultRefreshMargin);

// The expiry of a token issued at `now` with the server's expires_in (seconds); invalid for expires_in <= 0.
QDateTime expiryFromExpiresIn(const QDateTime& now, qint64 expiresInSeconds);

} // namespace caseyos
