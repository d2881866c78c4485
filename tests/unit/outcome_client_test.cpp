// OutcomesClient: the UI-thread side posts to a worker on a storage thread and gets results back as queued
// signals; the calling thread never waits.
#include "FakeClock.h"
#include "TempHome.h"
#include "WaitFor.h"
#include "moves/MoveService.h"
#include "outcomes/OutcomesClient.h"
#include "storage/Database.h"

#include <QSignalSpy>
#include <QThread>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using caseyos::test::FakeClock;
using caseyos::test::TempHome;
using caseyos::test::waitFor;

namespace {

class OutcomesClientTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Database db;
        QString error;
        ASSERT_TRUE(db.open(home.databasePath(), &error)) << error.toStdString();
        Move draft;
        draft.title = u"Call Dana"_s;
        draft.actionType = u"call_back"_s;
        draft.contactEmail = u"dana@acme.com"_s;
        for (int i = 0; i < 2; ++i) {
            const auto created = MoveService(db, clock).create(draft, { 0.5, 0.5, 0.5, 0.5 }); // APS 50
            ASSERT_TRUE(created.ok());
            ids << created.value().id;
        }
        storage.setObjectName(u"storage"_s);
        storage.start();
    }
    void TearDown() override
    {
        client.reset();
        storage.quit();
        storage.wait();
    }

    TempHome home;
    FakeClock clock;
    QThread storage;
    std::unique_ptr<OutcomesClient> client;
    QList<qint64> ids;
};

TEST_F(OutcomesClientTest, RecordsOnTheStorageThreadAndSendsTheRowsBack)
{
    client = std::make_unique<OutcomesClient>(home.databasePath(), clock, &storage);
    EXPECT_TRUE(client->hasWorker());
    QSignalSpy recorded(client.get(), &OutcomesClient::recorded);
    QSignalSpy failed(client.get(), &OutcomesClient::failed);
    client->recordForMove(ids.at(0), OutcomeType::PositiveResponse, 0.5, u"liked the demo"_s);
    ASSERT_TRUE(test::waitForSignal(recorded));
    EXPECT_EQ(failed.count(), 0);
    const auto result = recorded.first().at(0).value<OutcomeRecordResult>();
    const auto rows = recorded.first().at(1).value<QList<MoveRow>>();
    EXPECT_DOUBLE_EQ(result.outcome.impact, 3.0); // +6 × 0.5
    EXPECT_EQ(result.outcome.note, u"liked the demo"_s);
    ASSERT_EQ(rows.size(), 2);
    // In rank order: the re-scored move (50 + 3 = 53) before the completed one (50).
    EXPECT_EQ(rows.at(0).id, ids.at(1));
    EXPECT_DOUBLE_EQ(rows.at(0).aps, 53.0);
    EXPECT_EQ(rows.at(1).id, ids.at(0));
    EXPECT_EQ(rows.at(1).status, MoveStatus::Completed);
}

TEST_F(OutcomesClientTest, StatsAndFailuresComeBackAsSignals)
{
    client = std::make_unique<OutcomesClient>(home.databasePath(), clock, &storage);
    QSignalSpy recorded(client.get(), &OutcomesClient::recorded);
    QSignalSpy stats(client.get(), &OutcomesClient::statsLoaded);
    QSignalSpy failed(client.get(), &OutcomesClient::failed);

    OutcomeInput input;
    input.type = OutcomeType::EmailSent;
    input.contactEmail = u"ben@beta.io"_s;
    client->record(input);
    client->loadStats(7);
    ASSERT_TRUE(test::waitForSignal(stats));
    EXPECT_EQ(recorded.count(), 1); // queued in order: the record ran before the stats
    const auto s = stats.first().at(0).value<OutcomeStats>();
    EXPECT_EQ(s.total, 1);
    EXPECT_EQ(s.sent(), 1);

    client->loadStats(0);
    ASSERT_TRUE(test::waitForSignal(failed));
    EXPECT_TRUE(failed.takeFirst().at(0).toString().contains(u"from 1 to 90 days"_s));
    client->recordForMove(9999, OutcomeType::DealWon, 1.0, {});
    ASSERT_TRUE(test::waitForSignal(failed));
    EXPECT_EQ(failed.takeFirst().at(0).toString(), u"No move with id 9999"_s);
}

TEST_F(OutcomesClientTest, AnUnopenableWorkspaceReportsAFailure)
{
    client = std::make_unique<OutcomesClient>(home.file(u"missing/dir/that/is/a/file"_s), clock, &storage);
    // A path under a regular file cannot be created.
    home.writeFile(u"missing"_s, "not a folder");
    QSignalSpy failed(client.get(), &OutcomesClient::failed);
    client->loadStats(7);
    ASSERT_TRUE(test::waitForSignal(failed));
    EXPECT_TRUE(failed.first().at(0).toString().startsWith(u"Cannot open the workspace for outcomes"_s))
        << failed.first().at(0).toString().toStdString();
}

TEST_F(OutcomesClientTest, TheWorkerGoesWhenTheThreadEndsFirst)
{
    client = std::make_unique<OutcomesClient>(home.databasePath(), clock, &storage);
    storage.quit();
    storage.wait();
    // The worker was deleted with the thread (its database connection closed there); the client notices
    // and drops calls instead of posting to a deleted object.
    EXPECT_FALSE(client->hasWorker());
    client->loadStats(7);
    client.reset();
}

} // namespace
