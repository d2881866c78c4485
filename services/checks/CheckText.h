#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

// Wording shared by the checks' notifications (internal to services/checks).
namespace caseyos::checktext {

// "A", "A and B", "A, B and C", "A, B, C and 4 more" (at most `shown` named).
QString listed(const QStringList& items, int shown = 3);
// The same when only the first few of `total` items are at hand: names them all, then "and N more".
QString listedOf(const QStringList& firstItems, qsizetype total);

// "1 new form lead" / "3 new form leads".
QString counted(qsizetype count, const QString& singular, const QString& plural);

// A rough span for people: "under a minute", "5 minutes", "1 hour", "3 hours", "2 days".
QString span(qint64 seconds);

// "14:00" when `at` is on `now`'s local day, else "Wed 26 Nov 14:00", in `zone`.
QString clockTime(const QDateTime& at, const QDateTime& now, const QTimeZone& zone);

} // namespace caseyos::checktext
