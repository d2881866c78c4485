// Which notifications pop up on the desktop (high and urgent only), de-duplication, and what is shown when a
// hold (quiet hours, paused) ends: the one held pop-up, or one summary of several.
#include "desktop/PopupQueue.h"

#include <gtest/gtest.h>
#include <ostream>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace caseyos {
// Readable decisions in failure messages.
inline void PrintTo(PopupQueue::Decision decision, std::ostream* os)
{
    *os << (decision == PopupQueue::Decision::Show   ? "Show"
            : decision == PopupQueue::Decision::Held ? "Held"
                                                     : "Ignored");
}
} // namespace caseyos

namespace {

Popup popup(qint64 id, int weight, const QString& title, qint64 moveId = 0)
{
    return Popup { id, title, u"message "_s + title, weight, moveId };
}

} // namespace

TEST(PopupQueue, OnlyHighAndUrgentPopUp)
{
    PopupQueue queue;
    EXPECT_EQ(queue.submit(popup(1, 25, u"low"_s), false), PopupQueue::Decision::Ignored);
    EXPECT_EQ(queue.submit(popup(2, 50, u"normal"_s), false), PopupQueue::Decision::Ignored);
    EXPECT_EQ(queue.submit(popup(3, 74, u"just below high"_s), false), PopupQueue::Decision::Ignored);
    EXPECT_EQ(queue.submit(popup(4, 75, u"high"_s), false), PopupQueue::Decision::Show);
    EXPECT_EQ(queue.submit(popup(5, 100, u"urgent"_s), false), PopupQueue::Decision::Show);
    // Held only when it would have popped up.
    EXPECT_EQ(queue.submit(popup(6, 50, u"normal at night"_s), true), PopupQueue::Decision::Ignored);
    EXPECT_EQ(queue.heldCount(), 0);
}

TEST(PopupQueue, TheSameNotificationPopsUpOnce)
{
    PopupQueue queue;
    EXPECT_EQ(queue.submit(popup(7, 100, u"meeting"_s), false), PopupQueue::Decision::Show);
    EXPECT_EQ(queue.submit(popup(7, 100, u"meeting"_s), false), PopupQueue::Decision::Ignored);
    EXPECT_EQ(queue.submit(popup(8, 100, u"other"_s), true), PopupQueue::Decision::Held);
    EXPECT_EQ(queue.submit(popup(8, 100, u"other"_s), true), PopupQueue::Decision::Ignored);
    EXPECT_EQ(queue.heldCount(), 1);
    // Id 0 (not a stored notification) is never taken for a duplicate.
    EXPECT_EQ(queue.submit(popup(0, 75, u"a"_s), false), PopupQueue::Decision::Show);
    EXPECT_EQ(queue.submit(popup(0, 75, u"b"_s), false), PopupQueue::Decision::Show);
}

TEST(PopupQueue, RemembersABoundedNumberOfIds)
{
    PopupQueue queue;
    for (qint64 id = 1; id <= PopupQueue::kRememberedIds + 1; ++id)
        ASSERT_EQ(queue.submit(popup(id, 75, u"n"_s), false), PopupQueue::Decision::Show);
    // The oldest id was forgotten, the newest is still known.
    EXPECT_EQ(queue.submit(popup(1, 75, u"n"_s), false), PopupQueue::Decision::Show);
    EXPECT_EQ(queue.submit(popup(PopupQueue::kRememberedIds + 1, 75, u"n"_s), false),
        PopupQueue::Decision::Ignored);
}

TEST(PopupQueue, OneHeldPopUpIsShownAsItWas)
{
    PopupQueue queue;
    EXPECT_EQ(queue.submit(popup(1, 100, u"Meeting with Dana in 15 minutes"_s, 42), true),
        PopupQueue::Decision::Held);
    const QList<Popup> shown = queue.release();
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown.first().title, u"Meeting with Dana in 15 minutes"_s);
    EXPECT_EQ(shown.first().moveId, 42);
    EXPECT_EQ(queue.heldCount(), 0);
    EXPECT_TRUE(queue.release().isEmpty()); // released once
}

TEST(PopupQueue, SeveralHeldPopUpsBecomeOneSummaryMostImportantFirst)
{
    PopupQueue queue;
    queue.submit(popup(1, 75, u"3 new form leads"_s, 11), true);
    queue.submit(popup(2, 100, u"2 new replies"_s, 12), true);
    queue.submit(popup(3, 75, u"Overdue: call Ben"_s, 13), true);
    queue.submit(popup(4, 100, u"Meeting at 09:00"_s, 14), true);
    queue.submit(popup(5, 75, u"Overdue: email Chen"_s, 15), true);
    ASSERT_EQ(queue.heldCount(), 5);

    const QList<Popup> shown = queue.release();
    ASSERT_EQ(shown.size(), 1);
    const Popup& summary = shown.first();
    EXPECT_EQ(summary.title, u"5 notifications while pop-ups were held (2 urgent)"_s);
    // Urgent first (newest first among equals), three listed, the rest counted.
    EXPECT_EQ(summary.message, u"• Meeting at 09:00\n• 2 new replies\n• Overdue: email Chen\nand 2 more"_s);
    EXPECT_EQ(summary.priorityWeight, 100);
    EXPECT_EQ(summary.moveId, 0); // a click opens the window, not one of the five moves
    EXPECT_EQ(summary.notificationId, 0);
    EXPECT_EQ(queue.heldCount(), 0);
}

TEST(PopupQueue, SummaryWithoutUrgentOnes)
{
    const Popup summary = PopupQueue::summarise({ popup(1, 75, u"a"_s), popup(2, 75, u"b"_s) });
    EXPECT_EQ(summary.title, u"2 notifications while pop-ups were held"_s);
    EXPECT_EQ(summary.message, u"• b\n• a"_s);
}
