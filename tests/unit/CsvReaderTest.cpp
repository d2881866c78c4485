// SignalFileReader on CSV (RFC 4180): header row, quoting, payload columns, per-record errors.
#include "ReaderTestSupport.h"

#include <QJsonArray>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;
using namespace caseyos::test;

namespace {

constexpr auto kCsv = SignalFileReader::Format::Csv;

} // namespace

TEST(CsvReader, HeaderColumnsBecomeSignalFields)
{
    const ReadResult r = readBytes("source,event_type,source_id,occurred_at,payload.email,payload.name\n"
                                   "form,form_submitted,sub-1,2026-11-25T09:00:00Z,dana@acme.com,Dana Lee\n",
        kCsv);
    EXPECT_EQ(r.count, 1); // data rows only; the header is not a signal
    ASSERT_EQ(r.records.size(), 1);
    const SignalRecord& rec = r.records[0];
    EXPECT_TRUE(rec.error.isEmpty()) << rec.error.toStdString();
    EXPECT_EQ(rec.line, 2);
    EXPECT_EQ(rec.object.value("source"_L1).toString(), u"form"_s);
    EXPECT_EQ(rec.object.value("event_type"_L1).toString(), u"form_submitted"_s);
    EXPECT_EQ(rec.object.value("source_id"_L1).toString(), u"sub-1"_s);
    EXPECT_EQ(rec.object.value("occurred_at"_L1).toString(), u"2026-11-25T09:00:00Z"_s);
    const QJsonObject payload = rec.object.value("payload"_L1).toObject();
    EXPECT_EQ(payload.value("email"_L1).toString(), u"dana@acme.com"_s);
    EXPECT_EQ(payload.value("name"_L1).toString(), u"Dana Lee"_s);
}

TEST(CsvReader, QuotingDoubledQuotesCommasAndNewlines)
{
    const ReadResult r
        = readBytes("source,event_type,payload.snippet,payload.subject\n"
                    "gmail,reply_received,\"Hi, \"\"Casey\"\"\nline two\nline three\",\"Re: a, b\"\n"
                    "gmail,reply_received,plain,\"\"\n",
            kCsv);
    EXPECT_EQ(r.count, 2);
    ASSERT_EQ(r.records.size(), 2);
    EXPECT_TRUE(r.errors().isEmpty());
    EXPECT_EQ(r.records[0].line, 2);
    const QJsonObject p0 = r.records[0].object.value("payload"_L1).toObject();
    EXPECT_EQ(p0.value("snippet"_L1).toString(), u"Hi, \"Casey\"\nline two\nline three"_s);
    EXPECT_EQ(p0.value("subject"_L1).toString(), u"Re: a, b"_s);
    // The second record starts on line 5: the first one spans lines 2–4.
    EXPECT_EQ(r.records[1].line, 5);
    const QJsonObject p1 = r.records[1].object.value("payload"_L1).toObject();
    EXPECT_FALSE(p1.contains("subject"_L1)); // empty cell → omitted
}

TEST(CsvReader, PayloadColumnMergedUnderPayloadKeyColumns)
{
    const ReadResult r = readBytes("source,event_type,payload,payload.stage,notes\n"
                                   "hubspot,deal_created,\"{\"\"deal_id\"\":\"\"1\"\",\"\"stage\"\":"
                                   "\"\"old\"\",\"\"amount\"\":5}\",new,ignored\n",
        kCsv);
    ASSERT_EQ(r.records.size(), 1);
    ASSERT_TRUE(r.records[0].error.isEmpty()) << r.records[0].error.toStdString();
    const QJsonObject p = r.records[0].object.value("payload"_L1).toObject();
    EXPECT_EQ(p.value("deal_id"_L1).toString(), u"1"_s);
    EXPECT_EQ(p.value("stage"_L1).toString(), u"new"_s); // payload.stage wins
    EXPECT_EQ(p.value("amount"_L1).toDouble(), 5.0); // JSON types kept from the payload column
    EXPECT_FALSE(r.records[0].object.contains("notes"_L1)); // unknown columns ignored
}

TEST(CsvReader, EmptyOptionalCellsAreAbsent)
{
    const ReadResult r
        = readBytes("source,event_type,source_id,occurred_at,payload\nmanual,task_created,,,\n", kCsv);
    ASSERT_EQ(r.records.size(), 1);
    const QJsonObject o = r.records[0].object;
    EXPECT_FALSE(o.contains("source_id"_L1));
    EXPECT_FALSE(o.contains("occurred_at"_L1));
    EXPECT_FALSE(o.contains("payload"_L1));
}

TEST(CsvReader, FieldCountMismatchIsAnErrorForThatRecord)
{
    const ReadResult r = readBytes("source,event_type,payload.email\n"
                                   "form,form_submitted,a@b.co\n"
                                   "form,form_submitted\n"
                                   "form,form_submitted,a@b.co,extra\n"
                                   "form,form_submitted,c@d.co\n",
        kCsv);
    EXPECT_EQ(r.count, 4);
    ASSERT_EQ(r.errors().size(), 2);
    EXPECT_EQ(r.errors()[0].line, 3);
    EXPECT_EQ(r.errors()[0].error, u"has 2 fields but the header has 3"_s);
    EXPECT_EQ(r.errors()[1].line, 4);
    EXPECT_TRUE(r.records[3].error.isEmpty());
}

TEST(CsvReader, HeaderMustNameSourceAndEventType)
{
    const ReadResult r = readBytes("src,type\nform,form_submitted\nform,form_submitted\n", kCsv);
    ASSERT_EQ(r.records.size(), 1);
    EXPECT_EQ(r.records[0].line, 1);
    EXPECT_TRUE(r.records[0].error.contains(u"source and event_type"_s));
    EXPECT_EQ(r.count, 1);
}

TEST(CsvReader, HeaderNamesAreTrimmedAndCaseInsensitive)
{
    const ReadResult r = readBytes(" Source , EVENT_TYPE ,Payload.Email\nform,form_submitted,a@b.co\n", kCsv);
    ASSERT_EQ(r.records.size(), 1);
    EXPECT_TRUE(r.records[0].error.isEmpty()) << r.records[0].error.toStdString();
    EXPECT_EQ(r.records[0].object.value("payload"_L1).toObject().value("Email"_L1).toString(), u"a@b.co"_s);
}

TEST(CsvReader, CrlfBomAndBlankLines)
{
    const ReadResult r = readBytes("\xEF\xBB\xBFsource,event_type,payload.note\r\n"
                                   "\r\n"
                                   "form,form_submitted,\"two\r\nlines\"\r\n"
                                   "\r\n"
                                   "form,form_submitted,last",
        kCsv);
    EXPECT_EQ(r.count, 2);
    ASSERT_EQ(r.records.size(), 2);
    EXPECT_TRUE(r.errors().isEmpty());
    EXPECT_EQ(r.records[0].object.value("source"_L1).toString(), u"form"_s);
    EXPECT_EQ(r.records[0].line, 3);
    EXPECT_EQ(
        r.records[0].object.value("payload"_L1).toObject().value("note"_L1).toString(), u"two\nlines"_s);
    EXPECT_EQ(r.records[1].line, 6);
    EXPECT_EQ(r.records[1].object.value("payload"_L1).toObject().value("note"_L1).toString(), u"last"_s);
}

TEST(CsvReader, BadPayloadJsonAndNonObjectPayload)
{
    const ReadResult r = readBytes("source,event_type,payload\n"
                                   "form,form_submitted,{oops\n"
                                   "form,form_submitted,[1]\n",
        kCsv);
    ASSERT_EQ(r.records.size(), 2);
    EXPECT_TRUE(r.records[0].error.startsWith(u"payload is not valid JSON"_s));
    // A JSON array is passed on for the parser to reject with its standard message.
    EXPECT_TRUE(r.records[1].error.isEmpty());
    EXPECT_TRUE(r.records[1].object.value("payload"_L1).isArray());
}

TEST(CsvReader, InvalidUtf8AndNulAreErrors)
{
    const ReadResult r = readBytes("source,event_type,payload.name\n"
                                   "form,form_submitted,Zo\xEB\n"
                                   "form,form_submitted,a\0b\n"
                                   "form,form_submitted,Zo\xC3\xAB\n"_ba,
        kCsv);
    ASSERT_EQ(r.records.size(), 3);
    EXPECT_TRUE(r.records[0].error.contains(u"not valid UTF-8"_s));
    EXPECT_TRUE(r.records[1].error.contains(u"NUL"_s));
    EXPECT_EQ(r.records[2].object.value("payload"_L1).toObject().value("name"_L1).toString(), u"Zoë"_s);
}

TEST(CsvReader, UnclosedQuoteAtEndOfFile)
{
    const ReadResult r
        = readBytes("source,event_type,payload.note\nform,form_submitted,\"never closed\nmore", kCsv);
    ASSERT_EQ(r.records.size(), 1);
    EXPECT_EQ(r.records[0].line, 2);
    EXPECT_TRUE(r.records[0].error.contains(u"not closed"_s));
}

TEST(CsvReader, OverlongRecordIsAnErrorAndReadingContinues)
{
    const QByteArray header = "source,event_type,payload.note\n";
    const QByteArray longRow = "form,form_submitted,\"" + QByteArray(500, 'x') + "\n,still quoted\"\n";
    const ReadResult r = readBytes(header + longRow + "form,form_submitted,ok\n", kCsv, 200);
    EXPECT_EQ(r.count, 2);
    ASSERT_EQ(r.records.size(), 2);
    EXPECT_EQ(r.records[0].line, 2);
    EXPECT_TRUE(r.records[0].error.contains(u"longer than"_s));
    EXPECT_EQ(r.records[1].line, 4); // the long record spanned lines 2–3
    EXPECT_TRUE(r.records[1].error.isEmpty());
}

TEST(CsvReader, EmptyFileAndHeaderOnly)
{
    EXPECT_EQ(readBytes({}, kCsv).count, 0);
    const ReadResult headerOnly = readBytes("source,event_type\n", kCsv);
    EXPECT_EQ(headerOnly.count, 0);
    EXPECT_TRUE(headerOnly.records.isEmpty());
}
