// BackgroundScheduler: the checks run on the "scheduler" thread with a connection of their own, once at
// start and then on the timer; results arrive on the thread that owns the scheduler.
#include "FakeClock.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "check_test_support.h"
#include "checks/BackgroundScheduler.h"

#include <QDir>
#include <QMutex>
#include <QSet>
#include <QSettings>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

// A fixed clock that remembers which threads asked it the time: every check reads the clock, so this shows
// where the checks ran.
class ThreadRecordingClock final : public Clock
{
public:
    explicit ThreadRecordingClock(QDateTime now)
        : m_now(std::move(now))
    {
    }
    QDateTime now() const override
    {
        QMutexLocker lock(&m_mutex);
        m_threads.insert(QThread::currentThread()->objectName());
        return m_now;
    }
    QTimeZone localZone() const override { return QTimeZone::utc(); }
    QSet<QString> threads() const
    {
        QMutexLocker lock(&m_mutex);
        return m_threads;
    }

private:
    QDateTime m_now;
    mutable QMutex m_mutex;
    mutable QSet<QString> m_threads;
};

class SchedulerTest : public WorkspaceFixture
{
protected:
    ThreadRecordingClock recording { clock.now() };
};

} // namespace

TEST_F(SchedulerTest, RunsAtStartOnTheSchedulerThreadAndReportsNewNotifications)
{
    lead(u"dana@acme.com"_s, -60);
    QThread::currentThread()->setObjectName(u"main"_s);
    BackgroundScheduler scheduler(home.databasePath(), recording);
    EXPECT_EQ(scheduler.schedulerThread()->objectName(), u"scheduler"_s);
    QSignalSpy created(&scheduler, &BackgroundScheduler::notificationsCreated);
    QSignalSpy count(&scheduler, &BackgroundScheduler::unreadCountChanged);
    QSignalSpy passes(&scheduler, &BackgroundScheduler::passFinished);
    scheduler.start(60); // an hour: only the pass at start runs during this test
    ASSERT_TRUE(waitForSignal(passes));
    ASSERT_EQ(created.count(), 1);
    const auto list = created.first().first().value<QList<Notification>>();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0].kind, u"new_leads"_s);
    ASSERT_EQ(count.count(), 1);
    EXPECT_EQ(count.first().first().toInt(), 1);
    EXPECT_EQ(recording.threads(), QSet<QString> { u"scheduler"_s }) << "no check ran on the UI thread";

    // Nothing new: a pass, but no notifications and no count change.
    scheduler.runNow();
    ASSERT_TRUE(waitForSignal(passes, 2));
    EXPECT_EQ(created.count(), 1);
    EXPECT_EQ(count.count(), 1);

    // A reply written by another connection (the storage thread, an import) is found by the next pass.
    reply(u"ben@globex.com"_s, -30);
    scheduler.runNow();
    ASSERT_TRUE(waitForSignal(passes, 3));
    ASSERT_EQ(created.count(), 2);
    EXPECT_EQ(created.last().first().value<QList<Notification>>().first().kind, u"new_replies"_s);
    ASSERT_EQ(count.count(), 2);
    EXPECT_EQ(count.last().first().toInt(), 2);
}

TEST_F(SchedulerTest, RepeatsOnItsInterval)
{
    BackgroundScheduler scheduler(home.databasePath(), recording);
    QSignalSpy passes(&scheduler, &BackgroundScheduler::passFinished);
    scheduler.start(std::chrono::milliseconds(40));
    EXPECT_TRUE(scheduler.isRunning());
    ASSERT_TRUE(waitForSignal(passes, 4, 10000)) << "a pass at start and then one every 40 ms";
    scheduler.stop();
    EXPECT_FALSE(scheduler.isRunning());
    QTest::qWait(100); // a pass already queued may still arrive
    const int stopped = int(passes.count());
    QTest::qWait(300);
    EXPECT_EQ(passes.count(), stopped) << "no passes after stop()";
}

TEST_F(SchedulerTest, ReportsADatabaseItCannotOpen)
{
    const QString folder = home.file(u"a-folder"_s);
    ASSERT_TRUE(QDir().mkpath(folder));
    BackgroundScheduler scheduler(folder, recording); // a folder is not a database
    QSignalSpy failed(&scheduler, &BackgroundScheduler::checkFailed);
    scheduler.start(60);
    ASSERT_TRUE(waitForSignal(failed));
    EXPECT_TRUE(failed.first().first().toString().contains(u"cannot open the database"_s))
        << failed.first().first().toString().toStdString();
}

TEST(SchedulerSettings, IntervalComesFromSettingsWithASaneDefault)
{
    QSettings settings;
    const QVariant saved = settings.value(BackgroundScheduler::kIntervalSettingsKey);
    settings.remove(BackgroundScheduler::kIntervalSettingsKey);
    EXPECT_EQ(BackgroundScheduler::intervalFromSettings(), 5);
    settings.setValue(BackgroundScheduler::kIntervalSettingsKey, 15);
    EXPECT_EQ(BackgroundScheduler::intervalFromSettings(), 15);
    settings.setValue(BackgroundScheduler::kIntervalSettingsKey, 0);
    EXPECT_EQ(BackgroundScheduler::intervalFromSettings(), 5) << "0 minutes would spin";
    settings.setValue(BackgroundScheduler::kIntervalSettingsKey, u"often"_s);
    EXPECT_EQ(BackgroundScheduler::intervalFromSettings(), 5);
    if (saved.isValid())
        settings.setValue(BackgroundScheduler::kIntervalSettingsKey, saved);
    else
        settings.remove(BackgroundScheduler::kIntervalSettingsKey);
}
