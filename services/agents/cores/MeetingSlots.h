#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

namespace caseyos::agents {

struct BusyInterval
{
    QDateTime start; // UTC or any zone: compared as instants
    QDateTime end;
};

// Where busy times come from. Today: the meetings the Calendar signals told the app about (ListFreeBusy).
// A live Calendar connection can implement this with the freeBusy API later without touching the finder.
class FreeBusySource
{
public:
    virtual ~FreeBusySource() = default;
    virtual QList<BusyInterval> busy(const QDateTime& from, const QDateTime& to) const = 0;
};

class ListFreeBusy final : public FreeBusySource
{
public:
    explicit ListFreeBusy(QList<BusyInterval> intervals)
        : m_intervals(std::move(intervals))
    {
    }
    QList<BusyInterval> busy(const QDateTime& from, const QDateTime& to) const override;

private:
    QList<BusyInterval> m_intervals;
};

// The user's working hours, in their own zone (the original proposed 10:00 and 14:00 UTC labelled "EST" ⚠;
// here every time is built in `zone`, so a 09:00 slot is 09:00 on the user's wall clock across DST changes).
struct WorkingHours
{
    QTimeZone zone = QTimeZone::utc();
    QTime start = QTime(9, 0);
    QTime end = QTime(17, 0);
    QList<int> days { 1, 2, 3, 4, 5 }; // Qt::DayOfWeek: Monday = 1
};

struct SlotRequest
{
    int durationMinutes = 30; // the original's 30 min
    int count = 3; // and 3 slots
    int stepMinutes = 30; // candidate starts on the half hour
    int minLeadMinutes = 120; // nothing sooner than this from now
    int horizonDays = 14;
    int maxPerDay = 2; // spread the offer over several days, as the original's one-a-morning-one-an-afternoon
    int minGapMinutes = 180; // between two offered slots of the same day
};

struct MeetingSlot
{
    QDateTime start; // UTC
    QDateTime end; // UTC
    QString label; // "Mon 2 Nov 09:00–09:30 EST" in the working-hours zone
};

QList<MeetingSlot> findMeetingSlots(const WorkingHours& hours, const FreeBusySource& freeBusy,
    const QDateTime& now, const SlotRequest& request = {});

} // namespace caseyos::agents
