#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace caseyos {

// Injectable source of "now". Everything time-dependent takes a Clock so tests can pin time and zone.
// now() is always UTC; localZone() is the user's zone for presets such as "tomorrow 09:00".
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    virtual QTimeZone localZone() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    QTimeZone localZone() const override;
    static const SystemClock& instance();
};

} // namespace caseyos
