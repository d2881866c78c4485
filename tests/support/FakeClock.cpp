#include "FakeClock.h"

namespace caseyos::test {

FakeClock::FakeClock(QDateTime now, QTimeZone zone)
    : m_now(now.toUTC())
    , m_zone(std::move(zone))
{
}

} // namespace caseyos::test
