#include "net/CircuitBreaker.h"

#include <algorithm>

namespace caseyos {

CircuitBreaker::CircuitBreaker(const Clock& clock, CircuitBreakerOptions options)
    : m_clock(clock)
    , m_options(options)
{
}

bool CircuitBreaker::allowRequest()
{
    if (m_state == State::Open && remainingOpenMs() == 0) {
        m_state = State::HalfOpen;
        m_halfOpenSuccesses = 0;
    }
    return m_state != State::Open;
}

void CircuitBreaker::recordSuccess()
{
    m_failures = 0;
    if (m_state == State::HalfOpen && ++m_halfOpenSuccesses >= m_options.successesToClose)
        m_state = State::Closed;
}

void CircuitBreaker::recordFailure()
{
    ++m_failures;
    // One failed trial re-opens at once: the provider is still down.
    if (m_state == State::HalfOpen || (m_state == State::Closed && m_failures >= m_options.failureThreshold)) {
        m_state = State::Open;
        m_openedAtMs = nowMs();
        m_halfOpenSuccesses = 0;
    }
}

CircuitBreaker::State CircuitBreaker::state() const
{
    if (m_state == State::Open && remainingOpenMs() == 0)
        return State::HalfOpen;
    return m_state;
}

qint64 CircuitBreaker::remainingOpenMs() const
{
    if (m_state != State::Open)
        return 0;
    return std::max<qint64>(0, m_openedAtMs + m_options.openMs - nowMs());
}

} // namespace caseyos
