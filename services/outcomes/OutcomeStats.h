#pragma once

#include "outcomes/Outcome.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace caseyos {

// One local calendar day of the stats window.
struct OutcomeDay
{
    QDate date; // in the user's zone
    qint64 count = 0;
    double netImpact = 0.0;
};

// Outcome stats over a window (PRODUCT.md §4). The window is the last `days` local calendar days, today
// included: from local midnight (days − 1) days ago up to now. Calendar days (not now − days×24 h) so the
// per-day series has exactly `days` entries and its nets add up to netImpact.
struct OutcomeStats
{
    int days = 7;
    QString contactEmail; // normalized; empty: everyone
    QDateTime from; // UTC
    QDateTime to; // UTC (now)

    QMap<OutcomeType, qint64> byType; // every type present, 0 for none
    QMap<OutcomeCategory, qint64> byCategory; // every category present, 0 for none
    qint64 total = 0;
    qint64 positive = 0; // impact > 0
    qint64 negative = 0; // impact < 0
    double netImpact = 0.0; // Σ impact
    double meanImpact = 0.0; // net / total, 0 with no outcomes
    double replyRate = 0.0; // email_replied / email_sent; 0 when nothing was sent
    double meetingRate = 0.0; // (meeting_booked + meeting_held) / email_sent; 0 when nothing was sent

    // The funnel sent → opened → replied → booked.
    qint64 sent() const { return byType.value(OutcomeType::EmailSent); }
    qint64 opened() const { return byType.value(OutcomeType::EmailOpened); }
    qint64 replied() const { return byType.value(OutcomeType::EmailReplied); }
    qint64 booked() const { return byType.value(OutcomeType::MeetingBooked); }

    QList<OutcomeDay> perDay; // oldest first, one entry per local day of the window
};

inline constexpr int kMinStatsDays = 1;
inline constexpr int kMaxStatsDays = 90;

} // namespace caseyos

Q_DECLARE_METATYPE(caseyos::OutcomeStats)
