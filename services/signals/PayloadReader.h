#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <initializer_list>
#include <optional>

namespace caseyos::payload {

// Lenient reading of signal payloads (PRODUCT.md §3): several key spellings per fact, numbers as JSON
// numbers or numeric strings (CSV import gives only strings). A value of the wrong kind counts as missing.
using Keys = std::initializer_list<QLatin1StringView>;

// First key whose value is a non-blank string (trimmed) or a number (written without a trailing ".0").
QString text(const QJsonObject& payload, Keys keys);

// First key whose value is a finite number or a string holding one ("48000", " 4,999.99 ", "$1,200").
std::optional<double> number(const QJsonObject& payload, Keys keys);
std::optional<double> toNumber(const QJsonValue& value);

// true/false, "true"/"false"/"yes"/"no"/"1"/"0" (any case), or the numbers 1/0.
std::optional<bool> boolean(const QJsonObject& payload, Keys keys);

// ISO-8601 string, a Google Calendar style object {"dateTime": …} / {"date": …}, or epoch milliseconds.
std::optional<QDateTime> dateTime(const QJsonObject& payload, Keys keys);

// Contact facts under their lenient keys. The email is lowercased and taken out of "Name <email>" forms
// (the name part then serves as the name when no name key is given).
struct Contact
{
    QString email;
    QString name;
    QString company;
};
Contact contact(const QJsonObject& payload);

// Attendees of a meeting from an "attendees" array of address strings or objects
// {email, displayName|name, self} (Google Calendar's shape). Entries without an address are skipped.
struct Attendee
{
    QString email;
    QString name;
    bool self = false; // the user's own calendar entry
};
QList<Attendee> attendees(const QJsonObject& payload);

} // namespace caseyos::payload
