// IngestPipeline and importSignalFile in-process: batching, duplicates, storage failure, cancel, demo data.
#include "signals/IngestPipeline.h"

#include "FakeClock.h"
#include "IntegrationSupport.h"
#include "TempHome.h"
#include "core/DedupeKey.h"
#include "outcomes/OutcomeService.h"
#include "signals/SignalImporter.h"
#include "signals/SignalParser.h"
#include "storage/Database.h"
#include "workspace/DemoWorkspace.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>
#include <gtest/gtest.h>
#include <tuple>
#include <variant>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

qint64 scalarInt(Database& db, const QString& sql)
{
    QSqlQuery q(db.sql());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

Signal parse(const QByteArray& line, const Clock& clock)
{
    auto parsed = signalFromJson(QJsonDocument::fromJson(line).object(), clock.now());
    EXPECT_TRUE(std::holds_alternative<Signal>(parsed));
    return std::holds_alternative<Signal>(parsed) ? std::get<Signal>(parsed) : Signal {};
}

} // namespace

TEST(IngestPipeline, DuplicatesWithinAndAcrossBatchesAreCountedNotStored)
{
    TempHome home;
    FakeClock clock;
    Database db;
    ASSERT_TRUE(db.open(home.databasePath(), nullptr));
    IngestPipeline pipeline(db, clock, {}, 3);
    // a b a | c b d | e  → 5 distinct, 2 duplicates (one inside the first batch, one across batches).
    for (const char* id : { "a", "b", "a", "c", "b", "d", "e" })
        ASSERT_TRUE(pipeline.add(parse(formLine(u"x@example.com"_s, QString::fromLatin1(id)), clock)));
    ASSERT_TRUE(pipeline.flush());
    EXPECT_EQ(pipeline.report().ingested, 5);
    EXPECT_EQ(pipeline.report().duplicates, 2);
    EXPECT_EQ(pipeline.report().movesCreated, 5);
    EXPECT_EQ(pipeline.createdMoveIds().size(), 5);
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM signals"_s), 5);
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM moves"_s), 5);
    for (qint64 id : pipeline.createdMoveIds())
        EXPECT_EQ(
            scalarInt(db, u"SELECT COUNT(*) FROM moves WHERE id = %1 AND signal_id IS NOT NULL"_s.arg(id)), 1);
}

TEST(IngestPipeline, SignalsWithoutSourceIdDedupeByPayload)
{
    TempHome home;
    FakeClock clock;
    Database db;
    ASSERT_TRUE(db.open(home.databasePath(), nullptr));
    IngestPipeline pipeline(db, clock);
    const QByteArray a
        = R"({"source":"form","event_type":"form_submitted","payload":{"email":"a@x.io","n":1}})";
    const QByteArray sameKeysReordered
        = R"({"payload":{"n":1,"email":"a@x.io"},"event_type":"form_submitted","source":"form"})";
    const QByteArray other
        = R"({"source":"form","event_type":"form_submitted","payload":{"email":"a@x.io","n":2}})";
    ASSERT_TRUE(pipeline.add(parse(a, clock)));
    ASSERT_TRUE(pipeline.add(parse(sameKeysReordered, clock)));
    ASSERT_TRUE(pipeline.add(parse(other, clock)));
    ASSERT_TRUE(pipeline.flush());
    EXPECT_EQ(pipeline.report().ingested, 2);
    EXPECT_EQ(pipeline.report().duplicates, 1);
}

TEST(IngestPipeline, StorageFailureStopsAndKeepsEarlierBatches)
{
    TempHome home;
    FakeClock clock;
    Database db;
    ASSERT_TRUE(db.open(home.databasePath(), nullptr));
    IngestPipeline pipeline(db, clock, {}, 2);
    ASSERT_TRUE(pipeline.add(parse(formLine(u"a@example.com"_s, u"1"_s), clock)));
    ASSERT_TRUE(pipeline.add(parse(formLine(u"b@example.com"_s, u"2"_s), clock))); // batch 1 written
    // From here on the database refuses writes, as a read-only file or a full disk would.
    ASSERT_TRUE(db.exec(u"PRAGMA query_only = ON"_s));
    EXPECT_TRUE(pipeline.add(parse(formLine(u"c@example.com"_s, u"3"_s), clock)));
    EXPECT_FALSE(pipeline.add(parse(formLine(u"d@example.com"_s, u"4"_s), clock))); // batch 2 fails
    EXPECT_FALSE(pipeline.add(parse(formLine(u"e@example.com"_s, u"5"_s), clock)));
    EXPECT_FALSE(pipeline.flush());
    const IngestReport& report = pipeline.report();
    EXPECT_TRUE(report.fatalError.contains(u"Cannot write to the database"_s))
        << report.fatalError.toStdString();
    EXPECT_TRUE(report.fatalError.contains(u"readonly"_s) || report.fatalError.contains(u"read-only"_s)
        || report.fatalError.contains(u"query_only"_s))
        << report.fatalError.toStdString();
    EXPECT_EQ(report.ingested, 2);
    EXPECT_EQ(report.movesCreated, 2);
    ASSERT_TRUE(db.exec(u"PRAGMA query_only = OFF"_s));
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM signals"_s), 2);
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM moves"_s), 2);
}

TEST(SignalImporter, ProgressCanCancelBetweenBatches)
{
    TempHome home;
    FakeClock clock;
    Database db;
    ASSERT_TRUE(db.open(home.databasePath(), nullptr));
    QByteArray data;
    for (int i = 0; i < 10; ++i)
        data += formLine(u"l%1@example.com"_s.arg(i), u"p-%1"_s.arg(i));
    const QString file = home.writeFile(u"ten.jsonl"_s, data);
    ImportOptions options;
    options.batchSize = 4;
    int calls = 0;
    options.progress = [&](qint64 done, qint64 total) {
        EXPECT_LE(done, total);
        EXPECT_EQ(total, data.size());
        return ++calls < 1; // cancel after the first batch
    };
    QList<qint64> created;
    const IngestReport report = importSignalFile(file, db, clock, options, &created);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(report.ingested, 4);
    EXPECT_EQ(created.size(), 4);
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM signals"_s), 4);

    // Running it again completes the import without duplicating the first batch.
    const IngestReport rest = importSignalFile(file, db, clock);
    EXPECT_EQ(rest.read, 10);
    EXPECT_EQ(rest.duplicates, 4);
    EXPECT_EQ(rest.ingested, 6);
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM moves"_s), 10);
}

TEST(SignalImporter, UnreadableFileIsAFatalError)
{
    TempHome home;
    FakeClock clock;
    Database db;
    ASSERT_TRUE(db.open(home.databasePath(), nullptr));
    const IngestReport missing = importSignalFile(home.file(u"nope.jsonl"_s), db, clock);
    EXPECT_TRUE(missing.fatalError.contains(u"nope.jsonl"_s)) << missing.fatalError.toStdString();
    const IngestReport folder = importSignalFile(home.path(), db, clock);
    EXPECT_TRUE(folder.fatalError.contains(u"folder"_s)) << folder.fatalError.toStdString();
}

TEST(DemoWorkspace, CreatedOnceWithTimesShiftedToNow)
{
    TempHome home;
    FakeClock clock(QDateTime(QDate(2031, 3, 4), QTime(12, 0), Qt::UTC));
    QString error;
    const QString path = ensureDemoWorkspace(home.path(), clock, &error);
    ASSERT_FALSE(path.isEmpty()) << error.toStdString();
    EXPECT_EQ(path, home.file(u"demo/caseyos.db"_s));
    Database db;
    ASSERT_TRUE(db.open(path, nullptr));
    const qint64 signalCount = scalarInt(db, u"SELECT COUNT(*) FROM signals"_s);
    EXPECT_GT(signalCount, 100);
    EXPECT_GT(scalarInt(db, u"SELECT COUNT(*) FROM moves WHERE status = 'pending'"_s), 100);
    EXPECT_EQ(scalarInt(db, u"SELECT MAX(occurred_at) FROM signals"_s),
        clock.now().addSecs(-3600).toMSecsSinceEpoch());
    // Payload times move with the signals: no meeting starts years before its booking.
    EXPECT_EQ(scalarInt(db,
                  u"SELECT COUNT(*) FROM signals WHERE source = 'calendar' AND event_type = "
                  "'meeting_scheduled' AND json_extract(payload, '$.start') < '2031'"_s),
        0);

    clock.advance(86400);
    const QString again = ensureDemoWorkspace(home.path(), clock, &error);
    EXPECT_EQ(again, path);
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM signals"_s), signalCount);
}

// A new move starts with its contact's outcome adjustment (PRODUCT.md §2), not 0 until the next outcome.
TEST(IngestPipeline, NewMovesStartWithTheirContactsOutcomeAdjustment)
{
    TempHome home;
    FakeClock clock;
    Database db;
    ASSERT_TRUE(db.open(home.databasePath(), nullptr));
    const QDateTime start = clock.now();
    // email_replied +8 recorded 22.5 days before the import (w = 1 − 22.5/30 = 0.25) and negative_response
    // −5 recorded 7.5 days before it (w = 0.75): (8·0.25 − 5·0.75) / (0.25 + 0.75) = −1.75.
    OutcomeInput replied;
    replied.type = OutcomeType::EmailReplied;
    replied.contactEmail = u"Ada@Example.com"_s;
    ASSERT_TRUE(OutcomeService(db, clock).record(replied).ok());
    clock.set(start.addSecs(15 * 86'400));
    OutcomeInput negative;
    negative.type = OutcomeType::NegativeResponse;
    negative.contactEmail = u"ada@example.com"_s;
    ASSERT_TRUE(OutcomeService(db, clock).record(negative).ok());
    clock.set(start.addSecs(qint64(22.5 * 86'400)));

    IngestPipeline pipeline(db, clock);
    ASSERT_TRUE(pipeline.add(parse(formLine(u"ada@example.com"_s, u"f-ada"_s), clock)));
    ASSERT_TRUE(pipeline.add(parse(formLine(u"bob@example.com"_s, u"f-bob"_s), clock)));
    ASSERT_TRUE(pipeline.flush());
    ASSERT_EQ(pipeline.report().movesCreated, 2);

    auto adjustmentOf = [&](const QString& email) {
        QSqlQuery q(db.sql());
        q.prepare(u"SELECT outcome_adjustment, aps, reasoning FROM moves WHERE contact_email = ?"_s);
        q.addBindValue(email);
        EXPECT_TRUE(q.exec() && q.next()) << email.toStdString();
        return std::tuple { q.value(0).toDouble(), q.value(1).toDouble(), q.value(2).toString() };
    };
    const auto [adaAdjustment, adaAps, adaReasoning] = adjustmentOf(u"ada@example.com"_s);
    const auto [bobAdjustment, bobAps, bobReasoning] = adjustmentOf(u"bob@example.com"_s);
    EXPECT_NEAR(adaAdjustment, -1.75, 1e-9);
    EXPECT_EQ(bobAdjustment, 0.0); // no outcomes: untouched
    // Same form, same components: the only difference in score is the adjustment.
    EXPECT_NEAR(adaAps, bobAps - 1.75, 0.011);
    EXPECT_TRUE(adaReasoning.contains(u"Outcome \u2212"_s)) << adaReasoning.toStdString(); // shown as negative
    EXPECT_FALSE(bobReasoning.contains(u"Outcome"_s)) << bobReasoning.toStdString();
}

// A connector saves its cursor with the signals it read: both commit, or neither does.
TEST(IngestPipeline, FlushWithAStepCommitsItWithTheSignalsOrNeither)
{
    TempHome home;
    FakeClock clock;
    Database db;
    ASSERT_TRUE(db.open(home.databasePath(), nullptr));
    ASSERT_TRUE(db.exec(u"CREATE TABLE test_cursor (value TEXT NOT NULL)"_s));
    auto saveCursor = [](const QString& value) {
        return [value](Database& inTransaction, QString* error) {
            return inTransaction.exec(u"INSERT INTO test_cursor (value) VALUES ('%1')"_s.arg(value), error);
        };
    };
    IngestPipeline pipeline(db, clock);
    ASSERT_TRUE(pipeline.add(parse(formLine(u"a@example.com"_s, u"1"_s), clock)));
    ASSERT_TRUE(pipeline.flush(saveCursor(u"page-1"_s)));
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM signals"_s), 1);
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM test_cursor"_s), 1);

    // Nothing buffered: the step still runs in a transaction of its own.
    ASSERT_TRUE(pipeline.flush(saveCursor(u"page-2"_s)));
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM test_cursor"_s), 2);

    // A failing step takes the batch's signals and moves with it.
    ASSERT_TRUE(pipeline.add(parse(formLine(u"b@example.com"_s, u"2"_s), clock)));
    EXPECT_FALSE(pipeline.flush([](Database&, QString* error) {
        *error = u"cursor refused"_s;
        return false;
    }));
    EXPECT_TRUE(pipeline.report().fatalError.contains(u"cursor refused"_s)) << pipeline.report().fatalError.toStdString();
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM signals"_s), 1);
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM moves"_s), 1);
    EXPECT_EQ(scalarInt(db, u"SELECT COUNT(*) FROM test_cursor"_s), 2);
}
