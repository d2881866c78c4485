#include "net/RetryPolicy.h"

#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

int monthNumber(QStringView name)
{
    static const QStringList months = { u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s, u"jul"_s,
        u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s };
    return static_cast<int>(months.indexOf(name.toString().toLower())) + 1; // 0 when unknown
}

QDateTime makeUtc(int year, QStringView month, int day, int hour, int minute, int second)
{
    const QDate date(year, monthNumber(month), day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

// RFC 9110 §5.6.7: senders use IMF-fixdate; recipients also accept the obsolete RFC 850 and asctime forms.
QDateTime parseHttpDate(const QString& text, int currentYear)
{
    static const QRegularExpression imf(
        u"^[A-Za-z]{3}, (\\d{2}) ([A-Za-z]{3}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"_s);
    static const QRegularExpression rfc850(
        u"^[A-Za-z]+, (\\d{2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"_s);
    static const QRegularExpression asctime(
        u"^[A-Za-z]{3} ([A-Za-z]{3}) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})$"_s);
    if (const auto m = imf.match(text); m.hasMatch())
        return makeUtc(m.captured(3).toInt(), m.capturedView(2), m.captured(1).toInt(), m.captured(4).toInt(),
            m.captured(5).toInt(), m.captured(6).toInt());
    if (const auto m = rfc850.match(text); m.hasMatch()) {
        // Two-digit years: RFC 9110 says a year more than 50 years ahead is in the past century.
        int year = 2000 + m.captured(3).toInt();
        if (year > currentYear + 50)
            year -= 100;
        return makeUtc(year, m.capturedView(2), m.captured(1).toInt(), m.captured(4).toInt(),
            m.captured(5).toInt(), m.captured(6).toInt());
    }
    if (const auto m = asctime.match(text); m.hasMatch())
        return makeUtc(m.captured(6).toInt(), m.capturedView(1), m.captured(2).toInt(), m.captured(3).toInt(),
            m.captured(4).toInt(), m.captured(5).toInt());
    return {};
}

} // namespace

RetryPolicy::RetryPolicy(const Clock& clock, RetryOptions options, RandomSource random)
    : m_clock(clock)
    , m_options(options)
    , m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

bool RetryPolicy::isRetryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

qint64 RetryPolicy::backoffMs(int retryIndex) const
{
    const int shift = std::clamp(retryIndex, 0, 30); // 2^30 · base already exceeds any sane cap
    const double raw = std::min(static_cast<double>(m_options.baseDelayMs) * std::ldexp(1.0, shift),
        static_cast<double>(m_options.maxDelayMs));
    const double unit = std::clamp(m_random(), 0.0, 1.0); // a misbehaving source cannot widen the range
    const double factor = 1.0 + m_options.jitter * (2.0 * unit - 1.0);
    return std::max<qint64>(0, std::llround(raw * factor));
}

std::optional<qint64> RetryPolicy::parseRetryAfterMs(const QByteArray& value) const
{
    const QString text = QString::fromLatin1(value.trimmed());
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber) {
        if (seconds < 0)
            return std::nullopt;
        // Clamp before multiplying so an absurd value cannot overflow.
        return std::min<qint64>(seconds, qint64(365) * 24 * 3600) * 1000;
    }
    const QDateTime now = m_clock.now();
    const QDateTime when = parseHttpDate(text, now.toUTC().date().year());
    if (!when.isValid())
        return std::nullopt;
    return std::max<qint64>(0, when.toMSecsSinceEpoch() - now.toMSecsSinceEpoch());
}

std::optional<qint64> RetryPolicy::retryDelayMs(int retriesDone, int status, const QByteArray& retryAfter) const
{
    if (retriesDone >= m_options.maxRetries)
        return std::nullopt;
    if (status != 0 && !isRetryableStatus(status))
        return std::nullopt;
    if (const auto serverDelay = parseRetryAfterMs(retryAfter)) {
        if (*serverDelay > m_options.maxRetryAfterMs)
            return std::nullopt;
        return *serverDelay;
    }
    return backoffMs(retriesDone);
}

} // namespace caseyos
