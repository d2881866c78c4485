// The streaming pieces of the OpenAI-compatible client without a network: the SSE parser fed at every split
// point, the chunk assembler with tool-call fragments, and tool arguments that are not JSON.
#include "connectors/clients/ChatStreamAssembler.h"
#include "connectors/clients/MultipartBody.h"
#include "connectors/clients/SseParser.h"

#include <gtest/gtest.h>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {

// A realistic stream: CRLF and LF endings, a comment, a multi-byte character, tool-call fragments, usage, [DONE].
const QByteArray kStream = QByteArray(": keep-alive\r\n\r\n")
    + "data: {\"id\":\"c1\",\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hé\"}}]}\r\n\r\n"
    + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"llo\"}}]}\n\n"
    + "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\","
      "\"function\":{\"name\":\"find_contact\",\"arguments\":\"{\\\"em\"}}]}}]}\n\n"
    + "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
      "\"ail\\\":\\\"ada@example.com\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n"
    + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":7}}\n\n"
    + "data: [DONE]\n\n";

ChatResponse assemble(const QList<QByteArray>& chunks, QString* error = nullptr)
{
    SseParser parser;
    ChatStreamAssembler assembler;
    QString content;
    for (const QByteArray& chunk : chunks) {
        for (const SseEvent& e : parser.feed(chunk))
            content += assembler.add(e.data, error);
    }
    EXPECT_TRUE(assembler.done());
    ChatResponse r = assembler.result();
    EXPECT_EQ(r.content, content); // the deltas handed out add up to the whole text
    return r;
}

void expectWhole(const ChatResponse& r)
{
    EXPECT_EQ(r.content, u"Héllo"_s);
    ASSERT_EQ(r.toolCalls.size(), 1);
    EXPECT_EQ(r.toolCalls[0].id, u"call_9"_s);
    EXPECT_EQ(r.toolCalls[0].name, u"find_contact"_s);
    EXPECT_TRUE(r.toolCalls[0].argumentsError.isEmpty()) << r.toolCalls[0].argumentsError.toStdString();
    EXPECT_EQ(r.toolCalls[0].arguments.value("email"_L1).toString(), u"ada@example.com"_s);
    EXPECT_EQ(r.finishReason, u"tool_calls"_s);
    EXPECT_EQ(r.promptTokens, 12);
    EXPECT_EQ(r.completionTokens, 7);
}

} // namespace

TEST(ClientsSse, WholeStreamInOneChunk)
{
    expectWhole(assemble({ kStream }));
}

TEST(ClientsSse, EverySplitPointGivesTheSameResult)
{
    for (qsizetype cut = 1; cut < kStream.size(); ++cut)
        expectWhole(assemble({ kStream.left(cut), kStream.mid(cut) }));
}

TEST(ClientsSse, ByteByByte)
{
    QList<QByteArray> bytes;
    for (const char c : kStream)
        bytes << QByteArray(1, c);
    expectWhole(assemble(bytes));
}

TEST(ClientsSse, MultiLineDataAndBareCarriageReturns)
{
    SseParser parser;
    const QList<SseEvent> events = parser.feed("event: ping\rdata: a\rdata: b\r\r");
    ASSERT_EQ(events.size(), 1);
    EXPECT_EQ(events[0].event, u"ping"_s);
    EXPECT_EQ(events[0].data, QByteArray("a\nb"));
}

TEST(ClientsSse, OversizedEventStopsTheParser)
{
    SseParser parser(64);
    parser.feed("data: " + QByteArray(100, 'x'));
    EXPECT_TRUE(parser.overflow());
    EXPECT_TRUE(parser.feed("\n\n").isEmpty());
}

TEST(ClientsSse, GarbageChunkIsAnErrorNotACrash)
{
    ChatStreamAssembler assembler;
    QString error;
    assembler.add("{\"choices\":[{\"delta\":", &error);
    EXPECT_FALSE(error.isEmpty());
}

TEST(ClientsToolArguments, MalformedArgumentsAreReportedAndKept)
{
    for (const QString& raw : { uR"({"email":)"_s, uR"(["a"])"_s, u"not json"_s }) {
        ToolCall call;
        call.rawArguments = raw;
        parseToolArguments(call);
        EXPECT_FALSE(call.argumentsError.isEmpty()) << raw.toStdString();
        EXPECT_TRUE(call.arguments.isEmpty());
        EXPECT_EQ(call.rawArguments, raw);
    }
    ToolCall empty;
    parseToolArguments(empty);
    EXPECT_TRUE(empty.argumentsError.isEmpty());
}

TEST(ClientsMultipart, PartsAndBoundary)
{
    MultipartBody form;
    form.addFile("file", u"a \"b\".wav"_s, "audio/wav", QByteArray("RIFF\0\1", 6));
    form.addField("model", "whisper-1");
    const QByteArray type = form.contentType();
    ASSERT_TRUE(type.startsWith("multipart/form-data; boundary="));
    const QByteArray boundary = type.mid(type.indexOf('=') + 1);
    const QByteArray body = form.body();
    EXPECT_TRUE(body.startsWith(QByteArray("--" + boundary + "\r\n")));
    EXPECT_TRUE(body.endsWith(QByteArray("--" + boundary + "--\r\n")));
    EXPECT_TRUE(body.contains("name=\"file\"; filename=\"a \\\"b\\\".wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF"));
    EXPECT_TRUE(body.contains("name=\"model\"\r\n\r\nwhisper-1\r\n"));
}
