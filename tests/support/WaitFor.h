#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>

namespace caseyos::test {

// Processes events until `condition` holds or `timeoutMs` passes (test code only: the app never spins).
template<typename Condition>
bool waitFor(Condition condition, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

// Waits until the spy has at least `count` emissions.
inline bool waitForSignal(QSignalSpy& spy, int count = 1, int timeoutMs = 5000)
{
    return waitFor([&] { return spy.count() >= count; }, timeoutMs);
}

} // namespace caseyos::test
