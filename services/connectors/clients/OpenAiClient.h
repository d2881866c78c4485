#pragma once

#include "connectors/clients/ClientTypes.h"
#include "connectors/clients/OpenAiTypes.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

namespace caseyos {

class HttpClient;

struct TranscriptionRequest
{
    QString model = QStringLiteral("whisper-1");
    QByteArray audio;
    QString fileName = QStringLiteral("audio.wav");
    QByteArray mimeType = QByteArrayLiteral("audio/wav");
    QString language; // ISO-639-1, optional
    QString prompt; // optional
};

struct SpeechRequest
{
    QString model = QStringLiteral("tts-1");
    QString input;
    QString voice = QStringLiteral("alloy");
    QString format = QStringLiteral("mp3"); // mp3, opus, aac, flac, wav, pcm (24 kHz mono s16le)
    double speed = 1.0; // 0.25–4.0; sent only when not 1.0
};

// A typed, asynchronous client of the OpenAI-compatible API on HttpClient: OpenAI itself, xAI (base URL
// https://api.x.ai/v1) and local servers (no token). Callbacks run once on `context`'s thread. Chat calls
// are never retried after the model started answering (a retry would bill and answer twice): 429/5xx before
// that are retried by HttpClient as usual.
class OpenAiClient
{
public:
    using ChatDone = std::function<void(const ClientResult<ChatResponse>&)>;
    using DeltaFn = std::function<void(const QString& text)>;

    OpenAiClient(HttpClient& http, ClientConfig config);

    const ClientConfig& config() const { return m_config; }

    void chat(const ChatRequest& request, QObject* context, ChatDone done);
    // stream: true; onDelta gets each piece of content text as it arrives; done gets the whole reply.
    void chatStream(const ChatRequest& request, QObject* context, DeltaFn onDelta, ChatDone done);
    void embeddings(const QString& model, const QStringList& inputs, QObject* context,
        std::function<void(const ClientResult<QList<QList<float>>>&)> done);
    void transcribe(const TranscriptionRequest& request, QObject* context,
        std::function<void(const ClientResult<QString>&)> done);
    void speech(const SpeechRequest& request, QObject* context,
        std::function<void(const ClientResult<QByteArray>&)> done);
    // The audio handed to onAudio piece by piece as it arrives (so playback starts at once); done gets no body.
    // Never retried once audio arrived (it would be played twice).
    void speechStream(const SpeechRequest& request, QObject* context,
        std::function<void(const QByteArray& audio)> onAudio, std::function<void(const ClientError&)> done);
    // GET /models: the health check (cheapest authenticated call).
    void listModels(QObject* context, std::function<void(const ClientResult<QStringList>&)> done);

private:
    HttpClient& m_http;
    ClientConfig m_config;
};

} // namespace caseyos
