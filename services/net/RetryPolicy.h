#pragma once

#include "core/Clock.h"

#include <QByteArray>

#include <functional>
#include <optional>

namespace caseyos {

struct RetryOptions
{
    int maxRetries = 3; // retries after the first attempt
    qint64 baseDelayMs = 1000; // first back-off; tests shrink it to keep real waits short
    qint64 maxDelayMs = 32000; // back-off doubles up to this
    double jitter = 0.2; // ± fraction applied to every back-off
    // A Retry-After longer than this is not waited out inside one request: the request fails with the
    // server's delay in HttpError::retryAfterMs and the scheduler tries again later.
    qint64 maxRetryAfterMs = 120000;
};

// When and how long to wait before retrying a failed HTTP attempt. Pure: the random source and the clock
// are injected, so tests pin the jitter and the "now" that an HTTP-date Retry-After is measured from.
class RetryPolicy
{
public:
    // Returns a uniformly distributed number in [0, 1).
    using RandomSource = std::function<double()>;

    explicit RetryPolicy(const Clock& clock, RetryOptions options = {}, RandomSource random = {});

    // 429, 500, 502, 503, 504: the statuses that mean "try again later". Everything else is final.
    static bool isRetryableStatus(int status);

    // Back-off before retry number retryIndex (0 = first retry): base · 2^index capped at maxDelayMs, then
    // scaled by a factor in [1 − jitter, 1 + jitter].
    qint64 backoffMs(int retryIndex) const;

    // Parses a Retry-After value, either delta-seconds ("120") or an HTTP-date (IMF-fixdate, RFC 850 or
    // asctime form), into milliseconds from the clock's now (never negative). nullopt when unparseable.
    std::optional<qint64> parseRetryAfterMs(const QByteArray& value) const;

    // Decision after a failed attempt. status is the HTTP status, or 0 for a network error or timeout.
    // Returns the delay before the next attempt, or nullopt to give up (retries used up, a final status,
    // or a Retry-After beyond maxRetryAfterMs).
    std::optional<qint64> retryDelayMs(int retriesDone, int status, const QByteArray& retryAfter = {}) const;

    const RetryOptions& options() const { return m_options; }

private:
    const Clock& m_clock;
    RetryOptions m_options;
    RandomSource m_random;
};

} // namespace caseyos
