// The move-based background checks (PRODUCT.md §5): overdue moves and stale moves. Each notifies once for
// the moves it covers and again when another move enters the condition.
#include "check_test_support.h"
#include "moves/MoveService.h"
#include "notifications/NotificationRepository.h"

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

using CheckMovesTest = WorkspaceFixture;

const QString kOverdue = u"overdue_moves"_s;
const QString kStale = u"stale_moves"_s;

} // namespace

TEST_F(CheckMovesTest, AnOverdueMoveIsNotifiedOnceAndAgainWhenAnotherBecomesOverdue)
{
    const qint64 late = move(u"Call Dana"_s, -60);
    const qint64 soon = move(u"Send the proposal"_s, 600);
    move(u"No due time"_s);
    const QList<Notification> first = ofKind(pass(), kOverdue);
    ASSERT_EQ(first.size(), 1);
    EXPECT_EQ(first[0].priority, NotificationPriority::High);
    EXPECT_EQ(first[0].title, u"Overdue: Call Dana"_s);
    EXPECT_EQ(first[0].message, u"Newly overdue: “Call Dana” (due 1 minute ago)."_s);
    EXPECT_EQ(first[0].moveId, late);

    clock.advance(300);
    EXPECT_TRUE(ofKind(pass(), kOverdue).isEmpty()) << "the same overdue move: no second notification";

    clock.advance(301); // "Send the proposal" is now one second late
    const QList<Notification> second = ofKind(pass(), kOverdue);
    ASSERT_EQ(second.size(), 1);
    EXPECT_EQ(second[0].title, u"2 overdue moves"_s);
    EXPECT_EQ(second[0].message, u"Newly overdue: “Send the proposal” (due under a minute ago)."_s);
    EXPECT_EQ(second[0].moveId, soon);
    // The newer sum-up replaces the older one in the unread list.
    const QList<Notification> shown = ofKind(unread(), kOverdue);
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown[0].id, second[0].id);
    EXPECT_TRUE(ofKind(pass(), kOverdue).isEmpty());
}

TEST_F(CheckMovesTest, FinishedMovesAreNotOverdueAndAReopenedOneCountsAgain)
{
    const qint64 a = move(u"A"_s, -60);
    ASSERT_TRUE(completeMove(a));
    EXPECT_TRUE(ofKind(pass(), kOverdue).isEmpty()) << "completed moves are not overdue";

    const Result<MoveChange> reopened = MoveService(db, clock).apply(a, MoveAction::Reopen);
    ASSERT_TRUE(reopened.ok());
    EXPECT_EQ(ofKind(pass(), kOverdue).size(), 1) << "reopened and still late";
}

TEST_F(CheckMovesTest, AnExpiredSnoozeCountsAsPending)
{
    const qint64 a = move(u"A"_s, -60);
    ASSERT_TRUE(MoveService(db, clock).apply(a, MoveAction::Snooze, {}, clock.now().addSecs(3600)).ok());
    EXPECT_TRUE(ofKind(pass(), kOverdue).isEmpty()) << "snoozed: not waiting on the user yet";
    clock.advance(3600);
    const QList<Notification> found = ofKind(pass(), kOverdue);
    ASSERT_EQ(found.size(), 1) << "the snooze ran out: pending again, and overdue";
    EXPECT_EQ(found[0].moveId, a);
}

TEST_F(CheckMovesTest, FiveStaleMovesAreNotNotifiedSixAre)
{
    for (int i = 0; i < 5; ++i)
        move(u"Old %1"_s.arg(i));
    clock.advance(3600);
    move(u"Younger"_s);
    clock.advance(23 * 3600 + 1); // the first five are 24 h + 1 s old, the sixth 23 h + 1 s
    EXPECT_TRUE(ofKind(pass(), kStale).isEmpty()) << "5 stale moves: not more than 5";

    clock.advance(3600); // now six
    const QList<Notification> six = ofKind(pass(), kStale);
    ASSERT_EQ(six.size(), 1);
    EXPECT_EQ(six[0].priority, NotificationPriority::Normal);
    EXPECT_EQ(six[0].title, u"6 stale moves need attention"_s);
    EXPECT_TRUE(six[0].message.startsWith(u"6 pending moves have waited more than 24 hours."_s))
        << six[0].message.toStdString();
    EXPECT_TRUE(ofKind(pass(), kStale).isEmpty()) << "unchanged";

    clock.advance(-2 * 3600); // a seventh, made earlier in the day, goes stale two hours later
    move(u"Seventh"_s);
    clock.advance(2 * 3600);
    EXPECT_TRUE(ofKind(pass(), kStale).isEmpty()) << "the seventh is not a day old yet";
    clock.advance(22 * 3600 + 1);
    const QList<Notification> seven = ofKind(pass(), kStale);
    ASSERT_EQ(seven.size(), 1);
    EXPECT_EQ(seven[0].title, u"7 stale moves need attention"_s);
    EXPECT_EQ(ofKind(unread(), kStale).size(), 1) << "replaces the six";
}

TEST_F(CheckMovesTest, StaleCountsOnlyPendingMoves)
{
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i)
        ids << move(u"Old %1"_s.arg(i));
    ASSERT_TRUE(completeMove(ids.first()));
    clock.advance(25 * 3600);
    EXPECT_TRUE(ofKind(pass(), kStale).isEmpty()) << "one of the six is done: 5 pending";
}
