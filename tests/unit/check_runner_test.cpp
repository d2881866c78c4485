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

// Another connection commits a write during every run, as an import committing batch after batch does. While
// this check's transaction holds only a snapshot, each of those commits makes its write lose; once it holds
// the write lock, the other writer has to wait (here it gives up at once instead of waiting, as it would).
class ContendedCheck final : public BackgroundCheck
{
public:
    explicit ContendedCheck(QString databasePath)
        : m_path(std::move(databasePath))
    {
    }
    QString name() const override { return u"contended"_s; }
    bool run(const CheckContext& ctx, QList<Notification>* notifications, QString* error) override
    {
        ++runs;
        const QSet<qint64> noted = CheckState(ctx.db).items(name(), error);
        Database importer;
        QString ignored;
        if (importer.open(m_path, &ignored) && importer.exec(u"PRAGMA busy_timeout = 0"_s, &ignored)
            && CheckState(importer).replaceItems(u"import"_s, { runs }, 0, &ignored))
            ++importerCommits;
        if (noted.contains(1))
            return true;
        Notification n;
        n.title = u"Item 1"_s;
        n.kind = name();
        notifications->append(n);
        return CheckState(ctx.db).replaceItems(name(), { 1 }, toEpochMs(ctx.now), error);
    }
    int runs = 0;
    int importerCommits = 0;

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

TEST_F(CheckRunnerTest, ACheckStillRunsWhileAnotherConnectionKeepsCommitting)
{
    ContendedCheck check(home.databasePath());
    QList<Notification> created;
    QString error;
    ASSERT_TRUE(BackgroundChecks(db, clock).runCheck(check, clock.now(), &created, &error))
        << "a check must not fail just because an import keeps writing: " << error.toStdString();
    EXPECT_GE(check.runs, 2) << "the first, deferred run lost its write to the other connection's commit";
    EXPECT_LT(check.importerCommits, check.runs) << "the last run held the write lock from the start";
    ASSERT_EQ(created.size(), 1);
    EXPECT_EQ(unread().size(), 1);
}
