#pragma once

#include "core/Clock.h"
#include "notifications/Notification.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace caseyos {

class Database;

// The thresholds of PRODUCT.md §5, in one place.
namespace checkrules {
inline constexpr int kLeadBurstCount = 3; // this many form leads within kLeadBurstSeconds → high
inline constexpr qint64 kLeadBurstSeconds = 10 * 60;
inline constexpr int kUrgentReplyCount = 2; // this many new replies in one run → urgent, fewer → high
inline constexpr int kStaleMoreThan = 5; // more than this many stale pending moves → notify
inline constexpr qint64 kStaleAfterSeconds = 24 * 3600;
inline constexpr qint64 kMeetingLeadSeconds = 15 * 60; // a meeting starting within this → urgent
// A signal-based check only reports events that happened within this long before the run: a backfill of
// last month's replies (a first import, a connector catching up) is history, not news. Their moves are in
// the queue either way.
inline constexpr qint64 kNewsWindowSeconds = 24 * 3600;
} // namespace checkrules

// What one run of one check sees: the database (inside the run's transaction), the instant of the run
// and the user's zone (for times in messages).
struct CheckContext
{
    Database& db;
    QDateTime now; // UTC
    QTimeZone zone;
};

// One background check (PRODUCT.md §5). run() looks at the database at ctx.now, updates what the check
// remembers (check_cursors / check_items), and returns the notifications to create: none while the
// condition it watches is unchanged since the last run. The caller runs it in one transaction together with
// storing the notifications, so a failure leaves neither half, and may run it again when another connection
// wrote in between (run() must not keep state of its own between calls). A run that finds nothing new
// should write nothing.
class BackgroundCheck
{
public:
    virtual ~BackgroundCheck() = default;
    virtual QString name() const = 0; // also the notifications' kind and the key of what it remembers
    virtual bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) = 0;
    // True when each notification sums up a whole condition ("7 overdue moves"), so a newer one replaces the
    // older unread ones of the same kind.
    virtual bool supersedesEarlier() const { return false; }
};

} // namespace caseyos
