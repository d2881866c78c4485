// The notification center on a real SQLite file with a fake clock (PRODUCT.md §5): order, read, dismiss,
// snooze, expiry, mark all read, the 30-day purge and "what's up".
#include "check_test_support.h"
#include "notifications/NotificationRepository.h"
#include "notifications/NotificationService.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

class NotificationServiceTest : public WorkspaceFixture
{
protected:
    // A notification created `agoSeconds` before the clock's now.
    qint64 make(const QString& title, NotificationPriority priority, qint64 agoSeconds = 0,
        const QDateTime& expiresAt = {})
    {
        Notification draft;
        draft.title = title;
        draft.message = title + u" — details"_s;
        draft.priority = priority;
        draft.kind = u"test"_s;
        draft.createdAt = clock.now().addSecs(-agoSeconds);
        draft.expiresAt = expiresAt;
        const Result<Notification> made = service.create(draft);
        EXPECT_TRUE(made.ok()) << made.error().toStdString();
        return made.ok() ? made.value().id : 0;
    }

    QStringList unreadTitles()
    {
        QStringList titles;
        for (const Notification& n : unread())
            titles << n.title;
        return titles;
    }

    qint64 storedCount()
    {
        QSqlQuery q(db.sql());
        return q.exec(u"SELECT COUNT(*) FROM notifications"_s) && q.next() ? q.value(0).toLongLong() : -1;
    }

    NotificationService service { db, clock };
};

} // namespace

TEST_F(NotificationServiceTest, UnreadIsOrderedByPriorityWeightThenNewest)
{
    // Created in an order that matches neither priority nor age.
    make(u"normal old"_s, NotificationPriority::Normal, 3600);
    make(u"urgent old"_s, NotificationPriority::Urgent, 7200);
    make(u"low new"_s, NotificationPriority::Low, 0);
    make(u"high"_s, NotificationPriority::High, 1800);
    make(u"urgent new"_s, NotificationPriority::Urgent, 60);
    make(u"normal new"_s, NotificationPriority::Normal, 10);
    EXPECT_EQ(unreadTitles(),
        (QStringList {
            u"urgent new"_s, u"urgent old"_s, u"high"_s, u"normal new"_s, u"normal old"_s, u"low new"_s }));
}

TEST_F(NotificationServiceTest, CreateStoresEveryFieldAndNeedsATitle)
{
    Notification draft;
    draft.title = u"  Meeting soon  "_s;
    draft.message = u"Starts in 10 minutes"_s;
    draft.priority = NotificationPriority::Urgent;
    draft.kind = u"meeting_soon"_s;
    draft.moveId = 42;
    draft.signalId = 7;
    draft.expiresAt = clock.now().addSecs(3600);
    const Result<Notification> made = service.create(draft);
    ASSERT_TRUE(made.ok()) << made.error().toStdString();
    const std::optional<Notification> stored = NotificationRepository(db).find(made.value().id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->title, u"Meeting soon"_s);
    EXPECT_EQ(stored->message, u"Starts in 10 minutes"_s);
    EXPECT_EQ(stored->priority, NotificationPriority::Urgent);
    EXPECT_EQ(stored->kind, u"meeting_soon"_s);
    EXPECT_EQ(stored->moveId, 42);
    EXPECT_EQ(stored->signalId, 7);
    EXPECT_EQ(stored->createdAt, clock.now());
    EXPECT_EQ(stored->expiresAt, clock.now().addSecs(3600));
    EXPECT_FALSE(stored->readAt.isValid());

    draft.title = u"   "_s;
    EXPECT_FALSE(service.create(draft).ok());
}

TEST_F(NotificationServiceTest, ReadAndDismissLeaveTheUnreadList)
{
    const qint64 a = make(u"a"_s, NotificationPriority::High);
    const qint64 b = make(u"b"_s, NotificationPriority::Normal);
    make(u"c"_s, NotificationPriority::Low);
    clock.advance(60);
    const Result<Notification> read = service.markRead(a);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value().readAt, clock.now());
    EXPECT_EQ(read.value().state(clock.now()), NotificationState::Read);
    const Result<Notification> dismissed = service.dismiss(b);
    ASSERT_TRUE(dismissed.ok());
    EXPECT_EQ(dismissed.value().dismissedAt, clock.now());
    EXPECT_EQ(dismissed.value().state(clock.now()), NotificationState::Dismissed);
    EXPECT_EQ(unreadTitles(), QStringList { u"c"_s });
    EXPECT_FALSE(service.markRead(999).ok());
    EXPECT_EQ(service.dismiss(999).error(), u"No notification with id 999"_s);
}

TEST_F(NotificationServiceTest, SnoozeHidesUntilItsTimeThenItComesBackUnread)
{
    const qint64 id = make(u"later"_s, NotificationPriority::High);
    make(u"other"_s, NotificationPriority::Normal);
    ASSERT_TRUE(service.markRead(id).ok()); // even a read one comes back: a snooze is "remind me"
    const Result<Notification> snoozed = service.snooze(id, clock.now().addSecs(3600));
    ASSERT_TRUE(snoozed.ok()) << snoozed.error().toStdString();
    EXPECT_EQ(snoozed.value().state(clock.now()), NotificationState::Snoozed);
    EXPECT_EQ(unreadTitles(), QStringList { u"other"_s });
    EXPECT_EQ(service.unreadCounts().value().total(), 1);

    clock.advance(3599);
    EXPECT_EQ(unreadTitles(), QStringList { u"other"_s }) << "one second before the snooze ends";
    clock.advance(1);
    EXPECT_EQ(unreadTitles(), (QStringList { u"later"_s, u"other"_s }));
    EXPECT_EQ(service.unreadCounts().value().high, 1);
}

TEST_F(NotificationServiceTest, SnoozeRefusesThePastAndDismissedOnes)
{
    const qint64 id = make(u"x"_s, NotificationPriority::Normal);
    EXPECT_FALSE(service.snooze(id, clock.now()).ok());
    EXPECT_FALSE(service.snooze(id, clock.now().addSecs(-60)).ok());
    ASSERT_TRUE(service.dismiss(id).ok());
    EXPECT_FALSE(service.snooze(id, clock.now().addSecs(3600)).ok());
    EXPECT_TRUE(unread().isEmpty());
}

TEST_F(NotificationServiceTest, ExpiredOnesDisappearAndArePurged)
{
    make(u"expires"_s, NotificationPriority::Urgent, 0, clock.now().addSecs(600));
    make(u"stays"_s, NotificationPriority::Low);
    EXPECT_EQ(unreadTitles(), (QStringList { u"expires"_s, u"stays"_s }));
    clock.advance(600);
    EXPECT_EQ(unreadTitles(), QStringList { u"stays"_s });
    EXPECT_EQ(service.unreadCounts().value().urgent, 0);
    EXPECT_EQ(storedCount(), 2) << "hidden, not yet deleted";
    const auto purged = service.purge();
    ASSERT_TRUE(purged.ok());
    EXPECT_EQ(purged.value().expired, 1);
    EXPECT_EQ(storedCount(), 1);
}

TEST_F(NotificationServiceTest, PurgeDeletesReadOnesOlderThanThirtyDaysOnly)
{
    const qint64 day = 24 * 3600;
    const qint64 read29 = make(u"read 29 days ago"_s, NotificationPriority::Normal, 29 * day);
    const qint64 read31 = make(u"read 31 days ago"_s, NotificationPriority::Normal, 31 * day);
    const qint64 dismissed31 = make(u"dismissed 31 days ago"_s, NotificationPriority::Normal, 31 * day);
    make(u"unread 45 days ago"_s, NotificationPriority::Low, 45 * day);
    ASSERT_TRUE(service.markRead(read29).ok());
    ASSERT_TRUE(service.markRead(read31).ok());
    ASSERT_TRUE(service.dismiss(dismissed31).ok());
    const auto purged = service.purge();
    ASSERT_TRUE(purged.ok()) << purged.error().toStdString();
    EXPECT_EQ(purged.value().oldRead, 2);
    NotificationRepository repository(db);
    EXPECT_TRUE(repository.find(read29)) << "29 days old: kept";
    EXPECT_FALSE(repository.find(read31)) << "31 days old and read: deleted";
    EXPECT_FALSE(repository.find(dismissed31));
    EXPECT_EQ(unreadTitles(), QStringList { u"unread 45 days ago"_s }) << "unread ones are never purged";
}

TEST_F(NotificationServiceTest, MarkAllReadMarksWhatIsShownAndLeavesSnoozedOnes)
{
    make(u"a"_s, NotificationPriority::Urgent);
    make(u"b"_s, NotificationPriority::Low);
    const qint64 later = make(u"later"_s, NotificationPriority::High);
    ASSERT_TRUE(service.snooze(later, clock.now().addSecs(600)).ok());
    const Result<int> marked = service.markAllRead();
    ASSERT_TRUE(marked.ok());
    EXPECT_EQ(marked.value(), 2);
    EXPECT_TRUE(unread().isEmpty());
    clock.advance(600);
    EXPECT_EQ(unreadTitles(), QStringList { u"later"_s });
    EXPECT_EQ(service.markAllRead().value(), 1);
    EXPECT_EQ(service.markAllRead().value(), 0);
}

TEST_F(NotificationServiceTest, WhatsUpCountsByPriorityAndListsTheTopFiveUrgentOrHigh)
{
    for (int i = 0; i < 3; ++i)
        make(u"urgent %1"_s.arg(i), NotificationPriority::Urgent, 100 - i); // newest: urgent 2
    for (int i = 0; i < 4; ++i)
        make(u"high %1"_s.arg(i), NotificationPriority::High, 100 - i);
    make(u"normal"_s, NotificationPriority::Normal);
    make(u"low"_s, NotificationPriority::Low);
    ASSERT_TRUE(service.dismiss(make(u"gone"_s, NotificationPriority::Urgent)).ok());

    const Result<WhatsUp> summary = service.whatsUp();
    ASSERT_TRUE(summary.ok());
    const WhatsUp& s = summary.value();
    EXPECT_EQ(s.counts, (NotificationCounts { 3, 4, 1, 1 }));
    QStringList top;
    for (const Notification& n : s.top)
        top << n.title;
    EXPECT_EQ(top, (QStringList { u"urgent 2"_s, u"urgent 1"_s, u"urgent 0"_s, u"high 3"_s, u"high 2"_s }));
    EXPECT_EQ(s.headline, u"3 urgent, 4 high, 1 normal, 1 low: urgent 2"_s);
}

TEST_F(NotificationServiceTest, WhatsUpHeadlineFollowsTheDataAndSaysAllClearWhenEmpty)
{
    EXPECT_EQ(service.whatsUp().value().headline, u"All clear: no unread notifications"_s);
    EXPECT_TRUE(service.whatsUp().value().top.isEmpty());
    const qint64 id = make(u"Two deal updates"_s, NotificationPriority::Normal);
    const WhatsUp one = service.whatsUp().value();
    EXPECT_EQ(one.headline, u"1 normal: Two deal updates"_s);
    EXPECT_TRUE(one.top.isEmpty()) << "only urgent and high ones are top items";
    ASSERT_TRUE(service.markRead(id).ok());
    EXPECT_EQ(service.whatsUp().value().counts.total(), 0);
}

TEST_F(NotificationServiceTest, SupersedingDismissesOlderUnreadOnesOfTheSameKindOnly)
{
    Notification first;
    first.title = u"3 overdue moves"_s;
    first.kind = u"overdue_moves"_s;
    const qint64 firstId = service.create(first).value().id;
    Notification other;
    other.title = u"A reply"_s;
    other.kind = u"new_replies"_s;
    service.create(other);
    clock.advance(300);
    Notification second = first;
    second.title = u"4 overdue moves"_s;
    ASSERT_TRUE(service.create(second, NotificationService::Supersede::SameKind).ok());
    EXPECT_EQ(unreadTitles(), (QStringList { u"4 overdue moves"_s, u"A reply"_s }));
    EXPECT_EQ(NotificationRepository(db).find(firstId)->state(clock.now()), NotificationState::Dismissed);
}
