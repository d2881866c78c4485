#pragma once

#include "core/Clock.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <chrono>
#include <vector>

namespace caseyos::bench {

// The benchmarks pin "now" so that generated signals, due dates and ranks are the same on every run.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now)
        : m_now(std::move(now))
    {
    }
    QDateTime now() const override { return m_now; }
    QTimeZone localZone() const override { return QTimeZone::utc(); }

private:
    QDateTime m_now;
};

QDateTime referenceNow(); // 2026-11-20T16:00:00Z, the demo sample's reference time

double processCpuSeconds(); // user + system time of this process so far

// Wall time, and the CPU time this process used meanwhile. On a busy machine the wall time includes waiting
// for the core; the CPU time does not, so both are reported.
class Stopwatch
{
public:
    Stopwatch()
        : m_start(std::chrono::steady_clock::now())
        , m_cpuStart(processCpuSeconds())
    {
    }
    double seconds() const
    {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    }
    double milliseconds() const { return seconds() * 1000.0; }
    double cpuSeconds() const { return processCpuSeconds() - m_cpuStart; }
    double cpuMilliseconds() const { return cpuSeconds() * 1000.0; }

private:
    std::chrono::steady_clock::time_point m_start;
    double m_cpuStart;
};

double median(std::vector<double> values);
double maximum(const std::vector<double>& values);

// Resident set size of this process in MiB, from VmRSS in /proc/self/status (0 if unavailable).
double residentMiB();
// Peak resident set size (VmHWM) in MiB.
double peakResidentMiB();

// One "name: value unit" line on stdout, the format every benchmark prints.
void report(const char* name, double value, const char* unit, int decimals = 1);
void report(const char* name, qint64 value, const char* unit = "");
void reportText(const char* name, const QString& text);

// Writes a failure line on stderr and remembers it; exitCode() is 1 once anything failed.
void fail(const QString& message);
int exitCode();

// "--count N" style options: the value after `name`, or fallback. Exits the process with a message when
// the value is not a positive integer.
int intOption(const QStringList& args, const QString& name, int fallback);
QString stringOption(const QStringList& args, const QString& name, const QString& fallback);

// Quiets the services' logging (warnings and errors still reach stderr).
void initBenchLogging();

} // namespace caseyos::bench
