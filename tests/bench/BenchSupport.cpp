#include "BenchSupport.h"

#include "logging/Logging.h"

#include <QFile>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

using namespace Qt::StringLiterals;

namespace caseyos::bench {

namespace {

int g_failures = 0;

double statusFieldMiB(const QByteArray& field)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0.0;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith(field)) {
            // "VmRSS:	  123456 kB"
            const QByteArray value = line.mid(field.size()).trimmed().split(' ').value(0);
            return value.toDouble() / 1024.0;
        }
    }
    return 0.0;
}

} // namespace

QDateTime referenceNow()
{
    return QDateTime(QDate(2026, 11, 20), QTime(16, 0), Qt::UTC);
}

double processCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

double maximum(const std::vector<double>& values)
{
    return values.empty() ? 0.0 : *std::max_element(values.begin(), values.end());
}

double residentMiB()
{
    return statusFieldMiB("VmRSS:");
}

double peakResidentMiB()
{
    return statusFieldMiB("VmHWM:");
}

void report(const char* name, double value, const char* unit, int decimals)
{
    std::printf("%s: %.*f %s\n", name, decimals, value, unit);
    std::fflush(stdout);
}

void report(const char* name, qint64 value, const char* unit)
{
    if (*unit)
        std::printf("%s: %lld %s\n", name, static_cast<long long>(value), unit);
    else
        std::printf("%s: %lld\n", name, static_cast<long long>(value));
    std::fflush(stdout);
}

void reportText(const char* name, const QString& text)
{
    std::printf("%s: %s\n", name, text.toUtf8().constData());
    std::fflush(stdout);
}

void fail(const QString& message)
{
    ++g_failures;
    std::fprintf(stderr, "FAILED: %s\n", message.toUtf8().constData());
    std::fflush(stderr);
}

int exitCode()
{
    return g_failures == 0 ? 0 : 1;
}

int intOption(const QStringList& args, const QString& name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0)
        return fallback;
    bool ok = false;
    const int value = args.value(i + 1).toInt(&ok);
    if (!ok || value <= 0) {
        std::fprintf(stderr, "%s needs a positive integer\n", name.toUtf8().constData());
        std::exit(2);
    }
    return value;
}

QString stringOption(const QStringList& args, const QString& name, const QString& fallback)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0)
        return fallback;
    if (i + 1 >= args.size()) {
        std::fprintf(stderr, "%s needs a value\n", name.toUtf8().constData());
        std::exit(2);
    }
    return args.at(i + 1);
}

void initBenchLogging()
{
    LoggingOptions options;
    options.level = u"warn"_s;
    QString error;
    if (!initLogging(options, &error))
        std::fprintf(stderr, "logging: %s\n", error.toUtf8().constData());
}

} // namespace caseyos::bench
