#pragma once

#include "core/Clock.h"

namespace caseyos::test {

// A clock tests set and advance by hand, in a chosen zone (UTC by default).
class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime now = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC),
        QTimeZone zone = QTimeZone::utc());
    QDateTime now() const override { return m_now; }
    QTimeZone localZone() const override { return m_zone; }
    void set(const QDateTime& now) { m_now = now.toUTC(); }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void setZone(const QTimeZone& zone) { m_zone = zone; }

private:
    QDateTime m_now;
    QTimeZone m_zone;
};

} // namespace caseyos::test
