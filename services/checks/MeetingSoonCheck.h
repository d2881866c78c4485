#pragma once

#include "checks/BackgroundCheck.h"

namespace caseyos {

// Calendar meetings starting within the next 15 minutes: one urgent notification per meeting, once. The
// meeting's latest booking counts (a later meeting_scheduled for the same event_id moves it; a later
// meeting_cancelled drops it); a moved meeting that again starts within 15 minutes is notified again.
// The notification expires when the meeting ends. The calendar as the check knows it is kept in
// check_meetings, updated from the calendar signals that arrived since the last run.
class MeetingSoonCheck final : public BackgroundCheck
{
public:
    QString name() const override { return QStringLiteral("meeting_soon"); }
    bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) override;
};

} // namespace caseyos
