// Sales, fulfillment and content cores: nurturing days, meeting slots (DST, non-UTC zones, busy times),
// draft template and checks, prospect intent, deliverable risk, approval ages, posting times.
#include "agents/cores/ContentFormats.h"
#include "agents/cores/DraftCheck.h"
#include "agents/cores/DraftTemplate.h"
#include "agents/cores/Fulfillment.h"
#include "agents/cores/MeetingSlots.h"
#include "agents/cores/Nurturing.h"
#include "agents/cores/ProspectIntent.h"

#include <QDateTime>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::agents;

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}
} // namespace

TEST(Nurturing, StageDays)
{
    EXPECT_EQ(nurtureStep(u"initial_contact"_s)->followUpDays, 3);
    EXPECT_EQ(nurtureStep(u"engaged"_s)->followUpDays, 5);
    EXPECT_EQ(nurtureStep(u"qualified"_s)->followUpDays, 2);
    EXPECT_EQ(nurtureStep(u"proposal"_s)->followUpDays, 7);
    EXPECT_FALSE(nurtureStep(u"won"_s));
    EXPECT_EQ(nurtureStage(false, {}), u"initial_contact"_s);
    EXPECT_EQ(nurtureStage(true, {}), u"engaged"_s);
    EXPECT_EQ(nurtureStage(true, u"discovery"_s), u"qualified"_s);
    EXPECT_EQ(nurtureStage(false, u"negotiation"_s), u"proposal"_s);
}

TEST(MeetingSlots, NewYorkAcrossTheEndOfDaylightSaving)
{
    // Friday 30 Oct 2026 08:00 EDT; DST ends Sunday 1 Nov. 09:00 local is 13:00 UTC on Friday, 14:00 UTC on
    // Monday.
    WorkingHours hours;
    hours.zone = QTimeZone("America/New_York");
    ASSERT_TRUE(hours.zone.isValid());
    const QDateTime now = utc(2026, 10, 30, 12);
    const QList<MeetingSlot> slots = findMeetingSlots(hours, ListFreeBusy({}), now);
    ASSERT_EQ(slots.size(), 3);
    EXPECT_EQ(slots[0].start, utc(2026, 10, 30, 14)); // 10:00 EDT: 2 h lead from 08:00
    EXPECT_EQ(slots[0].end, utc(2026, 10, 30, 14, 30));
    EXPECT_EQ(slots[1].start, utc(2026, 10, 30, 17)); // 13:00 EDT, 3 h after the first
    EXPECT_EQ(slots[2].start, utc(2026, 11, 2, 14)); // Monday 09:00 EST
    EXPECT_TRUE(slots[0].label.startsWith(u"Fri 30 Oct 10:00"_s)) << slots[0].label.toStdString();
    EXPECT_TRUE(slots[2].label.startsWith(u"Mon 2 Nov 09:00"_s)) << slots[2].label.toStdString();
    EXPECT_TRUE(slots[0].label.endsWith(hours.zone.abbreviation(slots[0].start)));
    EXPECT_NE(hours.zone.abbreviation(slots[0].start), hours.zone.abbreviation(slots[2].start)); // EDT vs EST
}

TEST(MeetingSlots, BerlinAcrossTheEndOfSummerTime)
{
    // Summer time ends Sunday 25 Oct 2026: 09:00 in Berlin is 07:00 UTC on Friday 23rd, 08:00 UTC on Monday
    // 26th.
    WorkingHours hours;
    hours.zone = QTimeZone("Europe/Berlin");
    SlotRequest request;
    request.maxPerDay = 1;
    const QList<MeetingSlot> slots
        = findMeetingSlots(hours, ListFreeBusy({}), utc(2026, 10, 22, 20), request);
    ASSERT_EQ(slots.size(), 3);
    EXPECT_EQ(slots[0].start, utc(2026, 10, 23, 7));
    EXPECT_EQ(slots[1].start, utc(2026, 10, 26, 8)); // weekend skipped
    EXPECT_EQ(slots[2].start, utc(2026, 10, 27, 8));
}

TEST(MeetingSlots, HalfHourZoneAndBusyTimes)
{
    // Kolkata is UTC+05:30 all year: 09:00 IST = 03:30 UTC.
    WorkingHours hours;
    hours.zone = QTimeZone("Asia/Kolkata");
    const QDateTime now = utc(2026, 11, 24, 18); // Tue 23:30 IST
    // Busy Wednesday 09:00–10:15 IST (03:30–04:45 UTC): the first free half hour is 10:30 IST.
    const ListFreeBusy busy({ { utc(2026, 11, 25, 3, 30), utc(2026, 11, 25, 4, 45) } });
    const QList<MeetingSlot> slots = findMeetingSlots(hours, busy, now);
    ASSERT_EQ(slots.size(), 3);
    EXPECT_EQ(slots[0].start, utc(2026, 11, 25, 5)); // 10:30 IST
    EXPECT_EQ(slots[1].start, utc(2026, 11, 25, 8)); // 13:30 IST
    EXPECT_EQ(slots[2].start, utc(2026, 11, 26, 3, 30)); // Thursday 09:00 IST
}

TEST(MeetingSlots, RespectsTheEndOfTheWorkingDayAndTheCount)
{
    WorkingHours hours; // UTC, 09:00–17:00
    SlotRequest request;
    request.count = 5;
    request.maxPerDay = 10;
    request.minGapMinutes = 0;
    request.minLeadMinutes = 0;
    // Friday 16:00: only 16:00 and 16:30 fit before 17:00, then Monday.
    const QList<MeetingSlot> slots
        = findMeetingSlots(hours, ListFreeBusy({}), utc(2026, 11, 27, 16), request);
    ASSERT_EQ(slots.size(), 5);
    EXPECT_EQ(slots[1].start, utc(2026, 11, 27, 16, 30));
    EXPECT_EQ(slots[1].end, utc(2026, 11, 27, 17));
    EXPECT_EQ(slots[2].start, utc(2026, 11, 30, 9));
}

TEST(DraftTemplate, OriginalShapeAndItPassesTheChecks)
{
    const EmailDraft d
        = writeDraft({ u"Dana Lee"_s, u"Northwind"_s, u"You asked about pricing — here is a start."_s,
            { u"Mon 2 Nov 09:00–09:30 EST"_s, u"Tue 3 Nov 10:00–10:30 EST"_s, u"Wed"_s, u"Thu (dropped)"_s },
            {}, {} });
    EXPECT_EQ(d.subject, u"Let's explore working together - Northwind"_s);
    EXPECT_TRUE(d.body.startsWith(u"Hello Dana,"_s));
    EXPECT_TRUE(d.body.contains(u"3. Wed"_s));
    EXPECT_FALSE(d.body.contains(u"Thu (dropped)"_s));
    EXPECT_TRUE(d.body.contains(u"What works best for you?"_s));
    EXPECT_TRUE(d.body.contains(u"P.S."_s));
    EXPECT_FALSE(d.body.contains(u'\u2014'));
    EXPECT_FALSE(d.body.contains(u'\u2013'));
    const DraftCheckResult check = checkDraft(d.subject, d.body);
    EXPECT_TRUE(check.approved()) << check.problems.join(u"; "_s).toStdString();
}

TEST(DraftCheck, EachRuleAtItsBoundary)
{
    const QString body50 = u"Thanks for the call, here is the deck. unsubscribe"_s; // exactly 50
    ASSERT_EQ(body50.size(), 50);
    const QString subject50 = QString(50, u'S');
    EXPECT_TRUE(checkDraft(subject50, body50).approved()); // 100 in total, body 50, subject 50
    EXPECT_FALSE(checkDraft(subject50, body50.mid(1)).quality); // 49
    EXPECT_FALSE(checkDraft(QString(4, u'S'), body50).quality);
    EXPECT_TRUE(checkDraft(QString(100, u'S'), body50).quality);
    EXPECT_FALSE(checkDraft(QString(101, u'S'), body50).quality);
    EXPECT_FALSE(checkDraft(QString(49, u'S'), body50).length); // 99 in total
    EXPECT_FALSE(checkDraft(subject50, u"Hi there, "_s + body50).quality);
    EXPECT_TRUE(checkDraft(subject50, u"Highlights: "_s + body50).quality); // "Hi" as a word only
    EXPECT_FALSE(checkDraft(subject50, body50 + u" We guarantee it."_s).compliance);
    EXPECT_FALSE(checkDraft(subject50, body50 + u" We won\u2019t stop."_s).compliance);
    EXPECT_TRUE(checkDraft(subject50, body50 + u" As promised, attached."_s).compliance);
    EXPECT_FALSE(checkDraft(subject50, u"Thanks for the call, here is the deck and the plan."_s).compliance);
    EXPECT_FALSE(checkDraft(subject50, body50 + u" Please reply immediately."_s).tone);
    EXPECT_TRUE(checkDraft(subject50, body50 + u" Mustard is fine."_s).tone);
    EXPECT_EQ(checkDraft(subject50, body50).verdict(), u"approved"_s);
    EXPECT_EQ(checkDraft({}, {}).verdict(), u"requires_review"_s);
}

TEST(ProspectIntent, ScoreIsTheShareOfSixPatterns)
{
    const ProspectIntent none = classifyProspectMessage(u"Out of office until Monday"_s);
    EXPECT_DOUBLE_EQ(none.score, 0.0);
    EXPECT_EQ(none.action, u"archive"_s);
    // Three of six = 0.5: not above 0.5, archived.
    const ProspectIntent three = classifyProspectMessage(u"Hi Casey, can you send pricing?"_s);
    EXPECT_EQ(three.matched, (QStringList { u"question"_s, u"greeting"_s, u"proposal"_s }));
    EXPECT_EQ(three.action, u"archive"_s);
    // Four of six: draft required.
    const ProspectIntent four
        = classifyProspectMessage(u"Hi Casey, can you send pricing? Budget is tight."_s);
    EXPECT_NEAR(four.score, 4.0 / 6.0, 1e-12);
    EXPECT_EQ(four.action, u"draft_required"_s);
    // Whole words: "postpone" is not a proposal, "highlight" is not a greeting.
    EXPECT_TRUE(classifyProspectMessage(u"We postpone; highlight"_s).matched.isEmpty());
}

TEST(Fulfillment, DeliverableRiskByDays)
{
    EXPECT_EQ(deliverableRisk(-3, false), u"critical"_s);
    EXPECT_EQ(deliverableRisk(1, false), u"critical"_s);
    EXPECT_EQ(deliverableRisk(2, false), u"high"_s);
    EXPECT_EQ(deliverableRisk(3, false), u"high"_s);
    EXPECT_EQ(deliverableRisk(4, false), u"medium"_s);
    EXPECT_EQ(deliverableRisk(5, true), u"high"_s);
    EXPECT_EQ(deliverableRisk(6, true), u"medium"_s);
    EXPECT_EQ(deliverableRisk(7, false), u"medium"_s);
    EXPECT_EQ(deliverableRisk(8, false), u"low"_s);
    EXPECT_EQ(daysUntil(utc(2026, 11, 27, 9), utc(2026, 11, 25, 10)), 1); // 1 day 23 h
    EXPECT_EQ(daysUntil(utc(2026, 11, 25, 9), utc(2026, 11, 25, 10)), -1); // an hour late
}

TEST(Fulfillment, ApprovalAges)
{
    EXPECT_EQ(approvalStage(23), u"waiting"_s);
    EXPECT_EQ(approvalStage(24), u"remind"_s);
    EXPECT_EQ(approvalStage(71), u"remind"_s);
    EXPECT_EQ(approvalStage(72), u"escalate"_s);
    EXPECT_EQ(approvalStage(167), u"escalate"_s);
    EXPECT_EQ(approvalStage(168), u"expire"_s);
}

TEST(ContentFormats, SizesTimesAndThreads)
{
    EXPECT_EQ(*graphicSize(u"twitter"_s), QSize(1200, 675));
    EXPECT_EQ(*graphicSize(u"infographic"_s), QSize(800, 2000));
    EXPECT_FALSE(graphicSize(u"poster"_s));
    EXPECT_LT(urgencyRank(u"urgent"_s), urgencyRank(u"low"_s));
    // Wednesday 25 Nov 2026 11:00 in New York: LinkedIn next Thu 10:00, Tue 10:00, Wed 10:00 (local).
    const QTimeZone ny("America/New_York");
    const QList<QDateTime> li
        = nextPostingTimes(u"linkedin"_s, QDateTime(QDate(2026, 11, 25), QTime(11, 0), ny), ny, 3);
    ASSERT_EQ(li.size(), 3);
    EXPECT_EQ(li[0], utc(2026, 11, 26, 15));
    EXPECT_EQ(li[1], utc(2026, 12, 1, 15));
    EXPECT_EQ(li[2], utc(2026, 12, 2, 15));
    const QList<QDateTime> x = nextPostingTimes(u"twitter"_s, utc(2026, 11, 25, 11), QTimeZone::utc(), 2);
    EXPECT_EQ(x[0], utc(2026, 11, 25, 12)); // Wed 12:00
    EXPECT_EQ(x[1], utc(2026, 11, 27, 9)); // Fri 09:00
    const QStringList thread = splitForThread(QString(u"word "_s).repeated(400), 280, 5);
    EXPECT_EQ(thread.size(), 5);
    for (const QString& t : thread)
        EXPECT_LE(t.size(), 280);
}
