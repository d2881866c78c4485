// The "meeting within 15 minutes" check (PRODUCT.md §5), with the start read from the calendar payload as
// the calendar rule reads it.
#include "check_test_support.h"
#include "storage/MoveRepository.h"

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

using CheckMeetingTest = WorkspaceFixture;

const QString kMeeting = u"meeting_soon"_s;

} // namespace

TEST_F(CheckMeetingTest, AMeetingIn14MinutesIsUrgentOnce)
{
    const qint64 prepMove = meeting(u"ev1"_s, 14 * 60, u"Acme demo"_s);
    ASSERT_GT(prepMove, 0);
    const QList<Notification> found = ofKind(pass(), kMeeting);
    ASSERT_EQ(found.size(), 1);
    const Notification& n = found[0];
    EXPECT_EQ(n.priority, NotificationPriority::Urgent);
    EXPECT_EQ(n.title, u"Meeting at 10:14: “Acme demo”"_s); // the clock is 10:00 UTC, zone UTC
    EXPECT_EQ(n.message, u"Starts in 14 minutes with Dana Lee"_s);
    EXPECT_EQ(n.moveId, prepMove) << "opens the meeting_prep move";
    EXPECT_EQ(n.expiresAt, clock.now().addSecs(14 * 60 + 1800)) << "gone when the meeting ends";

    clock.advance(60);
    EXPECT_TRUE(ofKind(pass(), kMeeting).isEmpty()) << "same meeting: not again";
    clock.advance(14 * 60 + 1800);
    EXPECT_TRUE(ofKind(unread(), kMeeting).isEmpty()) << "expired after the meeting";
}

TEST_F(CheckMeetingTest, AMeetingIn16MinutesWaitsUntilItIsWithin15)
{
    meeting(u"ev2"_s, 16 * 60);
    EXPECT_TRUE(ofKind(pass(), kMeeting).isEmpty());
    clock.advance(60); // 15 minutes to go: within
    EXPECT_EQ(ofKind(pass(), kMeeting).size(), 1);
}

TEST_F(CheckMeetingTest, PastMeetingsAndCancelledOnesAreNotNotified)
{
    meeting(u"past"_s, -60);
    meeting(u"cancelled"_s, 10 * 60);
    cancelMeeting(u"cancelled"_s);
    EXPECT_TRUE(ofKind(pass(), kMeeting).isEmpty());
}

TEST_F(CheckMeetingTest, AMovedMeetingIsNotifiedAgainWhenItComesCloseAgain)
{
    meeting(u"ev3"_s, 10 * 60);
    ASSERT_EQ(ofKind(pass(), kMeeting).size(), 1);
    // A re-sent booking with the same start is the same meeting.
    meeting(u"ev3"_s, 10 * 60);
    EXPECT_TRUE(ofKind(pass(), kMeeting).isEmpty());
    // Moved to tomorrow: nothing now…
    meeting(u"ev3"_s, 24 * 3600);
    EXPECT_TRUE(ofKind(pass(), kMeeting).isEmpty());
    // …and again 14 minutes before the new start.
    clock.advance(24 * 3600 - 14 * 60);
    EXPECT_EQ(ofKind(pass(), kMeeting).size(), 1);
}

TEST_F(CheckMeetingTest, TwoMeetingsMakeTwoNotificationsSoonestFirst)
{
    meeting(u"b"_s, 12 * 60, u"Second"_s);
    meeting(u"a"_s, 5 * 60, u"First"_s);
    const QList<Notification> found = ofKind(pass(), kMeeting);
    ASSERT_EQ(found.size(), 2);
    EXPECT_EQ(found[0].title, u"Meeting at 10:05: “First”"_s);
    EXPECT_EQ(found[1].title, u"Meeting at 10:12: “Second”"_s);
}
