// MovesModel + MovesFilterProxy: rank order kept through live updates, incremental signals (no resets),
// QAbstractItemModelTester (fatal) on both models through every operation, filters and search.
#include "MovesModel.h"

#include "FakeClock.h"
#include "MovesFilterProxy.h"
#include "scoring/ApsCalculator.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFont>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <gtest/gtest.h>
#include <iostream>

using namespace Qt::StringLiterals;
using caseyos::MoveRow;
using caseyos::MovesFilterProxy;
using caseyos::MovesModel;
using caseyos::MoveStatus;

namespace {

const qint64 baseMs = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch();

MoveRow makeRow(qint64 id, double aps, qint64 dueOffsetMs = 0, MoveStatus status = MoveStatus::Pending)
{
    MoveRow row;
    row.id = id;
    row.title = u"Move %1"_s.arg(id);
    row.actionType = u"email_follow_up"_s;
    row.domain = u"sales"_s;
    row.source = u"form"_s;
    row.contactEmail = u"person%1@example.com"_s.arg(id);
    row.company = u"Company %1"_s.arg(id % 17);
    row.status = status;
    row.aps = aps;
    row.dueByMs = dueOffsetMs == 0 ? 0 : baseMs + dueOffsetMs;
    row.createdAtMs = baseMs - 3'600'000 + id;
    return row;
}

QList<qint64> modelIds(const MovesModel& model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.rowAt(row).id);
    return ids;
}

QList<qint64> proxyIds(const MovesFilterProxy& proxy)
{
    QList<qint64> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.moveIdAt(row));
    return ids;
}

// The model's order must be exactly ranksBefore, and every id must be found at its row.
void expectRanked(const MovesModel& model)
{
    for (int row = 1; row < model.rowCount(); ++row)
        ASSERT_TRUE(caseyos::ranksBefore(model.rowAt(row - 1), model.rowAt(row)))
            << "rows " << row - 1 << "," << row;
    for (int row = 0; row < model.rowCount(); ++row)
        ASSERT_EQ(model.rowOfMove(model.rowAt(row).id), row);
}

class MovesModelTest : public ::testing::Test
{
protected:
    MovesModelTest()
        : model(clock)
    {
        proxy.setMovesModel(&model);
        modelTester = std::make_unique<QAbstractItemModelTester>(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxyTester = std::make_unique<QAbstractItemModelTester>(
            &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    }

    caseyos::test::FakeClock clock;
    MovesModel model;
    MovesFilterProxy proxy;
    std::unique_ptr<QAbstractItemModelTester> modelTester;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;
};

TEST_F(MovesModelTest, SetRowsRanksByApsThenDueThenCreated)
{
    // Same APS 50: the one due sooner first, then the later due, then the one without a due date.
    model.setRows({ makeRow(1, 50.0), makeRow(2, 80.0), makeRow(3, 50.0, 7'200'000),
        makeRow(4, 50.0, 3'600'000), makeRow(5, 20.0) });
    EXPECT_EQ(modelIds(model), (QList<qint64> { 2, 4, 3, 1, 5 }));
    expectRanked(model);
    EXPECT_EQ(model.rowOfMove(99), -1);
}

TEST_F(MovesModelTest, UpsertInsertsAtRankedPositionWithoutReset)
{
    model.setRows({ makeRow(1, 90.0), makeRow(2, 70.0), makeRow(3, 30.0) });
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QPersistentModelIndex third(model.index(2, MovesModel::TitleColumn));

    model.upsertRows({ makeRow(4, 50.0) });

    ASSERT_EQ(inserted.count(), 1);
    EXPECT_EQ(inserted.at(0).at(1).toInt(), 2); // between 70 and 30
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(modelIds(model), (QList<qint64> { 1, 2, 4, 3 }));
    EXPECT_EQ(third.row(), 3); // the row that was third is now fourth
    EXPECT_EQ(model.data(third, MovesModel::MoveIdRole).toLongLong(), 3);
}

TEST_F(MovesModelTest, RankChangeMovesTheRowAndSelectionFollows)
{
    model.setRows({ makeRow(1, 90.0), makeRow(2, 70.0), makeRow(3, 50.0), makeRow(4, 30.0) });
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QPersistentModelIndex fourth(model.index(3, 0));

    MoveRow promoted = makeRow(4, 95.0);
    model.upsertRows({ promoted });
    EXPECT_EQ(modelIds(model), (QList<qint64> { 4, 1, 2, 3 }));
    EXPECT_EQ(moved.count(), 1);
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(fourth.row(), 0);
    EXPECT_DOUBLE_EQ(model.data(fourth, MovesModel::ApsRole).toDouble(), 95.0);

    // Demoted to the bottom.
    model.upsertRows({ makeRow(4, 10.0) });
    EXPECT_EQ(modelIds(model), (QList<qint64> { 1, 2, 3, 4 }));
    EXPECT_EQ(fourth.row(), 3);

    // Same rank, new title: an in-place change only.
    moved.clear();
    changed.clear();
    MoveRow renamed = makeRow(2, 70.0);
    renamed.title = u"Renamed"_s;
    model.upsertRows({ renamed });
    EXPECT_EQ(moved.count(), 0);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    EXPECT_EQ(model.index(1, MovesModel::TitleColumn).data().toString(), u"Renamed"_s);
    expectRanked(model);
}

TEST_F(MovesModelTest, RemoveMoveRemovesOneRow)
{
    model.setRows({ makeRow(1, 90.0), makeRow(2, 70.0), makeRow(3, 50.0) });
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    EXPECT_TRUE(model.removeMove(2));
    EXPECT_FALSE(model.removeMove(2));
    ASSERT_EQ(removed.count(), 1);
    EXPECT_EQ(removed.at(0).at(1).toInt(), 1);
    EXPECT_EQ(modelIds(model), (QList<qint64> { 1, 3 }));
    EXPECT_EQ(model.findMove(2), nullptr);
}

TEST_F(MovesModelTest, LargeBatchIsOneLayoutChangeKeepingPersistentIndexes)
{
    QList<MoveRow> initial;
    for (int i = 1; i <= 3000; ++i)
        initial.append(makeRow(i, (i * 37) % 10000 / 100.0));
    model.setRows(initial);
    const QPersistentModelIndex watched = model.indexOfMove(1234, MovesModel::TitleColumn);
    const QPersistentModelIndex watchedInProxy = proxy.indexOfMove(1500, MovesModel::ApsColumn);
    ASSERT_TRUE(watched.isValid());
    ASSERT_TRUE(watchedInProxy.isValid());

    // 5000 rows: 2000 updates with new scores (1234 among them) and 3000 new moves.
    QList<MoveRow> batch;
    for (int i = 1; i <= 2000; ++i)
        batch.append(makeRow(i, (i * 53) % 10000 / 100.0));
    for (int i = 3001; i <= 6000; ++i)
        batch.append(makeRow(i, (i * 71) % 10000 / 100.0));
    ASSERT_TRUE(MovesModel::isLargeBatch(batch.size(), model.rowCount()));

    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.upsertRows(batch);

    EXPECT_EQ(layout.count(), 1);
    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(inserted.count(), 1); // the 3000 new rows in one go
    EXPECT_EQ(model.rowCount(), 6000);
    expectRanked(model);
    ASSERT_TRUE(watched.isValid());
    EXPECT_EQ(model.data(watched, MovesModel::MoveIdRole).toLongLong(), 1234);
    EXPECT_DOUBLE_EQ(model.data(watched, MovesModel::ApsRole).toDouble(), (1234 * 53) % 10000 / 100.0);
    ASSERT_TRUE(watchedInProxy.isValid());
    EXPECT_EQ(proxy.data(watchedInProxy, MovesModel::MoveIdRole).toLongLong(), 1500);
    EXPECT_EQ(proxy.rowCount(), 6000);
}

// Random inserts, updates (new scores, due dates and statuses), removals and large batches: after every step
// the model is exactly in rank order, every id is found at its row, and Today lists exactly the pending rows.
void runRandomUpdates(
    MovesModel& model, const MovesFilterProxy& proxy, int rounds, int initialRows, bool largeBatches)
{
    QRandomGenerator random(42);
    QList<MoveRow> initial;
    for (int i = 1; i <= initialRows; ++i)
        initial.append(makeRow(i, random.bounded(100), random.bounded(5) * 3'600'000));
    model.setRows(initial);
    qint64 nextId = initialRows + 1;
    for (int round = 0; round < rounds; ++round) {
        const int kind = random.bounded(10);
        if (kind < 2 && model.rowCount() > 0) {
            model.removeMove(model.rowAt(random.bounded(model.rowCount())).id);
        } else {
            QList<MoveRow> batch;
            const int size = 1 + random.bounded(largeBatches && kind == 9 ? 1500 : 6);
            for (int i = 0; i < size; ++i) {
                const bool fresh = random.bounded(3) == 0 || model.rowCount() == 0;
                const qint64 id = fresh ? nextId++ : model.rowAt(random.bounded(model.rowCount())).id;
                const auto status = static_cast<MoveStatus>(random.bounded(6));
                batch.append(makeRow(id, random.bounded(100), random.bounded(5) * 3'600'000, status));
            }
            model.upsertRows(batch);
        }
        ASSERT_NO_FATAL_FAILURE(expectRanked(model)) << "round " << round;
        QList<qint64> pending;
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.rowAt(row).status == MoveStatus::Pending)
                pending.append(model.rowAt(row).id);
        ASSERT_EQ(proxyIds(proxy), pending) << "round " << round;
    }
}

TEST_F(MovesModelTest, RandomUpdatesPassTheModelTester)
{
    // The testers re-check the whole model on every signal, so this run stays small.
    runRandomUpdates(model, proxy, 150, 60, false);
}

TEST_F(MovesModelTest, RandomUpdatesWithLargeBatchesKeepOrderAndIndex)
{
    modelTester.reset();
    proxyTester.reset();
    runRandomUpdates(model, proxy, 400, 2000, true);
}

TEST_F(MovesModelTest, TodayViewHidesClosedAndFutureSnoozesButShowsExpiredOnes)
{
    MoveRow snoozedFuture = makeRow(3, 70.0, 0, MoveStatus::Snoozed);
    snoozedFuture.snoozedUntilMs = baseMs + 3'600'000;
    MoveRow snoozedPast = makeRow(4, 60.0, 0, MoveStatus::Snoozed);
    snoozedPast.snoozedUntilMs = baseMs - 60'000;
    model.setRows({ makeRow(1, 90.0), makeRow(2, 80.0, 0, MoveStatus::Completed), snoozedFuture, snoozedPast,
        makeRow(5, 50.0, 0, MoveStatus::Dismissed), makeRow(6, 40.0) });

    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 1, 4, 6 }));
    EXPECT_EQ(
        model.index(model.rowOfMove(4), 0).data(MovesModel::StatusRole).toInt(), int(MoveStatus::Pending));
    EXPECT_EQ(model.countEffective(MoveStatus::Pending), 3);

    proxy.setView(MovesFilterProxy::View::Snoozed);
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 3 }));
    proxy.setView(MovesFilterProxy::View::Completed);
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 2 }));
    proxy.setView(MovesFilterProxy::View::Dismissed);
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 5 }));
    proxy.setView(MovesFilterProxy::View::All);
    EXPECT_EQ(proxy.rowCount(), 6);

    // Time passes: the other snooze runs out and the move is back in Today.
    proxy.setView(MovesFilterProxy::View::Today);
    clock.advance(2 * 3600);
    proxy.refreshTime();
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 1, 3, 4, 6 }));
}

TEST_F(MovesModelTest, FiltersAndSearch)
{
    MoveRow a = makeRow(1, 90.0);
    a.title = u"Reply to Dana Lee (Acme) — asked for pricing"_s;
    a.company = u"Acme"_s;
    a.contactEmail = u"dana@acme.com"_s;
    a.source = u"gmail"_s;
    MoveRow b = makeRow(2, 80.0);
    b.title = u"Prep for the Globex demo"_s;
    b.actionType = u"meeting_prep"_s;
    b.company = u"Globex"_s;
    b.source = u"calendar"_s;
    b.domain = u"cs"_s;
    MoveRow c = makeRow(3, 70.0);
    c.title = u"Follow up with Initech"_s;
    c.company = u"Initech"_s;
    c.contactEmail = u"bill@initech.com"_s;
    c.domain = u"marketing"_s;
    model.setRows({ a, b, c });
    EXPECT_EQ(model.actionTypes(), (QStringList { u"email_follow_up"_s, u"meeting_prep"_s }));

    proxy.setSearchText(u"ACME"_s); // company, any case
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 1 }));
    proxy.setSearchText(u"bill@"_s); // contact
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 3 }));
    proxy.setSearchText(u"meeting_prep"_s); // action type
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 2 }));
    proxy.setSearchText(u"dana pricing"_s); // every word, anywhere
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 1 }));
    proxy.setSearchText(u"dana globex"_s);
    EXPECT_TRUE(proxyIds(proxy).isEmpty());
    proxy.setSearchText(QString());

    proxy.setDomain(u"cs"_s);
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 2 }));
    proxy.setDomain(QString());
    proxy.setActionType(u"email_follow_up"_s);
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 1, 3 }));
    proxy.setSource(u"form"_s);
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 3 }));
}

TEST_F(MovesModelTest, DisplayTooltipRankAndTopTen)
{
    QList<MoveRow> rows;
    for (int i = 1; i <= 12; ++i) {
        MoveRow row = makeRow(i, 100.0 - i);
        row.components = { 0.6, 0.9, 0.2, 0.5 };
        rows.append(row);
    }
    rows[0].status = MoveStatus::Completed;
    model.setRows(rows);

    // The tooltip explains the score with the calculator's reasoning.
    const QModelIndex aps = model.index(1, MovesModel::ApsColumn);
    const QString reasoning = caseyos::apsReasoning({ 0.6, 0.9, 0.2, 0.5 }, 0.0);
    EXPECT_FALSE(reasoning.isEmpty());
    EXPECT_TRUE(aps.data(Qt::ToolTipRole).toString().contains(reasoning));
    EXPECT_EQ(model.index(1, MovesModel::ActionColumn).data().toString(), u"Email follow up"_s);

    // Today hides the completed first move: its top ten starts at the second and only those ten are bold.
    EXPECT_EQ(proxy.moveIdAt(0), 2);
    EXPECT_TRUE(proxy.index(9, MovesModel::TitleColumn).data(Qt::FontRole).value<QFont>().bold());
    EXPECT_FALSE(proxy.index(10, MovesModel::TitleColumn).data(Qt::FontRole).value<QFont>().bold());
    EXPECT_TRUE(proxy.isTopRow(9));
    EXPECT_FALSE(proxy.isTopRow(10));
    proxy.setView(MovesFilterProxy::View::All);
    EXPECT_FALSE(proxy.isTopRow(0)); // prominence belongs to Today
}

TEST_F(MovesModelTest, HeaderSortAndBackToRankOrder)
{
    model.setRows({ makeRow(1, 90.0, 7'200'000), makeRow(2, 70.0, 3'600'000), makeRow(3, 50.0) });
    proxy.sort(MovesModel::ApsColumn, Qt::AscendingOrder);
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 3, 2, 1 }));
    proxy.sort(MovesModel::DueColumn, Qt::AscendingOrder); // no due date last
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 2, 1, 3 }));
    EXPECT_FALSE(proxy.isTopRow(0));
    proxy.sort(-1);
    EXPECT_EQ(proxyIds(proxy), (QList<qint64> { 1, 2, 3 }));
}

TEST_F(MovesModelTest, TwoHundredThousandRowsStayIncremental)
{
    // Scale check: 200 000 rows load, a single update and a 5000-row import batch keep order and indexes.
    // The timings are printed for the record, not asserted.
    modelTester.reset(); // the tester's own checks are O(n) per signal; the behaviour is covered above
    proxyTester.reset();
    QList<MoveRow> rows;
    rows.reserve(200'000);
    for (int i = 1; i <= 200'000; ++i)
        rows.append(makeRow(i, (i * 7919) % 10000 / 100.0, (i % 48) * 3'600'000));
    std::sort(rows.begin(), rows.end(),
        [](const MoveRow& a, const MoveRow& b) { return caseyos::ranksBefore(a, b); });
    // (The storage sends rows in rank order, as here.)
    QElapsedTimer timer;
    timer.start();
    model.setRows(rows);
    const qint64 loadMs = timer.elapsed();
    ASSERT_EQ(model.rowCount(), 200'000);
    ASSERT_EQ(proxy.rowCount(), 200'000);

    const QPersistentModelIndex watched = proxy.indexOfMove(777, MovesModel::TitleColumn);
    timer.restart();
    model.upsertRows({ makeRow(777, 99.99, 60'000) });
    const qint64 oneMs = timer.elapsed();
    EXPECT_EQ(proxy.moveIdAt(0), 777);
    EXPECT_EQ(watched.row(), 0);

    QList<MoveRow> batch;
    for (int i = 200'001; i <= 205'000; ++i)
        batch.append(makeRow(i, (i * 31) % 10000 / 100.0));
    timer.restart();
    model.upsertRows(batch);
    const qint64 batchMs = timer.elapsed();
    EXPECT_EQ(proxy.rowCount(), 205'000);
    EXPECT_EQ(watched.row(), 0);

    timer.restart();
    proxy.setSearchText(u"company 3"_s);
    const qint64 searchMs = timer.elapsed();
    EXPECT_GT(proxy.rowCount(), 0);
    EXPECT_LT(proxy.rowCount(), 205'000);
    ASSERT_NO_FATAL_FAILURE(expectRanked(model));
    std::cout << "[ figures ] 200k setRows+filter " << loadMs << " ms; one re-ranked update " << oneMs
              << " ms; 5000-row batch " << batchMs << " ms; search over 205k " << searchMs << " ms\n";
}

} // namespace

namespace {

// What the proxy must show, computed the slow way: every model row through the filter, then sorted.
QList<qint64> expectedProxyIds(const MovesModel& model, const MovesFilterProxy& proxy, int column, Qt::SortOrder order)
{
    std::vector<const MoveRow*> rows;
    for (int row = 0; row < model.rowCount(); ++row)
        if (proxy.acceptsMove(model.rowAt(row)))
            rows.push_back(&model.rowAt(row));
    std::sort(rows.begin(), rows.end(), [&](const MoveRow* a, const MoveRow* b) {
        if (column == MovesModel::ApsColumn && a->aps != b->aps)
            return order == Qt::AscendingOrder ? a->aps < b->aps : a->aps > b->aps;
        if (column == MovesModel::RankColumn && order == Qt::DescendingOrder)
            return caseyos::ranksBefore(*b, *a);
        return caseyos::ranksBefore(*a, *b);
    });
    QList<qint64> ids;
    for (const MoveRow* row : rows)
        ids.append(row->id);
    return ids;
}

} // namespace

// The proxy keeps its own order and applies changes incrementally (row by row, or merged as one layout change).
// Random batches of every kind — new rows, re-ranked rows, status changes in and out of the view, removals,
// small and large — under each view and sort order must leave exactly the list a full filter + sort gives, with
// the watched move's persistent index still on it.
TEST_F(MovesModelTest, IncrementalListMatchesAFullRefilterThroughRandomBatches)
{
    // The model sends batches of 1 000 rows and more as one insertion plus one layout change, smaller ones row by
    // row; both paths must be taken here, so the batches are big and the testers' O(n) checks per signal are off
    // (the tests above run them through both paths).
    modelTester.reset();
    proxyTester.reset();
    QRandomGenerator random(20261202);
    const QList<QPair<int, Qt::SortOrder>> orders { { -1, Qt::AscendingOrder },
        { MovesModel::ApsColumn, Qt::DescendingOrder }, { MovesModel::ApsColumn, Qt::AscendingOrder },
        { MovesModel::RankColumn, Qt::DescendingOrder } };
    const QList<MovesFilterProxy::View> views { MovesFilterProxy::View::Today, MovesFilterProxy::View::All,
        MovesFilterProxy::View::Completed };
    qint64 nextId = 1;
    auto randomRow = [&](qint64 id) {
        const MoveStatus status = random.bounded(4) == 0 ? MoveStatus::Completed : MoveStatus::Pending;
        return makeRow(id, random.bounded(100), random.bounded(3) == 0 ? 0 : random.bounded(48) * 3'600'000, status);
    };
    QList<MoveRow> initial;
    for (; nextId <= 3000; ++nextId)
        initial.append(randomRow(nextId));
    model.setRows(initial);

    for (int round = 0; round < 36; ++round) {
        const auto [column, order] = orders[round % orders.size()];
        proxy.setView(views[(round / orders.size()) % views.size()]);
        proxy.sort(column, order);
        ASSERT_GT(model.rowCount(), 0);
        const qint64 watchedId = proxy.rowCount() > 0 ? proxy.moveIdAt(int(random.bounded(proxy.rowCount()))) : 0;
        const QPersistentModelIndex watched = proxy.indexOfMove(watchedId, MovesModel::TitleColumn);

        // A batch: 1–40 rows (row by row) or 1 000–1 500 (one layout change), new and existing ids mixed.
        const int size = random.bounded(2) == 0 ? 1 + int(random.bounded(40)) : 1000 + int(random.bounded(500));
        ASSERT_EQ(MovesModel::isLargeBatch(size, model.rowCount()), size >= 1000);
        QList<MoveRow> batch;
        for (int i = 0; i < size; ++i) {
            const bool fresh = random.bounded(2) == 0;
            const qint64 id = fresh ? nextId++ : model.rowAt(int(random.bounded(model.rowCount()))).id;
            batch.append(randomRow(id));
        }
        model.upsertRows(batch);
        if (random.bounded(3) == 0)
            model.removeMove(model.rowAt(int(random.bounded(model.rowCount()))).id);

        ASSERT_EQ(proxyIds(proxy), expectedProxyIds(model, proxy, column, order)) << "round " << round;
        if (watchedId != 0 && proxy.indexOfMove(watchedId).isValid())
            EXPECT_EQ(watched.row(), proxy.indexOfMove(watchedId).row()) << "round " << round;
        else if (watchedId != 0)
            EXPECT_FALSE(watched.isValid()) << "round " << round << ": the watched move left the list";
    }
}
