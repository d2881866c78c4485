// Contract check: every request shape of OpenAiClient against Stoplight Prism mocking the OpenAI spec (and the
// xAI OpenAI-compatible copy). A request Prism's validator rejects fails the test.
#include "ContractHarness.h"
#include "connectors/clients/OpenAiClient.h"
#include "voice/VoiceAudio.h"

#include <QJsonArray>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

ToolDefinition lookupTool()
{
    return { u"find_contact"_s, u"Finds a contact by e-mail address"_s,
        QJsonObject { { u"type"_s, u"object"_s },
            { u"properties"_s, QJsonObject { { u"email"_s, QJsonObject { { u"type"_s, u"string"_s } } } } },
            { u"required"_s, QJsonArray { u"email"_s } } } };
}

ChatRequest plainChat()
{
    ChatRequest r;
    r.model = u"gpt-4o-mini"_s;
    r.messages = { { u"system"_s, u"You are Jarvis."_s, {}, {} }, { u"user"_s, u"Hello"_s, {}, {} } };
    r.temperature = 0.2;
    r.maxTokens = 200;
    return r;
}

ChatRequest toolChat()
{
    ChatRequest r = plainChat();
    r.tools = { lookupTool() };
    ToolCall call { u"call_1"_s, u"find_contact"_s, uR"({"email":"ada@example.com"})"_s, {}, {} };
    r.messages.append({ u"assistant"_s, {}, { call }, {} });
    r.messages.append({ u"tool"_s, uR"({"name":"Ada"})"_s, {}, u"call_1"_s });
    return r;
}

class OpenAiContract : public ContractTest
{
protected:
    void checkChatShapes(OpenAiClient& client)
    {
        const auto plain = run<ChatResponse>([&](auto done) { client.chat(plainChat(), &m_context, done); });
        expectAccepted(plain, "chat");
        ChatRequest withTools = plainChat();
        withTools.tools = { lookupTool() };
        const auto tools = run<ChatResponse>([&](auto done) { client.chat(withTools, &m_context, done); });
        expectAccepted(tools, "chat with tools");
        const auto history = run<ChatResponse>([&](auto done) { client.chat(toolChat(), &m_context, done); });
        expectAccepted(history, "chat with a tool-call history");
        // The mock does not stream real SSE chunks, so the reply may not assemble: only the request counts here.
        const auto stream = run<ChatResponse>(
            [&](auto done) { client.chatStream(toolChat(), &m_context, nullptr, done); });
        expectAccepted(stream, "streamed chat", true);
        const auto models = run<QStringList>([&](auto done) { client.listModels(&m_context, done); });
        expectAccepted(models, "list models");
    }
};

} // namespace

TEST_F(OpenAiContract, EveryRequestShapeIsAccepted)
{
    startPrism(u"openai.chat-embeddings-audio.prism.openapi.yaml"_s);
    OpenAiClient client(m_http, config({}));
    checkChatShapes(client);

    const auto embeddings = run<QList<QList<float>>>(
        [&](auto done) { client.embeddings(u"text-embedding-3-small"_s, { u"Acme renewal"_s }, &m_context, done); });
    expectAccepted(embeddings, "embeddings");

    TranscriptionRequest transcription;
    transcription.audio = QByteArray(2048, '\x01');
    transcription.language = u"en"_s;
    transcription.prompt = u"CaseyOS"_s;
    const auto text = run<QString>([&](auto done) { client.transcribe(transcription, &m_context, done); });
    expectAccepted(text, "transcription (multipart/form-data)");

    SpeechRequest speech;
    speech.input = u"You have three moves today."_s;
    const auto audio = run<QByteArray>([&](auto done) { client.speech(speech, &m_context, done); });
    expectAccepted(audio, "speech");

    // What push-to-talk and spoken answers send (services/voice/VoiceWorker): a WAV recording, and speech
    // streamed as raw PCM in a chosen voice and speed.
    TranscriptionRequest recording;
    recording.audio = voice::wavFile(QByteArray(32000, '\x02'), voice::kCaptureSampleRate);
    recording.fileName = u"question.wav"_s;
    const auto heard = run<QString>([&](auto done) { client.transcribe(recording, &m_context, done); });
    expectAccepted(heard, "voice transcription (a WAV recording)");
    SpeechRequest spoken;
    spoken.input = u"Your top move is Reply to Dana."_s;
    spoken.voice = u"nova"_s;
    spoken.format = u"pcm"_s;
    spoken.speed = 1.5;
    const auto streamed = run<QByteArray>([&](auto done) {
        client.speechStream(spoken, &m_context, [](const QByteArray&) {}, [done](const ClientError& error) {
            ClientResult<QByteArray> result;
            result.error = error;
            done(result);
        });
    });
    expectAccepted(streamed, "voice speech (streamed PCM, voice and speed)");
    expectHealthy(u"openai"_s, {});
}

TEST_F(OpenAiContract, XaiChatAndModelsAreAccepted)
{
    startPrism(u"xai.openai-compatible.prism.openapi.yaml"_s);
    OpenAiClient client(m_http, config({}));
    checkChatShapes(client);
    expectHealthy(u"xai"_s, {});
}
