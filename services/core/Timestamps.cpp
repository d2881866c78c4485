#include "core/Timestamps.h"

#include <QTimeZone>

namespace caseyos {

namespace {

// Civil-date <-> day-count conversions (H. Hinnant's algorithms). Parsing and printing by hand keeps
// the ingest hot path free of QDateTime's format machinery and time zone lookups.
constexpr qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

struct CivilDate
{
    qint64 year;
    unsigned month;
    unsigned day;
};

constexpr CivilDate civilFromDays(qint64 z)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 y = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return { y + (m <= 2), m, d };
}

constexpr bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr int daysInMonth(int y, int m)
{
    constexpr int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

// Cursor over the text; every reader returns false on mismatch and leaves the cursor unspecified.
struct Cursor
{
    const char16_t* p;
    const char16_t* end;

    bool atEnd() const { return p == end; }
    bool peek(char16_t c) const { return p < end && *p == c; }
    bool peekDigit() const { return p < end && *p >= u'0' && *p <= u'9'; }
    bool eat(char16_t c)
    {
        if (!peek(c))
            return false;
        ++p;
        return true;
    }
    bool digits(int count, int& value)
    {
        value = 0;
        for (int i = 0; i < count; ++i) {
            if (!peekDigit())
                return false;
            value = value * 10 + (*p++ - u'0');
        }
        return true;
    }
};

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

} // namespace

qint64 toEpochMs(const QDateTime& value)
{
    return value.isValid() ? value.toMSecsSinceEpoch() : 0;
}

QDateTime fromEpochMs(qint64 ms)
{
    if (ms == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString toIsoUtc(const QDateTime& value)
{
    if (!value.isValid())
        return {};
    const qint64 ms = value.toMSecsSinceEpoch();
    constexpr qint64 msPerDay = 86400000;
    qint64 days = ms / msPerDay;
    qint64 msOfDay = ms % msPerDay;
    if (msOfDay < 0) {
        msOfDay += msPerDay;
        --days;
    }
    const CivilDate date = civilFromDays(days);
    if (date.year < 0 || date.year > 9999) // outside four-digit years: let Qt spell it
        return value.toUTC().toString(Qt::ISODateWithMs);
    const int h = int(msOfDay / 3600000);
    const int mi = int(msOfDay / 60000 % 60);
    const int s = int(msOfDay / 1000 % 60);
    const int milli = int(msOfDay % 1000);
    char16_t buf[24];
    auto put = [&buf](int pos, int value, int width) {
        for (int i = width - 1; i >= 0; --i) {
            buf[pos + i] = char16_t(u'0' + value % 10);
            value /= 10;
        }
    };
    put(0, int(date.year), 4);
    buf[4] = u'-';
    put(5, int(date.month), 2);
    buf[7] = u'-';
    put(8, int(date.day), 2);
    buf[10] = u'T';
    put(11, h, 2);
    buf[13] = u':';
    put(14, mi, 2);
    buf[16] = u':';
    put(17, s, 2);
    buf[19] = u'.';
    put(20, milli, 3);
    buf[23] = u'Z';
    return QString(reinterpret_cast<const QChar*>(buf), 24);
}

std::optional<IsoDateTimeParts> parseIsoDateTimeParts(QStringView text)
{
    Cursor c { text.utf16(), text.utf16() + text.size() };
    while (!c.atEnd() && isSpace(*c.p))
        ++c.p;
    while (c.end > c.p && isSpace(c.end[-1]))
        --c.end;

    int year, month, day;
    if (!c.digits(4, year) || !c.eat(u'-') || !c.digits(2, month) || !c.eat(u'-') || !c.digits(2, day))
        return std::nullopt;
    // Year 0000 does not exist for QDate (1 BC is year -1 there); no signal lives then anyway.
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
        return std::nullopt;

    IsoDateTimeParts parts;
    parts.date = QDate(year, month, day);
    parts.time = QTime(0, 0);
    if (c.atEnd())
        return parts;

    if (!(c.eat(u'T') || c.eat(u't') || c.eat(u' ')))
        return std::nullopt;
    int hour, minute, second = 0, milli = 0;
    if (!c.digits(2, hour) || !c.eat(u':') || !c.digits(2, minute))
        return std::nullopt;
    if (c.eat(u':')) {
        if (!c.digits(2, second))
            return std::nullopt;
        if (c.eat(u'.') || c.eat(u',')) {
            if (!c.peekDigit())
                return std::nullopt;
            // Milliseconds from the first three digits; finer digits are truncated.
            int scale = 100;
            while (c.peekDigit()) {
                milli += (*c.p++ - u'0') * scale;
                scale /= 10;
            }
        }
    }
    if (hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    parts.time = QTime(hour, minute, second, milli);
    parts.hasTime = true;

    if (c.eat(u'Z') || c.eat(u'z')) {
        parts.offsetSeconds = 0;
    } else if (c.peek(u'+') || c.peek(u'-')) {
        const int sign = *c.p++ == u'-' ? -1 : 1;
        int oh, om = 0;
        if (!c.digits(2, oh))
            return std::nullopt;
        if (c.eat(u':')) {
            if (!c.digits(2, om))
                return std::nullopt;
        } else if (c.peekDigit() && !c.digits(2, om)) {
            return std::nullopt;
        }
        if (oh > 23 || om > 59)
            return std::nullopt;
        parts.offsetSeconds = sign * (oh * 3600 + om * 60);
    }
    if (!c.atEnd())
        return std::nullopt;
    return parts;
}

std::optional<QDateTime> parseIsoDateTime(QStringView text)
{
    const auto parts = parseIsoDateTimeParts(text);
    if (!parts)
        return std::nullopt;
    const qint64 days
        = daysFromCivil(parts->date.year(), unsigned(parts->date.month()), unsigned(parts->date.day()));
    const qint64 ms = days * 86400000 + qint64(parts->time.msecsSinceStartOfDay())
        - qint64(parts->offsetSeconds.value_or(0)) * 1000;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace caseyos
