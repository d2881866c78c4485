#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace caseyos {

// Reads one action payload field by field and collects every problem in words a person can act on
// ("send_email: \"to\" is not an email address: bob@"). Unknown fields are problems too, so a typo such as
// "subjct" is reported instead of silently sending an email without a subject.
class FieldReader
{
public:
    FieldReader(const QJsonObject& object, QString action);

    QString text(const char* key, bool required = false, int maxLength = 0);
    QStringList emails(const char* key, bool required = false); // a string, a comma list or an array
    std::optional<QDateTime> dateTime(const char* key, bool required = false); // ISO-8601, UTC
    std::optional<QDate> date(const char* key); // YYYY-MM-DD
    std::optional<double> number(const char* key, double min, double max);
    QString oneOf(const char* key, const QStringList& allowed); // upper-cased; empty when absent

    void fail(const QString& problem); // adds a problem of the caller's own
    bool has(const char* key) const { return m_object.contains(QLatin1StringView(key)); }
    // Every problem, unknown fields included, joined with "; " (empty: the payload is valid).
    QString problems() const;

private:
    QJsonValue take(const char* key);
    QJsonObject m_object;
    QString m_action;
    QSet<QString> m_known;
    QStringList m_problems;
};

bool isEmailAddress(const QString& text); // local@domain.tld, no spaces, no display name

} // namespace caseyos
