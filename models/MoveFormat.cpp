#include "MoveFormat.h"

#include "core/Timestamps.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace caseyos {

QString actionTypeLabel(QStringView actionType)
{
    QString text = actionType.toString().trimmed();
    text.replace(u'_', u' ');
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString domainLabel(QStringView domain)
{
    if (domain == u"cs")
        return u"CS"_s;
    if (domain == u"sales")
        return u"Sales"_s;
    if (domain == u"marketing")
        return u"Marketing"_s;
    return domain.toString();
}

QString sourceLabel(QStringView source)
{
    if (source == u"hubspot")
        return u"HubSpot"_s;
    if (source == u"gmail")
        return u"Gmail"_s;
    if (source == u"form")
        return u"Form"_s;
    if (source == u"calendar")
        return u"Calendar"_s;
    if (source == u"manual")
        return u"Manual"_s;
    return source.toString();
}

QString statusLabel(MoveStatus status)
{
    switch (status) {
    case MoveStatus::Pending:
        return u"Pending"_s;
    case MoveStatus::InProgress:
        return u"In progress"_s;
    case MoveStatus::Completed:
        return u"Completed"_s;
    case MoveStatus::Dismissed:
        return u"Dismissed"_s;
    case MoveStatus::Snoozed:
        return u"Snoozed"_s;
    case MoveStatus::Failed:
        return u"Failed"_s;
    }
    return QString();
}

QString formatShortTime(qint64 ms, qint64 nowMs, const QTimeZone& zone)
{
    if (ms == 0)
        return QString();
    // The C locale gives stable English day and month names whatever the machine's language.
    const QLocale c = QLocale::c();
    const QDateTime when = fromEpochMs(ms).toTimeZone(zone);
    const QDate today = fromEpochMs(nowMs).toTimeZone(zone).date();
    const qint64 days = today.daysTo(when.date());
    const QString time = c.toString(when.time(), u"HH:mm"_s);
    if (days == 0)
        return u"Today "_s + time;
    if (days == 1)
        return u"Tomorrow "_s + time;
    if (days == -1)
        return u"Yesterday "_s + time;
    if (days > 1 && days < 7)
        return c.toString(when.date(), u"ddd"_s) + u' ' + time;
    if (when.date().year() == today.year())
        return c.toString(when.date(), u"d MMM"_s) + u' ' + time;
    return c.toString(when.date(), u"d MMM yyyy"_s);
}

QString formatLongTime(const QDateTime& utc, const QTimeZone& zone)
{
    if (!utc.isValid())
        return QString();
    return QLocale::c().toString(utc.toTimeZone(zone), u"ddd d MMM yyyy HH:mm"_s);
}

QString contactLabel(const QString& company, const QString& email)
{
    if (company.isEmpty())
        return email;
    if (email.isEmpty())
        return company;
    return company + u" · "_s + email;
}

} // namespace caseyos
