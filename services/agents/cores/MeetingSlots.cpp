#include "agents/cores/MeetingSlots.h"

#include <QLocale>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos::agents {

QList<BusyInterval> ListFreeBusy::busy(const QDateTime& from, const QDateTime& to) const
{
    QList<BusyInterval> overlapping;
    for (const BusyInterval& b : m_intervals)
        if (b.start < to && b.end > from)
            overlapping.append(b);
    return overlapping;
}

QList<MeetingSlot> findMeetingSlots(const WorkingHours& hours, const FreeBusySource& freeBusy,
    const QDateTime& now, const SlotRequest& request)
{
    QList<MeetingSlot> slots;
    if (request.durationMinutes <= 0 || request.stepMinutes <= 0 || request.count <= 0
        || !hours.zone.isValid())
        return slots;
    const QDateTime earliest = now.toUTC().addSecs(qint64(request.minLeadMinutes) * 60);
    const QDate firstDay = now.toTimeZone(hours.zone).date();
    const QDateTime horizonEnd
        = QDateTime(firstDay.addDays(request.horizonDays + 1), QTime(0, 0), hours.zone);
    const QList<BusyInterval> busy = freeBusy.busy(now, horizonEnd);
    const QLocale english(QLocale::English);
    for (int d = 0; d <= request.horizonDays && slots.size() < request.count; ++d) {
        const QDate day = firstDay.addDays(d);
        if (!hours.days.contains(day.dayOfWeek()))
            continue;
        int today = 0;
        QDateTime lastStart;
        // Walk the wall clock, not UTC: each candidate is built from the local date and time in the zone.
        const int open = hours.start.msecsSinceStartOfDay() / 60000;
        const int close = hours.end.msecsSinceStartOfDay() / 60000;
        for (int minute = open; minute + request.durationMinutes <= close; minute += request.stepMinutes) {
            const QDateTime start = QDateTime(day, QTime(0, 0).addSecs(minute * 60), hours.zone);
            const QDateTime end = start.addSecs(qint64(request.durationMinutes) * 60);
            if (!start.isValid() || start.toUTC() < earliest)
                continue;
            if (lastStart.isValid() && lastStart.secsTo(start) < qint64(request.minGapMinutes) * 60)
                continue;
            const bool clash = std::any_of(busy.cbegin(), busy.cend(),
                [&](const BusyInterval& b) { return b.start < end && b.end > start; });
            if (clash)
                continue;
            slots.append({ start.toUTC(), end.toUTC(),
                english.toString(start, u"ddd d MMM HH:mm"_s) + u'\u2013' + english.toString(end, u"HH:mm"_s)
                    + u' ' + hours.zone.abbreviation(start) });
            lastStart = start;
            if (++today >= request.maxPerDay || slots.size() >= request.count)
                break;
        }
    }
    return slots;
}

} // namespace caseyos::agents
