// WorkspaceClient drives the worker on the "storage" thread; results come back as queued signals.
#include "workspace/WorkspaceClient.h"

#include "FakeClock.h"
#include "IntegrationSupport.h"
#include "TempHome.h"
#include "WaitFor.h"

#include <QSignalSpy>
#include <QThread>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

QList<MoveRow> rowsOf(const QSignalSpy& spy, int index)
{
    return spy.at(index).at(0).value<QList<MoveRow>>();
}

QByteArray leads(int count, const QString& prefix)
{
    QByteArray data;
    for (int i = 0; i < count; ++i)
        data += formLine(u"%1%2@example.com"_s.arg(prefix).arg(i), u"%1-%2"_s.arg(prefix).arg(i));
    return data;
}

} // namespace

TEST(WorkspaceClient, OpenLoadActImportAndUndo)
{
    TempHome home;
    FakeClock clock(QDateTime::currentDateTimeUtc());
    // Two moves exist before the window opens.
    ASSERT_EQ(
        runCli(home.path(), { u"ingest"_s, home.writeFile(u"seed.jsonl"_s, leads(2, u"seed"_s)) }).exitCode,
        0);

    WorkspaceClient client(home.databasePath(), clock);
    QSignalSpy opened(&client, &WorkspaceClient::opened);
    QSignalSpy loaded(&client, &WorkspaceClient::movesLoaded);
    QSignalSpy changed(&client, &WorkspaceClient::moveChanged);
    QSignalSpy rows(&client, &WorkspaceClient::rowsChanged);
    QSignalSpy removed(&client, &WorkspaceClient::rowRemoved);
    QSignalSpy failed(&client, &WorkspaceClient::actionFailed);
    QSignalSpy progress(&client, &WorkspaceClient::importProgress);
    QSignalSpy finished(&client, &WorkspaceClient::importFinished);
    QSignalSpy detail(&client, &WorkspaceClient::detailLoaded);

    client.open();
    ASSERT_TRUE(waitForSignal(opened));
    EXPECT_TRUE(opened.at(0).at(0).toBool()) << opened.at(0).at(1).toString().toStdString();
    ASSERT_TRUE(waitForSignal(loaded));
    const QList<MoveRow> initial = loaded.at(0).at(0).value<QList<MoveRow>>();
    ASSERT_EQ(initial.size(), 2);
    EXPECT_EQ(initial.first().source, u"form"_s);
    const qint64 id = initial.first().id;

    client.applyAction(id, MoveAction::Accept);
    ASSERT_TRUE(waitForSignal(rows));
    ASSERT_EQ(changed.size(), 1);
    const MoveChange change = changed.at(0).at(0).value<MoveChange>();
    EXPECT_EQ(change.before.status, MoveStatus::Pending);
    EXPECT_EQ(change.after.status, MoveStatus::Completed);
    ASSERT_EQ(rowsOf(rows, 0).size(), 1);
    EXPECT_EQ(rowsOf(rows, 0).first().id, id);
    EXPECT_EQ(rowsOf(rows, 0).first().status, MoveStatus::Completed);

    // Undo by restoring the snapshot from before.
    client.restoreMove(change.before);
    ASSERT_TRUE(waitForSignal(rows, 2));
    EXPECT_EQ(rowsOf(rows, 1).first().status, MoveStatus::Pending);

    client.applyAction(id, MoveAction::Accept);
    client.applyAction(id, MoveAction::Accept); // illegal the second time
    ASSERT_TRUE(waitForSignal(failed));
    EXPECT_EQ(failed.at(0).at(0).toString(), u"Move %1 is already completed"_s.arg(id));

    client.loadDetail(id);
    ASSERT_TRUE(waitForSignal(detail));
    const MoveDetail shown = detail.at(0).at(0).value<MoveDetail>();
    EXPECT_EQ(shown.move.id, id);
    ASSERT_TRUE(shown.signal.has_value());
    EXPECT_EQ(shown.signal->source, u"form"_s);
    EXPECT_EQ(shown.history.last().type, u"move_viewed"_s);

    // Import a small file: the new rows arrive, then the report.
    const int rowsBefore = int(rows.size());
    client.importFiles({ home.writeFile(u"new.jsonl"_s, leads(3, u"new"_s) + "broken\n") });
    ASSERT_TRUE(waitForSignal(finished, 1, 15000));
    const IngestReport report = finished.at(0).at(0).value<IngestReport>();
    EXPECT_EQ(report.read, 4);
    EXPECT_EQ(report.ingested, 3);
    EXPECT_EQ(report.invalid, 1);
    EXPECT_EQ(report.movesCreated, 3);
    EXPECT_GE(progress.size(), 1);
    QList<MoveRow> imported;
    for (int i = rowsBefore; i < rows.size(); ++i)
        imported += rowsOf(rows, i);
    EXPECT_EQ(imported.size(), 3);

    const qint64 newId = imported.first().id;
    client.deleteMove(newId);
    ASSERT_TRUE(waitForSignal(removed));
    EXPECT_EQ(removed.at(0).at(0).toLongLong(), newId);

    client.reloadMoves();
    ASSERT_TRUE(waitForSignal(loaded, 2));
    EXPECT_EQ(loaded.at(1).at(0).value<QList<MoveRow>>().size(), 4);
}

TEST(WorkspaceClient, ActionsInterleaveWithALargeImport)
{
    TempHome home;
    FakeClock clock(QDateTime::currentDateTimeUtc());
    ASSERT_EQ(
        runCli(home.path(), { u"ingest"_s, home.writeFile(u"seed.jsonl"_s, leads(1, u"seed"_s)) }).exitCode,
        0);
    WorkspaceClient client(home.databasePath(), clock);
    QSignalSpy loaded(&client, &WorkspaceClient::movesLoaded);
    QSignalSpy changed(&client, &WorkspaceClient::moveChanged);
    QSignalSpy rows(&client, &WorkspaceClient::rowsChanged);
    QSignalSpy progress(&client, &WorkspaceClient::importProgress);
    QSignalSpy finished(&client, &WorkspaceClient::importFinished);
    client.open();
    ASSERT_TRUE(waitForSignal(loaded));
    const qint64 id = loaded.at(0).at(0).value<QList<MoveRow>>().first().id;

    // Track the order in which results arrive.
    QStringList order;
    QObject::connect(&client, &WorkspaceClient::moveChanged, &client, [&] { order << u"changed"_s; });
    QObject::connect(&client, &WorkspaceClient::importFinished, &client, [&] { order << u"finished"_s; });

    client.importFiles({ home.writeFile(u"big.jsonl"_s, leads(12000, u"big"_s)) });
    client.applyAction(id, MoveAction::Dismiss, u"busy"_s);
    ASSERT_TRUE(waitForSignal(finished, 1, 60000));
    EXPECT_EQ(order, (QStringList { u"changed"_s, u"finished"_s }));
    EXPECT_EQ(finished.at(0).at(0).value<IngestReport>().ingested, 12000);
    // 12 000 signals in batches of 5 000: progress after each, and the new rows of each batch in one list.
    EXPECT_EQ(progress.size(), 3);
    int importedRows = 0;
    for (int i = 0; i < rows.size(); ++i)
        for (const MoveRow& row : rowsOf(rows, i))
            importedRows += row.id != id ? 1 : 0;
    EXPECT_EQ(importedRows, 12000);
    const auto last = progress.last();
    EXPECT_EQ(last.at(0).toLongLong(), last.at(1).toLongLong()); // all bytes done
}

TEST(WorkspaceClient, CancelStopsAfterTheCurrentBatch)
{
    TempHome home;
    FakeClock clock(QDateTime::currentDateTimeUtc());
    WorkspaceClient client(home.databasePath(), clock);
    QSignalSpy opened(&client, &WorkspaceClient::opened);
    QSignalSpy progress(&client, &WorkspaceClient::importProgress);
    QSignalSpy finished(&client, &WorkspaceClient::importFinished);
    client.open();
    ASSERT_TRUE(waitForSignal(opened));
    client.importFiles({ home.writeFile(u"big.jsonl"_s, leads(40000, u"c"_s)) });
    ASSERT_TRUE(waitForSignal(progress, 1, 60000));
    client.cancelImport();
    ASSERT_TRUE(waitForSignal(finished, 1, 60000));
    const IngestReport report = finished.at(0).at(0).value<IngestReport>();
    EXPECT_LT(report.ingested, 40000);
    EXPECT_EQ(report.ingested % 5000, 0) << "only whole batches are written";
    DbProbe db(home.databasePath());
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals"_s), report.ingested);
}

TEST(WorkspaceClient, OpenFailureIsReported)
{
    TempHome home;
    const QString path = home.writeFile(u"caseyos.db"_s, QByteArray("garbage").repeated(1000));
    FakeClock clock;
    WorkspaceClient client(path, clock);
    QSignalSpy opened(&client, &WorkspaceClient::opened);
    QSignalSpy failed(&client, &WorkspaceClient::actionFailed);
    client.open();
    ASSERT_TRUE(waitForSignal(opened));
    EXPECT_FALSE(opened.at(0).at(0).toBool());
    EXPECT_TRUE(opened.at(0).at(1).toString().contains(u"not a CaseyOS database"_s));
    client.applyAction(1, MoveAction::Accept);
    ASSERT_TRUE(waitForSignal(failed));
    EXPECT_EQ(failed.at(0).at(0).toString(), u"The workspace is not open"_s);
}

TEST(WorkspaceClient, DestroyingTheClientFinishesPendingWork)
{
    TempHome home;
    ASSERT_EQ(
        runCli(home.path(), { u"ingest"_s, home.writeFile(u"seed.jsonl"_s, leads(1, u"s"_s)) }).exitCode, 0);
    FakeClock clock(QDateTime::currentDateTimeUtc());
    qint64 id = 0;
    {
        DbProbe db(home.databasePath());
        id = db.count(u"SELECT id FROM moves"_s);
    }
    {
        WorkspaceClient client(home.databasePath(), clock);
        client.open();
        client.applyAction(id, MoveAction::Complete);
        // Destroyed at once: the queued action must still run before the thread stops.
    }
    DbProbe db(home.databasePath());
    EXPECT_EQ(db.value(u"SELECT status FROM moves WHERE id = %1"_s.arg(id)).toString(), u"completed"_s);
}
