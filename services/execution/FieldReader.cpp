#include "execution/FieldReader.h"

#include "core/Timestamps.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos {

bool isEmailAddress(const QString& text)
{
    static const QRegularExpression pattern(u"^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\".]{2,}$"_s);
    return pattern.match(text).hasMatch();
}

FieldReader::FieldReader(const QJsonObject& object, QString action)
    : m_object(object)
    , m_action(std::move(action))
{
}

QJsonValue FieldReader::take(const char* key)
{
    const QString name = QString::fromLatin1(key);
    m_known.insert(name);
    const QJsonValue value = m_object.value(name);
    return value.isNull() ? QJsonValue(QJsonValue::Undefined) : value;
}

void FieldReader::fail(const QString& problem)
{
    m_problems << problem;
}

QString FieldReader::text(const char* key, bool required, int maxLength)
{
    const QJsonValue value = take(key);
    if (!value.isUndefined() && !value.isString()) {
        fail(u"\"%1\" must be text"_s.arg(QLatin1StringView(key)));
        return {};
    }
    const QString result = value.toString().trimmed();
    if (required && result.isEmpty())
        fail(u"\"%1\" is required"_s.arg(QLatin1StringView(key)));
    else if (maxLength > 0 && result.size() > maxLength)
        fail(u"\"%1\" is %2 characters long (at most %3)"_s.arg(QLatin1StringView(key))
                 .arg(result.size())
                 .arg(maxLength));
    return result;
}

QStringList FieldReader::emails(const char* key, bool required)
{
    const QJsonValue value = take(key);
    QStringList raw;
    if (value.isString()) {
        raw = value.toString().split(u',');
    } else if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            raw << item.toString();
    } else if (!value.isUndefined()) {
        fail(u"\"%1\" must be an address or a list of addresses"_s.arg(QLatin1StringView(key)));
        return {};
    }
    QStringList result;
    for (const QString& item : raw) {
        const QString address = item.trimmed().toLower();
        if (address.isEmpty())
            continue;
        if (!isEmailAddress(address))
            fail(u"\"%1\" holds something that is not an email address: %2"_s.arg(
                QLatin1StringView(key), address));
        else if (!result.contains(address))
            result << address;
    }
    if (required && result.isEmpty())
        fail(u"\"%1\" needs at least one email address"_s.arg(QLatin1StringView(key)));
    return result;
}

std::optional<QDateTime> FieldReader::dateTime(const char* key, bool required)
{
    const QString value = text(key, required);
    if (value.isEmpty())
        return std::nullopt;
    const std::optional<QDateTime> parsed = parseIsoDateTime(value);
    if (!parsed)
        fail(u"\"%1\" is not an ISO-8601 date-time: %2"_s.arg(QLatin1StringView(key), value));
    return parsed;
}

std::optional<QDate> FieldReader::date(const char* key)
{
    const QString value = text(key);
    if (value.isEmpty())
        return std::nullopt;
    const QDate parsed = QDate::fromString(value, Qt::ISODate);
    if (!parsed.isValid()) {
        fail(u"\"%1\" is not a date (YYYY-MM-DD): %2"_s.arg(QLatin1StringView(key), value));
        return std::nullopt;
    }
    return parsed;
}

std::optional<double> FieldReader::number(const char* key, double min, double max)
{
    const QJsonValue value = take(key);
    if (value.isUndefined())
        return std::nullopt;
    bool ok = value.isDouble();
    const double result = ok ? value.toDouble() : value.toString().toDouble(&ok);
    if (!ok || !(result >= min && result <= max)) {
        fail(u"\"%1\" must be a number from %2 to %3"_s.arg(QLatin1StringView(key)).arg(min).arg(max));
        return std::nullopt;
    }
    return result;
}

QString FieldReader::oneOf(const char* key, const QStringList& allowed)
{
    const QString value = text(key).toUpper();
    if (!value.isEmpty() && !allowed.contains(value)) {
        fail(
            u"\"%1\" must be one of %2 (not %3)"_s.arg(QLatin1StringView(key), allowed.join(u", "_s), value));
        return {};
    }
    return value;
}

QString FieldReader::problems() const
{
    QStringList all = m_problems;
    QStringList unknown;
    for (auto it = m_object.begin(); it != m_object.end(); ++it)
        if (!m_known.contains(it.key()))
            unknown << it.key();
    if (!unknown.isEmpty()) {
        QStringList known(m_known.begin(), m_known.end());
        known.sort();
        unknown.sort();
        all << u"unknown field%1 %2 (%3 takes %4)"_s.arg(
            unknown.size() > 1 ? u"s"_s : QString(), unknown.join(u", "_s), m_action, known.join(u", "_s));
    }
    return all.isEmpty() ? QString() : m_action + u": "_s + all.join(u"; "_s);
}

} // namespace caseyos
