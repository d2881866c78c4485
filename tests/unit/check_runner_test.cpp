// BackgroundChecks::runCheck: a check and its notifications commit together or not at all, and a check that
// lost a race with another connection runs again on the newer data instead of notifying twice.
#include "check_test_support.h"
#include "checks/CheckState.h"
#include "core/Timestamps.h"

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

using CheckRunnerTest = WorkspaceFixture;

// Notifies item 1 unless it is noted; on its first run, another connection notes item 1 between this run's
// read and its write, as a second process running the same check would.
class RacingCheck final : public BackgroundCheck
{
public:
    explicit RacingCheck(QString databasePath)
        : m_path(std::move(databasePath))
    {
    }
    QString name() const override { return u"race"_s; }
    bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) override
    {
        ++runs;
        const QSet<qint64> noted = CheckState(ctx.db).items(name(), error);
        if (runs == 1) {
            Database other;
            QString openError;
            if (!other.open(m_path, &openError)
                || !CheckState(other).replaceItems(name(), { 1 }, 0, &openError)) {
                *error = openError;
                return false;
            }
        }
        if (noted.contains(1))
            return true;
        Notification n;
        n.title = u"Item 1"_s;
        n.kind = name();
        notifications->append(n);
        return CheckState(ctx.db).replaceItems(name(), { 1 }, toEpochMs(ctx.now), error);
    }
    int runs = 0;

private:
    QString m_path;
};

// Produces a notification, then fails: nothing it did may stay.
class FailingCheck final : public BackgroundCheck
{
public:
    QString name() const override { return u"failing"_s; }
    bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) override
    {
        Notification n;
        n.title = u"Half done"_s;
        notifications->append(n);
        if (!CheckState(ctx.db).replaceItems(name(), { 7 }, 0, error))
            return false;
        *error = u"the source went away"_s;
        return false;
    }
};

} // namespace

TEST_F(CheckRunnerTest, ACheckThatLostARaceRunsAgainAndDoesNotNotifyTwice)
{
    RacingCheck check(home.databasePath());
    QList<Notification> created;
    QString error;
    ASSERT_TRUE(BackgroundChecks(db, clock).runCheck(check, clock.now(), &created, &error))
        << error.toStdString();
    EXPECT_EQ(check.runs, 2) << "the first run's write met the other connection's newer data";
    EXPECT_TRUE(created.isEmpty()) << "the other connection had noted the item: no second notification";
    EXPECT_TRUE(unread().isEmpty());
}

TEST_F(CheckRunnerTest, AFailingCheckLeavesNothingBehindAndTheOthersStillRun)
{
    FailingCheck failing;
    QList<Notification> created;
    QString error;
    EXPECT_FALSE(BackgroundChecks(db, clock).runCheck(failing, clock.now(), &created, &error));
    EXPECT_EQ(error, u"the source went away"_s);
    EXPECT_TRUE(created.isEmpty());
    EXPECT_TRUE(unread().isEmpty()) << "its notification was rolled back";
    QString stateError;
    EXPECT_TRUE(CheckState(db).items(u"failing"_s, &stateError).isEmpty()) << "and so was what it noted";
}
