#include "Clock.h"

namespace caseyos {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

QTimeZone SystemClock::localZone() const
{
    return QTimeZone::systemTimeZone();
}

const SystemClock& SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace caseyos
