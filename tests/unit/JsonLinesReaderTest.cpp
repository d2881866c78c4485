// SignalFileReader on JSON Lines: every broken input becomes an error for its line, never a crash.
#include "ReaderTestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

constexpr auto kJsonl = SignalFileReader::Format::JsonLines;
const QByteArray kValid = R"({"source":"form","event_type":"form_submitted","payload":{"email":"a@b.co"}})";

} // namespace

TEST(JsonLinesReader, ReadsObjectsWithLineNumbers)
{
    const ReadResult r = readBytes(kValid + "\n" + R"({"source":"gmail","event_type":"x"})" + "\n", kJsonl);
    EXPECT_EQ(r.count, 2);
    ASSERT_EQ(r.records.size(), 2);
    EXPECT_EQ(r.records[0].line, 1);
    EXPECT_EQ(r.records[0].object.value("source"_L1).toString(), u"form"_s);
    EXPECT_EQ(r.records[1].line, 2);
    EXPECT_TRUE(r.errors().isEmpty());
}

TEST(JsonLinesReader, EmptyFileAndBlankLines)
{
    EXPECT_EQ(readBytes({}, kJsonl).count, 0);
    EXPECT_TRUE(readBytes({}, kJsonl).records.isEmpty());
    const ReadResult blanks = readBytes("\n   \n\t\r\n\n", kJsonl);
    EXPECT_EQ(blanks.count, 0);
    EXPECT_TRUE(blanks.records.isEmpty());
    // Blank lines are not counted but keep later line numbers true to the file.
    const ReadResult mixed = readBytes("\n" + kValid + "\n\n  \n{oops\n", kJsonl);
    EXPECT_EQ(mixed.count, 2);
    ASSERT_EQ(mixed.records.size(), 2);
    EXPECT_EQ(mixed.records[0].line, 2);
    EXPECT_EQ(mixed.records[1].line, 5);
    EXPECT_FALSE(mixed.records[1].error.isEmpty());
}

TEST(JsonLinesReader, CrlfBomAndLastLineWithoutNewline)
{
    const ReadResult r = readBytes("\xEF\xBB\xBF" + kValid + "\r\n" + kValid + "\r\n" + kValid, kJsonl);
    EXPECT_EQ(r.count, 3);
    EXPECT_TRUE(r.errors().isEmpty()) << r.errors().value(0).error.toStdString();
    // Files joined with cat carry a BOM at the start of a later line; Qt's parser skips it there too.
    const ReadResult late = readBytes(kValid + "\n\xEF\xBB\xBF" + kValid + "\n", kJsonl);
    EXPECT_EQ(late.count, 2);
    EXPECT_TRUE(late.errors().isEmpty());
    // Inside a line it is not whitespace.
    const ReadResult inside = readBytes("{\"a\":\xEF\xBB\xBF"
                                        "1}\n",
        kJsonl);
    ASSERT_EQ(inside.errors().size(), 1);
}

TEST(JsonLinesReader, TruncatedLineIsAnError)
{
    const ReadResult r = readBytes(kValid + "\n" + kValid.left(30), kJsonl);
    EXPECT_EQ(r.count, 2);
    ASSERT_EQ(r.errors().size(), 1);
    EXPECT_EQ(r.errors()[0].line, 2);
    EXPECT_TRUE(r.errors()[0].error.startsWith(u"invalid JSON: "_s)) << r.errors()[0].error.toStdString();
    EXPECT_TRUE(r.records[0].error.isEmpty());
}

TEST(JsonLinesReader, InvalidJsonCarriesQtsReason)
{
    const ReadResult r = readBytes(R"({"source":"form",})"
                                   "\n"
                                   R"({"a":1} trailing)"
                                   "\n",
        kJsonl);
    ASSERT_EQ(r.errors().size(), 2);
    for (const SignalRecord& e : r.errors()) {
        EXPECT_TRUE(e.error.startsWith(u"invalid JSON: "_s));
        EXPECT_GT(e.error.size(), 16); // Qt's own wording follows
    }
}

TEST(JsonLinesReader, NonObjectsAreErrors)
{
    const ReadResult r = readBytes("[1,2]\n\"text\"\n42\nnull\n", kJsonl);
    EXPECT_EQ(r.count, 4);
    ASSERT_EQ(r.errors().size(), 4);
    for (const SignalRecord& e : r.errors())
        EXPECT_TRUE(e.error == u"not a JSON object"_s || e.error.startsWith(u"invalid JSON"_s))
            << e.line << ": " << e.error.toStdString();
    EXPECT_EQ(r.errors()[0].error, u"not a JSON object"_s);
}

TEST(JsonLinesReader, BinaryGarbageIsAnErrorPerLine)
{
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919 + 13) % 256)); // includes NUL, control and high bytes
    const ReadResult r = readBytes(kValid + "\n" + garbage + "\n" + kValid + "\n", kJsonl);
    ASSERT_FALSE(r.records.isEmpty());
    EXPECT_TRUE(r.records.first().error.isEmpty());
    EXPECT_TRUE(r.records.last().error.isEmpty());
    EXPECT_GE(r.errors().size(), 1);
    for (const SignalRecord& e : r.errors())
        EXPECT_TRUE(e.object.isEmpty());
    EXPECT_EQ(r.count, r.records.size());
}

TEST(JsonLinesReader, NulByteIsAnError)
{
    QByteArray line = kValid;
    line.insert(20, '\0');
    const ReadResult r = readBytes(line + "\n", kJsonl);
    ASSERT_EQ(r.errors().size(), 1);
    EXPECT_TRUE(r.errors()[0].error.contains(u"NUL"_s));
}

TEST(JsonLinesReader, InvalidUtf8IsRejectedWhateverQtDoes)
{
    // What QJsonDocument does by itself with a bad byte inside a string: it must not be what decides.
    const QByteArray bad = "{\"name\":\"Zo\xEB\"}"; // Latin-1 ë, not UTF-8
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bad, &error);
    const bool qtRejects = error.error != QJsonParseError::NoError;
    const ReadResult r = readBytes(bad + "\n", kJsonl);
    ASSERT_EQ(r.errors().size(), 1);
    EXPECT_EQ(r.errors()[0].error, u"line is not valid UTF-8"_s) << "Qt alone rejects: " << qtRejects;
}

TEST(JsonLinesReader, InvalidUtf8FormsAreErrors)
{
    for (const QByteArray& bad : { QByteArray("\xC3\x28"), QByteArray("\xC0\xAF"), QByteArray("\xED\xA0\x80"),
             QByteArray("\xF4\x90\x80\x80"), QByteArray("\xE2\x82"), QByteArray("\xFF"),
             QByteArray("\x80") }) {
        const ReadResult r = readBytes("{\"name\":\"" + bad + "\"}\n", kJsonl);
        ASSERT_EQ(r.errors().size(), 1) << bad.toHex().constData();
        EXPECT_EQ(r.errors()[0].error, u"line is not valid UTF-8"_s);
    }
}

TEST(JsonLinesReader, ValidUtf8IsKept)
{
    const ReadResult r = readBytes("{\"name\":\"Zo\xC3\xAB \xE6\x9D\xB1 \xF0\x9F\x98\x80\"}\n", kJsonl);
    ASSERT_TRUE(r.errors().isEmpty());
    EXPECT_EQ(r.records[0].object.value("name"_L1).toString(), u"Zoë 東 😀"_s);
}

TEST(JsonLinesReader, LinesLongerThanTheLimitAreErrors)
{
    const QByteArray fits = R"({"k":")" + QByteArray(50 - 8, 'x') + R"("})"; // 50 bytes
    ASSERT_EQ(fits.size(), 50);
    const ReadResult r = readBytes(fits + "\n" + fits + "y\n" + fits, kJsonl, 50);
    EXPECT_EQ(r.count, 3);
    ASSERT_EQ(r.errors().size(), 1);
    EXPECT_EQ(r.errors()[0].line, 2);
    EXPECT_TRUE(r.errors()[0].error.contains(u"longer than"_s));
    // The last line, too long and without a newline.
    const ReadResult tail = readBytes(fits + "\n" + fits + "yy", kJsonl, 50);
    ASSERT_EQ(tail.errors().size(), 1);
    EXPECT_EQ(tail.errors()[0].line, 2);
}

TEST(JsonLinesReader, LineSpanningManyReadChunksIsParsed)
{
    const QByteArray big
        = R"({"source":"form","event_type":"x","payload":{"blob":")" + QByteArray(700 * 1024, 'b') + R"("}})";
    const ReadResult r = readBytes(kValid + "\n" + big + "\n" + kValid, kJsonl);
    EXPECT_EQ(r.count, 3);
    EXPECT_TRUE(r.errors().isEmpty());
    EXPECT_EQ(
        r.records[1].object.value("payload"_L1).toObject().value("blob"_L1).toString().size(), 700 * 1024);
    EXPECT_EQ(r.records[2].line, 3);
}

TEST(JsonLinesReader, ThirtyMegabyteLineIsReportedWithoutBeingHeld)
{
    const qint64 size = 30LL * 1024 * 1024;
    GeneratedDevice device(kValid + "\n" + R"({"source":"form","event_type":"x","payload":{"blob":")", 'z',
        size,
        R"("}})"
        "\n" + kValid
            + "\n");
    ASSERT_TRUE(device.open(QIODevice::ReadOnly));
    const long before = peakRssMiB();
    const ReadResult r = readDevice(device, kJsonl);
    const long grown = peakRssMiB() - before;
    EXPECT_EQ(r.count, 3);
    ASSERT_EQ(r.records.size(), 3);
    EXPECT_TRUE(r.records[0].error.isEmpty());
    EXPECT_EQ(r.records[1].line, 2);
    EXPECT_EQ(r.records[1].error, u"line is longer than the limit of 1048576 bytes"_s);
    EXPECT_TRUE(r.records[2].error.isEmpty());
    EXPECT_EQ(r.records[2].line, 3);
    EXPECT_LT(grown, 16) << "peak memory grew by " << grown << " MiB while reading a 30 MiB line";
}

TEST(JsonLinesReader, ThirtyMegabyteLineFromARealFile)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(u"big.jsonl"_s));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(kValid + "\n");
    file.write(R"({"source":"form","event_type":"x","payload":{"blob":")");
    const QByteArray block(1024 * 1024, 'q');
    for (int i = 0; i < 30; ++i)
        file.write(block);
    file.write(R"("}})"
               "\n");
    file.write(kValid); // no final newline
    file.close();
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const ReadResult r = readDevice(file, kJsonl);
    EXPECT_EQ(r.count, 3);
    ASSERT_EQ(r.errors().size(), 1);
    EXPECT_EQ(r.errors()[0].line, 2);
    EXPECT_TRUE(r.records[2].error.isEmpty());
}

TEST(JsonLinesReader, SinkCanStopEarly)
{
    QByteArray data;
    for (int i = 0; i < 10; ++i)
        data += kValid + "\n";
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    SignalFileReader reader(&buffer, kJsonl);
    int seen = 0;
    const int count = reader.readAll([&](const SignalRecord&) { return ++seen < 3; });
    EXPECT_EQ(seen, 3);
    EXPECT_EQ(count, 3);
}

TEST(JsonLinesReader, FormatFromPath)
{
    EXPECT_EQ(SignalFileReader::formatForPath(u"/tmp/x.csv"_s), SignalFileReader::Format::Csv);
    EXPECT_EQ(SignalFileReader::formatForPath(u"/tmp/X.CSV"_s), SignalFileReader::Format::Csv);
    EXPECT_EQ(SignalFileReader::formatForPath(u"/tmp/x.jsonl"_s), SignalFileReader::Format::JsonLines);
    EXPECT_EQ(SignalFileReader::formatForPath(u"/tmp/x.ndjson"_s), SignalFileReader::Format::JsonLines);
    EXPECT_EQ(SignalFileReader::formatForPath(u"/tmp/csv"_s), SignalFileReader::Format::JsonLines);
}
