#pragma once

#include <QDateTime>
#include <QString>

namespace caseyos::agents {

// The original's deliverable_tracker risk (original-behaviour.md §8.2) by whole days to the due date:
// ≤ 1 critical, ≤ 3 high (or ≤ 5 when the work is behind), ≤ 7 medium, else low. Overdue (negative days)
// is critical.
QString deliverableRisk(int daysToDue, bool behind);
int daysUntil(const QDateTime& due, const QDateTime& now); // whole days, rounded down; negative when past

// The original's approval_gateway thresholds: a reminder after 24 h pending, escalation after 72 h, expiry
// after 168 h. The state a pending approval has reached by its age.
QString approvalStage(qint64 hoursPending); // waiting, remind, escalate, expire

} // namespace caseyos::agents
