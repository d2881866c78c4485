// NotificationsClient: the UI-thread client of the notification center; its worker runs on the storage
// thread it is given, with its own connection, and every change comes back with the fresh unread list.
#include "WaitFor.h"
#include "check_test_support.h"
#include "notifications/NotificationService.h"
#include "notifications/NotificationsClient.h"

#include <QMutex>
#include <QSet>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

class ThreadNamesClock final : public Clock
{
public:
    explicit ThreadNamesClock(const Clock& inner)
        : m_inner(inner)
    {
    }
    QDateTime now() const override
    {
        QMutexLocker lock(&m_mutex);
        m_threads.insert(QThread::currentThread()->objectName());
        return m_inner.now();
    }
    QTimeZone localZone() const override { return m_inner.localZone(); }
    QSet<QString> threads() const
    {
        QMutexLocker lock(&m_mutex);
        return m_threads;
    }

private:
    const Clock& m_inner;
    mutable QMutex m_mutex;
    mutable QSet<QString> m_threads;
};

class NotificationClientTest : public WorkspaceFixture
{
protected:
    void SetUp() override
    {
        WorkspaceFixture::SetUp();
        QThread::currentThread()->setObjectName(u"main"_s);
        storage.setObjectName(u"storage"_s);
        storage.start();
        NotificationService service(db, clock);
        for (const auto& [title, priority] : { std::pair { u"urgent one"_s, NotificationPriority::Urgent },
                 std::pair { u"normal one"_s, NotificationPriority::Normal },
                 std::pair { u"high one"_s, NotificationPriority::High } }) {
            Notification draft;
            draft.title = title;
            draft.priority = priority;
            ids.append(service.create(draft).value().id);
        }
    }
    void TearDown() override
    {
        client.reset();
        storage.quit();
        storage.wait();
    }

    static QStringList titles(const QList<Notification>& list)
    {
        QStringList t;
        for (const Notification& n : list)
            t << n.title;
        return t;
    }

    QThread storage;
    ThreadNamesClock names { clock };
    std::unique_ptr<NotificationsClient> client
        = std::make_unique<NotificationsClient>(home.databasePath(), names, &storage);
    QList<qint64> ids; // urgent, normal, high
};

} // namespace

TEST_F(NotificationClientTest, LoadsTheUnreadListInOrderOnTheStorageThread)
{
    QSignalSpy loaded(client.get(), &NotificationsClient::loaded);
    QSignalSpy count(client.get(), &NotificationsClient::unreadCountChanged);
    client->load();
    ASSERT_TRUE(waitForSignal(loaded));
    EXPECT_EQ(titles(loaded.first().first().value<QList<Notification>>()),
        (QStringList { u"urgent one"_s, u"high one"_s, u"normal one"_s }));
    ASSERT_TRUE(waitForSignal(count));
    EXPECT_EQ(count.first().first().toInt(), 3);
    EXPECT_EQ(names.threads(), QSet<QString> { u"storage"_s });
}

TEST_F(NotificationClientTest, ReadDismissSnoozeAndMarkAllReadComeBackWithTheNewList)
{
    QSignalSpy loaded(client.get(), &NotificationsClient::loaded);
    QSignalSpy changed(client.get(), &NotificationsClient::changed);
    QSignalSpy count(client.get(), &NotificationsClient::unreadCountChanged);
    client->markRead(ids[0]);
    ASSERT_TRUE(waitForSignal(loaded));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.first().first().value<Notification>().state(clock.now()), NotificationState::Read);
    EXPECT_EQ(titles(loaded.last().first().value<QList<Notification>>()),
        (QStringList { u"high one"_s, u"normal one"_s }));
    EXPECT_EQ(count.last().first().toInt(), 2);

    client->snooze(ids[2], clock.now().addSecs(3600));
    ASSERT_TRUE(waitForSignal(loaded, 2));
    EXPECT_EQ(titles(loaded.last().first().value<QList<Notification>>()), QStringList { u"normal one"_s });

    client->dismiss(ids[1]);
    ASSERT_TRUE(waitForSignal(loaded, 3));
    EXPECT_TRUE(loaded.last().first().value<QList<Notification>>().isEmpty());
    EXPECT_EQ(count.last().first().toInt(), 0);

    clock.advance(3600); // the snooze ends
    QSignalSpy marked(client.get(), &NotificationsClient::allMarkedRead);
    client->markAllRead();
    ASSERT_TRUE(waitForSignal(marked));
    EXPECT_EQ(marked.first().first().toInt(), 1);
    ASSERT_TRUE(waitForSignal(loaded, 4));
    EXPECT_TRUE(loaded.last().first().value<QList<Notification>>().isEmpty());
}

TEST_F(NotificationClientTest, WhatsUpAndFailuresArriveAsSignals)
{
    QSignalSpy summary(client.get(), &NotificationsClient::whatsUpReady);
    client->whatsUp();
    ASSERT_TRUE(waitForSignal(summary));
    const WhatsUp s = summary.first().first().value<WhatsUp>();
    EXPECT_EQ(s.counts, (NotificationCounts { 1, 1, 1, 0 }));
    EXPECT_EQ(s.headline, u"1 urgent, 1 high, 1 normal: urgent one"_s);

    QSignalSpy failed(client.get(), &NotificationsClient::failed);
    client->markRead(999);
    ASSERT_TRUE(waitForSignal(failed));
    EXPECT_EQ(failed.first().first().toString(), u"No notification with id 999"_s);
}
