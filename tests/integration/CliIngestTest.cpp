// `caseyos ingest` through the real binary on real SQLite files: counts, exit codes, broken input,
// idempotence.
#include "IntegrationSupport.h"
#include "TempHome.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::test;

namespace {

QList<int> errorLines(const QJsonObject& report)
{
    QList<int> lines;
    for (const QJsonValue& e : report.value(u"errors"_s).toArray())
        lines << e.toObject().value(u"line"_s).toInt();
    return lines;
}

QString errorMessage(const QJsonObject& report, int line)
{
    for (const QJsonValue& e : report.value(u"errors"_s).toArray())
        if (e.toObject().value(u"line"_s).toInt() == line)
            return e.toObject().value(u"message"_s).toString();
    return {};
}

// 8 form leads (8 moves), 2 tasks (2 moves), 2 ignored contacts: 12 lines, 10 moves, 2 ignored.
QByteArray validFile()
{
    QByteArray data;
    for (int i = 0; i < 8; ++i)
        data += formLine(u"lead%1@example.com"_s.arg(i), u"form-%1"_s.arg(i));
    data += taskLine(u"Send the proposal"_s, 0.9, 0.8, 0.3, 0.7, u"2030-01-01T10:00:00Z"_s, u"task-1"_s);
    data += taskLine(u"Update the CRM"_s, 0.3, 0.4, 0.3, 0.6, u"2030-01-02T10:00:00Z"_s, u"task-2"_s);
    data += ignoredLine(u"contact-1"_s);
    data += ignoredLine(u"contact-2"_s);
    return data;
}

} // namespace

TEST(CliIngest, ValidFileStoresEverySignalAndItsMove)
{
    TempHome home;
    const QString file = home.writeFile(u"signals.jsonl"_s, validFile());
    const CliRun run = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    ASSERT_TRUE(run.finished) << run.errText().toStdString();
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    const QJsonObject report = run.json();
    EXPECT_EQ(report.value(u"read"_s).toInt(), 12);
    EXPECT_EQ(report.value(u"ingested"_s).toInt(), 12);
    EXPECT_EQ(report.value(u"duplicates"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"invalid"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"moves_created"_s).toInt(), 10);
    EXPECT_TRUE(report.value(u"errors"_s).toArray().isEmpty());

    DbProbe db(home.databasePath());
    ASSERT_TRUE(db.isOpen());
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals"_s), 12);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals WHERE state = 'processed'"_s), 10);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals WHERE state = 'ignored' AND error <> ''"_s), 2);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM moves"_s), 10);
    // Both directions of the signal ↔ move link are set, and the move carries the signal's source.
    EXPECT_EQ(
        db.count(u"SELECT COUNT(*) FROM signals s JOIN moves m ON m.id = s.move_id AND m.signal_id = s.id "
                 "AND m.source = s.source"_s),
        10);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM move_events WHERE type = 'move_created'"_s), 10);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals WHERE length(dedupe_key) = 64"_s), 12);
}

TEST(CliIngest, HumanOutputSummarisesTheCounts)
{
    TempHome home;
    const QString file = home.writeFile(u"signals.jsonl"_s, validFile() + "not json\n");
    const CliRun run = runCli(home.path(), { u"ingest"_s, file });
    EXPECT_EQ(run.exitCode, 2);
    const QString text = run.outText();
    EXPECT_TRUE(text.contains(u"13 read, 12 ingested, 0 duplicates, 1 invalid; 10 moves created"_s))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"line 13:"_s)) << text.toStdString();
}

TEST(CliIngest, MixedFileKeepsValidLinesAndReportsEachInvalidOne)
{
    TempHome home;
    QByteArray data;
    data += formLine(u"a@example.com"_s, u"f-1"_s); // 1 valid
    data += "this is not json\n"; // 2
    data += "[1, 2, 3]\n"; // 3 not an object
    data += R"({"source":"fax","event_type":"x"})"
            "\n"; // 4 unknown source
    data += "\n"; // blank: skipped, not counted
    data += R"({"source":"form","payload":{}})"
            "\n"; // 6 no event_type
    data += R"({"source":"form","event_type":"form_submitted","payload":"text"})"
            "\n"; // 7 payload not object
    data += R"({"source":"form","event_type":"form_submitted","source_id":42})"
            "\n"; // 8 source_id number
    data += R"({"source":"form","event_type":"form_submitted","occurred_at":"yesterday"})"
            "\n"; // 9 bad time
    data += formLine(u"b@example.com"_s, u"f-2"_s); // 10 valid
    data += R"({"source":"gmail","event_type":"reply_received"})"
            "\n"; // 11 valid, ignored (needs thread)
    const QString file = home.writeFile(u"mixed.jsonl"_s, data);

    const CliRun run = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 2);
    const QJsonObject report = run.json();
    EXPECT_EQ(report.value(u"read"_s).toInt(), 10); // non-blank lines
    EXPECT_EQ(report.value(u"invalid"_s).toInt(), 7);
    EXPECT_EQ(report.value(u"ingested"_s).toInt(), 3);
    EXPECT_EQ(report.value(u"moves_created"_s).toInt(), 2);
    EXPECT_EQ(errorLines(report), (QList<int> { 2, 3, 4, 6, 7, 8, 9 }));
    for (int line : errorLines(report))
        EXPECT_FALSE(errorMessage(report, line).isEmpty()) << "line " << line;
    EXPECT_TRUE(errorMessage(report, 4).contains(u"fax"_s)) << errorMessage(report, 4).toStdString();

    DbProbe db(home.databasePath());
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals"_s), 3);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals WHERE state = 'ignored'"_s), 1);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM moves"_s), 2);
}

TEST(CliIngest, TruncatedLastLineIsInvalidAndTheRestIsKept)
{
    TempHome home;
    QByteArray data = formLine(u"a@example.com"_s, u"t-1"_s) + formLine(u"b@example.com"_s, u"t-2"_s);
    const QByteArray last = formLine(u"c@example.com"_s, u"t-3"_s);
    data += last.left(last.size() / 2); // cut mid-record, no newline: a crash while writing the file
    const QString file = home.writeFile(u"truncated.jsonl"_s, data);
    const CliRun run = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    EXPECT_EQ(run.exitCode, 2);
    const QJsonObject report = run.json();
    EXPECT_EQ(report.value(u"read"_s).toInt(), 3);
    EXPECT_EQ(report.value(u"ingested"_s).toInt(), 2);
    EXPECT_EQ(errorLines(report), QList<int> { 3 });
}

TEST(CliIngest, BinaryGarbageIsReportedNotStored)
{
    TempHome home;
    QByteArray garbage(64 * 1024, '\0');
    QRandomGenerator random(7);
    for (char& c : garbage)
        c = char(random.bounded(256));
    const QString file = home.writeFile(u"garbage.bin"_s, garbage);
    const CliRun run = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    ASSERT_TRUE(run.finished) << "the CLI crashed on binary input";
    EXPECT_EQ(run.exitCode, 2);
    const QJsonObject report = run.json();
    EXPECT_GT(report.value(u"invalid"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"invalid"_s).toInt(), report.value(u"read"_s).toInt());
    EXPECT_EQ(report.value(u"ingested"_s).toInt(), 0);
    DbProbe db(home.databasePath());
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals"_s), 0);
}

TEST(CliIngest, InvalidUtf8LineIsReportedByNumber)
{
    TempHome home;
    QByteArray data = formLine(u"a@example.com"_s, u"u-1"_s);
    data += "{\"source\":\"form\",\"event_type\":\"form_submitted\",\"payload\":{\"name\":\"Bad \xC3\x28 "
            "byte\"}}\n";
    data += formLine(u"b@example.com"_s, u"u-3"_s);
    const QString file = home.writeFile(u"utf8.jsonl"_s, data);
    const CliRun run = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    EXPECT_EQ(run.exitCode, 2);
    const QJsonObject report = run.json();
    EXPECT_EQ(errorLines(report), QList<int> { 2 });
    EXPECT_EQ(report.value(u"ingested"_s).toInt(), 2);
}

TEST(CliIngest, ThirtyMegabyteLineIsRejectedWithoutLosingTheOthers)
{
    TempHome home;
    QByteArray huge
        = R"({"source":"form","event_type":"form_submitted","payload":{"email":"x@example.com","notes":")";
    huge += QByteArray(30 * 1024 * 1024, 'a');
    huge += "\"}}\n";
    const QByteArray data
        = formLine(u"a@example.com"_s, u"h-1"_s) + huge + formLine(u"b@example.com"_s, u"h-3"_s);
    const QString file = home.writeFile(u"huge.jsonl"_s, data);
    const CliRun run = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 2);
    const QJsonObject report = run.json();
    EXPECT_EQ(report.value(u"read"_s).toInt(), 3);
    EXPECT_EQ(errorLines(report), QList<int> { 2 });
    EXPECT_EQ(report.value(u"ingested"_s).toInt(), 2);
    EXPECT_EQ(report.value(u"moves_created"_s).toInt(), 2);
}

TEST(CliIngest, EmptyFileIsFineAndReadsNothing)
{
    TempHome home;
    const QString file = home.writeFile(u"empty.jsonl"_s, {});
    const CliRun run = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString();
    const QJsonObject report = run.json();
    EXPECT_EQ(report.value(u"read"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"ingested"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"invalid"_s).toInt(), 0);
}

TEST(CliIngest, MissingFileExitsOneAndNamesTheFile)
{
    TempHome home;
    const QString file = home.file(u"does-not-exist.jsonl"_s);
    const CliRun run = runCli(home.path(), { u"ingest"_s, file });
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_TRUE(run.errText().contains(u"does-not-exist.jsonl"_s)) << run.errText().toStdString();
}

TEST(CliIngest, SeveralFilesAddTheFileToEachError)
{
    TempHome home;
    const QString a = home.writeFile(u"a.jsonl"_s, formLine(u"a@example.com"_s, u"m-1"_s) + "oops\n");
    const QString b = home.writeFile(u"b.jsonl"_s, "{}\n" + formLine(u"b@example.com"_s, u"m-2"_s));
    const CliRun run = runCli(home.path(), { u"ingest"_s, a, b, u"--json"_s });
    EXPECT_EQ(run.exitCode, 2);
    const QJsonObject report = run.json();
    EXPECT_EQ(report.value(u"read"_s).toInt(), 4);
    EXPECT_EQ(report.value(u"ingested"_s).toInt(), 2);
    const QJsonArray errors = report.value(u"errors"_s).toArray();
    ASSERT_EQ(errors.size(), 2);
    EXPECT_EQ(errors.at(0).toObject().value(u"file"_s).toString(), a);
    EXPECT_EQ(errors.at(0).toObject().value(u"line"_s).toInt(), 2);
    EXPECT_EQ(errors.at(1).toObject().value(u"file"_s).toString(), b);
    EXPECT_EQ(errors.at(1).toObject().value(u"line"_s).toInt(), 1);
}

TEST(CliIngest, ReimportIsIdempotent)
{
    TempHome home;
    QByteArray data = validFile();
    // A repeated record in the same file is a duplicate as well.
    data += formLine(u"lead0@example.com"_s, u"form-0"_s);
    const QString file = home.writeFile(u"signals.jsonl"_s, data);
    const CliRun first = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    ASSERT_EQ(first.exitCode, 0) << first.errText().toStdString();
    EXPECT_EQ(first.json().value(u"ingested"_s).toInt(), 12);
    EXPECT_EQ(first.json().value(u"duplicates"_s).toInt(), 1);

    DbProbe db(home.databasePath());
    const qint64 movesBefore = db.count(u"SELECT COUNT(*) FROM moves"_s);
    const QString idsBefore = db.value(u"SELECT group_concat(id) FROM moves"_s).toString();

    const CliRun second = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    ASSERT_EQ(second.exitCode, 0) << second.errText().toStdString();
    const QJsonObject report = second.json();
    EXPECT_EQ(report.value(u"read"_s).toInt(), 13);
    EXPECT_EQ(report.value(u"ingested"_s).toInt(), 0);
    EXPECT_EQ(report.value(u"duplicates"_s).toInt(), 13);
    EXPECT_EQ(report.value(u"moves_created"_s).toInt(), 0);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM moves"_s), movesBefore);
    EXPECT_EQ(db.value(u"SELECT group_concat(id) FROM moves"_s).toString(), idsBefore);
    EXPECT_EQ(db.count(u"SELECT COUNT(*) FROM signals"_s), 12);
}

TEST(CliIngest, CsvFileIsImported)
{
    TempHome home;
    const QByteArray csv = "source,event_type,source_id,occurred_at,payload.email,payload.name\n"
                           "form,form_submitted,c-1,2026-11-20T10:00:00Z,dana@example.com,Dana Lee\n"
                           "form,form_submitted,c-2,2026-11-20T11:00:00Z,omar@example.com,Omar Haddad\n";
    const QString file = home.writeFile(u"signals.csv"_s, csv);
    const CliRun run = runCli(home.path(), { u"ingest"_s, file, u"--json"_s });
    EXPECT_EQ(run.exitCode, 0) << run.errText().toStdString() << run.outText().toStdString();
    EXPECT_EQ(run.json().value(u"moves_created"_s).toInt(), 2);
}
