#pragma once

#include "connectors/clients/ClientTypes.h"
#include "voice/VoiceSettings.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <memory>

namespace caseyos {
class HttpClient;
class OpenAiClient;
} // namespace caseyos

namespace caseyos::voice {

class AudioCapture;
class AudioPlayback;
class OfflineRecognizer;
class OfflineSynthesizer;
class WakeWordSpotter;

// What the worker needs from the window at each change of settings.
struct VoiceRuntime
{
    VoiceSettings settings;
    TokenSource openAiKey; // the Accounts page's OpenAI key; empty: no account (OpenAI cannot be used)
};

// Everything voice, on the "voice" thread (VoiceClient owns the thread): the microphone, push-to-talk turns,
// wake-word spotting with the end of the question found by silence, transcription (pocketsphinx offline or
// OpenAI), and speech (espeak-ng offline or OpenAI streamed) played as it arrives. Reached only by queued calls;
// answers with the signals below. A turn is a number from the client (push-to-talk) or, for a question started
// by a wake word, a negative one of the worker's own.
class VoiceWorker : public QObject
{
    Q_OBJECT
public:
    explicit VoiceWorker(QObject* parent = nullptr);
    ~VoiceWorker() override;

    void configure(const VoiceRuntime& runtime);
    void setVocabulary(const QStringList& phrases); // names and phrases the offline recogniser should expect
    void startTalking(qint64 turn); // the key or button went down
    void stopTalking(qint64 turn); // it came up: the recording is transcribed
    void cancelTalking(); // Escape: the recording is dropped
    void speak(const QString& markdown);
    void stopSpeaking();

Q_SIGNALS:
    void listeningChanged(bool listening); // the microphone records a question
    void level(float rms); // while recording, for the meter
    void transcribing(qint64 turn);
    void transcribed(qint64 turn, const QString& text);
    void heardNothing(qint64 turn, const QString& why);
    void failed(qint64 turn, const QString& message); // turn 0: not about a question (a device, speech)
    void wakeWordHeard(qint64 turn, const QString& phrase);
    void speakingChanged(bool speaking);
    void notice(const QString& message); // something the user should know that is not a failure

private:
    enum class Mode { Idle, Spotting, Talking, Following };

    bool ensureCapture();
    void onChunk(const QByteArray& pcm);
    void onCaptureFailed(const QString& message);
    void updateSpotting(); // starts or stops the always-on microphone for wake words
    void finishTurn(qint64 turn, const QByteArray& pcm);
    void transcribeOffline(qint64 turn, const QByteArray& pcm);
    void transcribeOpenAi(qint64 turn, const QByteArray& pcm);
    void setMode(Mode mode);

    void speakNextSentence(qint64 generation);
    void speakOffline(qint64 generation, const QStringList& sentences);
    void speakOpenAi(qint64 generation, const QString& text);
    bool ensurePlayback(int sampleRate);
    void onPlaybackEnded();

    OfflineRecognizer* recognizer(QString* error);
    OfflineSynthesizer* synthesizer(QString* error);
    OpenAiClient& openAi();

    VoiceRuntime m_runtime;
    QStringList m_vocabulary;
    Mode m_mode = Mode::Idle;
    qint64 m_turn = 0;
    qint64 m_wakeTurns = 0;
    QByteArray m_recording;
    int m_silentMs = 0;
    int m_levelMs = 0; // recorded since the last level signal
    bool m_heardSpeech = false;

    AudioCapture* m_capture = nullptr;
    AudioPlayback* m_playback = nullptr;
    std::unique_ptr<OfflineRecognizer> m_recognizer;
    std::unique_ptr<WakeWordSpotter> m_spotter;
    std::unique_ptr<OfflineSynthesizer> m_synthesizer;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<OpenAiClient> m_openAi;

    qint64 m_speech = 0; // the generation of what is being spoken; stopSpeaking bumps it
    QStringList m_sentences; // offline: the sentences still to synthesise
    bool m_speaking = false;
};

} // namespace caseyos::voice
