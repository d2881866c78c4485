#pragma once

#include <QDateTime>
#include <QString>
#include <QTime>
#include <QTimeZone>

class QSettings;

namespace caseyos {

// Quiet hours: a daily range of local time during which desktop pop-ups are held (the notifications
// themselves are still created and counted). Pure logic, so the rules are unit-tested with fixed times.
// The range is [start, end): a range whose end is not after its start crosses midnight (22:00–07:00 is
// quiet from 22:00 in the evening until 07:00 the next morning). start == end is an empty range.
struct QuietHours
{
    bool enabled = false; // off by default (PRODUCT.md §5: an option, not a default)
    QTime start = QTime(22, 0);
    QTime end = QTime(7, 0);

    // Settings keys (QSettings of the app), also read by the settings page the lead builds.
    static QString enabledKey() { return QStringLiteral("notifications/quietHours/enabled"); }
    static QString startKey() { return QStringLiteral("notifications/quietHours/start"); } // "HH:mm"
    static QString endKey() { return QStringLiteral("notifications/quietHours/end"); } // "HH:mm"

    // Missing or malformed values fall back to the defaults above (a typo must not silence pop-ups forever).
    static QuietHours load(const QSettings& settings);
    void save(QSettings& settings) const;

    bool isValid() const { return start.isValid() && end.isValid(); }
    bool crossesMidnight() const { return end < start; }
    // Whether a local wall-clock time falls in the range (ignores `enabled`).
    bool containsTime(QTime localTime) const;
    // Whether pop-ups are held at `now` (a UTC or any-zone instant) for a user in `zone`.
    bool isQuietAt(const QDateTime& now, const QTimeZone& zone) const;
    // The instant the quiet period containing `now` ends; invalid when `now` is not quiet.
    QDateTime quietUntil(const QDateTime& now, const QTimeZone& zone) const;
    // "22:00–07:00", for tooltips and logs.
    QString describe() const;
};

} // namespace caseyos
