#include "signals/PayloadReader.h"

#include "core/Timestamps.h"

#include <QJsonArray>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::payload {

namespace {

QString numberText(double value)
{
    if (std::trunc(value) == value && std::fabs(value) < 9.007199254740992e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 17);
}

// Most names need no change; checking first avoids simplified()'s copy of every one of them.
QString collapseSpaces(QString text)
{
    bool clean = text.isEmpty() || (!text.front().isSpace() && !text.back().isSpace());
    for (qsizetype i = 1; clean && i < text.size(); ++i)
        clean = !(text[i].isSpace() && (text[i - 1].isSpace() || text[i] != u' '));
    return clean ? text : std::move(text).simplified();
}

// Emails are compared and grouped per contact, so they are kept lowercase. Most already are: checking
// first avoids toLower()'s copy.
QString lowered(const QString& text)
{
    for (QChar ch : text)
        if (ch.isUpper())
            return text.toLower();
    return text;
}

// "Dana Lee <Dana@Acme.com>" → ("Dana Lee", "dana@acme.com"); a bare address keeps an empty name.
std::pair<QString, QString> splitAddress(const QString& value)
{
    if (!value.contains(u'<'))
        return { QString(), lowered(value) };
    const qsizetype open = value.lastIndexOf(u'<');
    const qsizetype close = value.lastIndexOf(u'>');
    if (open >= 0 && close > open) {
        QString name = value.left(open).trimmed();
        if (name.size() >= 2 && name.startsWith(u'"') && name.endsWith(u'"'))
            name = name.mid(1, name.size() - 2).trimmed();
        return { collapseSpaces(name), lowered(value.mid(open + 1, close - open - 1).trimmed()) };
    }
    return { QString(), lowered(value.trimmed()) };
}

} // namespace

QString text(const QJsonObject& payload, Keys keys)
{
    // Values are inspected in place through the iterator: copying out a QJsonValue allocates for strings,
    // and this runs several times per signal on the ingest hot path.
    const auto end = payload.constEnd();
    for (QLatin1StringView key : keys) {
        const auto it = payload.constFind(key);
        if (it == end)
            continue;
        const QJsonValueConstRef value = it.value();
        if (value.isString()) {
            QString s = value.toString();
            if (!s.isEmpty() && (s.front().isSpace() || s.back().isSpace()))
                s = s.trimmed();
            if (!s.isEmpty())
                return s;
        } else if (value.isDouble()) {
            const double d = value.toDouble();
            if (std::isfinite(d))
                return numberText(d);
        }
    }
    return {};
}

namespace {

template<typename Value> std::optional<double> numberOf(const Value& value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    }
    if (!value.isString())
        return std::nullopt;
    QString s = value.toString().trimmed();
    if (s.startsWith(u'$'))
        s.remove(0, 1);
    else if (s.startsWith(u"-$"))
        s.remove(1, 1);
    s.remove(u',');
    bool ok = false;
    const double d = s.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

} // namespace

std::optional<double> toNumber(const QJsonValue& value)
{
    return numberOf(value);
}

std::optional<double> number(const QJsonObject& payload, Keys keys)
{
    const auto end = payload.constEnd();
    for (QLatin1StringView key : keys) {
        const auto it = payload.constFind(key);
        if (it == end)
            continue;
        if (const auto n = numberOf(it.value()))
            return n;
    }
    return std::nullopt;
}

std::optional<bool> boolean(const QJsonObject& payload, Keys keys)
{
    const auto end = payload.constEnd();
    for (QLatin1StringView key : keys) {
        const auto it = payload.constFind(key);
        if (it == end)
            continue;
        const QJsonValueConstRef value = it.value();
        if (value.isBool())
            return value.toBool();
        if (value.isDouble()) {
            if (value.toDouble() == 1.0)
                return true;
            if (value.toDouble() == 0.0)
                return false;
        }
        if (value.isString()) {
            const QString s = value.toString().trimmed().toLower();
            if (s == "true"_L1 || s == "yes"_L1 || s == "1"_L1)
                return true;
            if (s == "false"_L1 || s == "no"_L1 || s == "0"_L1)
                return false;
        }
    }
    return std::nullopt;
}

std::optional<QDateTime> dateTime(const QJsonObject& payload, Keys keys)
{
    for (QLatin1StringView key : keys) {
        if (!payload.contains(key))
            continue;
        QJsonValue value = payload.value(key);
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            value = object.contains("dateTime"_L1) ? object.value("dateTime"_L1) : object.value("date"_L1);
        }
        if (value.isString()) {
            if (auto parsed = parseIsoDateTime(value.toString()))
                return parsed;
        } else if (value.isDouble() && std::isfinite(value.toDouble()) && value.toDouble() > 0) {
            return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC);
        }
    }
    return std::nullopt;
}

Contact contact(const QJsonObject& payload)
{
    Contact c;
    const auto [nameInAddress, email] = splitAddress(
        text(payload, { "email"_L1, "contact_email"_L1, "from_email"_L1, "attendee_email"_L1 }));
    c.email = email;
    c.name
        = collapseSpaces(text(payload, { "name"_L1, "contact_name"_L1, "sender_name"_L1, "from_name"_L1 }));
    if (c.name.isEmpty()) {
        const QString first = text(payload, { "first_name"_L1, "firstname"_L1 });
        const QString last = text(payload, { "last_name"_L1, "lastname"_L1 });
        c.name = collapseSpaces(first + u' ' + last);
    }
    if (c.name.isEmpty())
        c.name = nameInAddress;
    c.company = collapseSpaces(text(payload, { "company"_L1, "company_name"_L1 }));
    return c;
}

QList<Attendee> attendees(const QJsonObject& payload)
{
    QList<Attendee> result;
    const QJsonArray list = payload.value("attendees"_L1).toArray();
    for (const QJsonValue& entry : list) {
        Attendee attendee;
        QString address;
        if (entry.isString()) {
            address = entry.toString();
        } else if (entry.isObject()) {
            const QJsonObject object = entry.toObject();
            address = object.value("email"_L1).toString();
            attendee.name = collapseSpaces(text(object, { "displayName"_L1, "name"_L1 }));
            attendee.self = object.value("self"_L1).toBool();
        }
        auto [nameInAddress, email] = splitAddress(address);
        if (!email.contains(u'@'))
            continue;
        attendee.email = email;
        if (attendee.name.isEmpty())
            attendee.name = nameInAddress;
        bool seen = false;
        for (const Attendee& other : result)
            seen = seen || other.email == attendee.email;
        if (!seen)
            result.append(attendee);
    }
    return result;
}

} // namespace caseyos::payload
