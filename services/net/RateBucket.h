#pragma once

#include <QtGlobal>

#include <deque>
#include <utility>

namespace caseyos {

// A budget of `limit` units per rolling window of `windowMs`. It behaves like a token bucket whose
// tokens come back exactly one window after they were spent, instead of trickling back at limit/window
// per ms: a classic refilling bucket lets a full burst plus a window's refill (up to 2 × limit) land inside
// one server window, which a server counting requests per window would answer with 429. Here any
// window of windowMs holds at most `limit` units. Times are ms since epoch from the caller's Clock.
class RateBucket
{
public:
    RateBucket() = default;
    RateBucket(double limit, qint64 windowMs);

    double limit() const { return m_limit; }
    qint64 windowMs() const { return m_windowMs; }

    // Units that may be spent now.
    double available(qint64 nowMs) const;
    // How long until `cost` units may be spent (0 = now). A cost above the limit waits for a whole
    // empty window instead of forever.
    qint64 waitMs(qint64 nowMs, double cost) const;
    // Spends cost units at nowMs (callers check waitMs first; spending more is recorded anyway).
    void take(qint64 nowMs, double cost);

    // The server says only `remaining` units are left: spend the difference so we slow down with it.
    void observeRemaining(qint64 nowMs, double remaining);
    // The server announced a lower limit than ours.
    void lowerLimit(double limit);
    // Nothing may be spent before this instant (a 429's Retry-After).
    void blockUntil(qint64 epochMs);

private:
    void prune(qint64 nowMs) const;
    double used(qint64 nowMs) const;

    double m_limit = 0;
    qint64 m_windowMs = 0;
    qint64 m_blockedUntilMs = 0;
    mutable std::deque<std::pair<qint64, double>> m_spent; // (when, units), oldest first
};

} // namespace caseyos
