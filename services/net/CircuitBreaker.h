#pragma once

#include "core/Clock.h"

namespace caseyos {

struct CircuitBreakerOptions
{
    int failureThreshold = 5; // consecutive failures that open the circuit
    qint64 openMs = 60000; // how long it stays open before letting trial requests through
    int successesToClose = 2; // successes in half-open that close it again
};

// One per account: after repeated failures stop hammering a provider that is down, try again after a
// pause, and go back to normal once it answers again. Time from the injected Clock.
class CircuitBreaker
{
public:
    enum class State { Closed, Open, HalfOpen };

    explicit CircuitBreaker(const Clock& clock, CircuitBreakerOptions options = {});

    // May a request go now? Moves Open → HalfOpen once the pause has passed.
    bool allowRequest();
    void recordSuccess();
    void recordFailure();

    State state() const; // Open reads as HalfOpen once the pause has passed
    // While open: ms until trial requests are let through; 0 otherwise.
    qint64 remainingOpenMs() const;
    int consecutiveFailures() const { return m_failures; }

private:
    qint64 nowMs() const { return m_clock.now().toMSecsSinceEpoch(); }

    const Clock& m_clock;
    CircuitBreakerOptions m_options;
    State m_state = State::Closed;
    int m_failures = 0;
    int m_halfOpenSuccesses = 0;
    qint64 m_openedAtMs = 0;
};

} // namespace caseyos
