#pragma once

#include "checks/BackgroundCheck.h"

namespace caseyos {

// Pending moves (an expired snooze counts as pending) whose due time has passed: high, whenever a move
// becomes overdue that was not overdue at the last notification. The notification counts them all and
// names the new ones; it replaces the previous unread one.
class OverdueMovesCheck final : public BackgroundCheck
{
public:
    QString name() const override { return QStringLiteral("overdue_moves"); }
    bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) override;
    bool supersedesEarlier() const override { return true; }
};

// More than 5 moves pending for more than 24 hours (since they were made): normal, once per set of stale
// moves; again when another move goes stale while the count is above 5.
class StaleMovesCheck final : public BackgroundCheck
{
public:
    QString name() const override { return QStringLiteral("stale_moves"); }
    bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) override;
    bool supersedesEarlier() const override { return true; }
};

} // namespace caseyos
