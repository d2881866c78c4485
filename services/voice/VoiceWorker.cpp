#include "voice/VoiceWorker.h"

#include "connectors/clients/OpenAiClient.h"
#include "core/Clock.h"
#include "net/HttpClient.h"
#include "voice/AudioCapture.h"
#include "voice/AudioPlayback.h"
#include "voice/OfflineRecognizer.h"
#include "voice/OfflineSynthesizer.h"
#include "voice/SpeakableText.h"
#include "voice/VoiceAudio.h"
#include "voice/WakeWordSpotter.h"

#include <QCoreApplication>
#include <QTimer>

namespace caseyos::voice {

using namespace Qt::StringLiterals;

namespace {

// Below this a recording is too short to be a question (a tap on the key).
constexpr int kWorkerShortestQuestionMs = 300;
// RMS level above which a chunk counts as speech when finding the end of a question after a wake word, and
// below which a whole recording is taken as silence (a muted or wrong microphone).
constexpr float kWorkerSpeechLevel = 0.015f;
constexpr float kWorkerSilenceLevel = 0.002f;
// After a wake word: how long to wait for the question to start, and the longest question.
constexpr int kWorkerWaitForQuestionMs = 5000;
constexpr int kWorkerEndSilenceMs = 800; // the pause that ends a question after a wake word
constexpr int kWorkerLongestFollowMs = 15000;
// Push-to-talk: a key held down (or stuck) never records for more than this.
constexpr int kWorkerLongestTalkMs = 60000;
constexpr int kWorkerLevelIntervalMs = 50;

QString workerText(const char* text)
{
    return QCoreApplication::translate("caseyos::voice", text);
}

} // namespace

VoiceWorker::VoiceWorker(QObject* parent)
    : QObject(parent)
{
}

VoiceWorker::~VoiceWorker() = default;

void VoiceWorker::configure(const VoiceRuntime& runtime)
{
    const bool newServer = runtime.settings.effectiveOpenAiBaseUrl() != m_runtime.settings.effectiveOpenAiBaseUrl();
    const bool newInput = runtime.settings.inputDevice != m_runtime.settings.inputDevice;
    m_runtime = runtime;
    if (newServer)
        m_openAi.reset();
    if (newInput && m_capture && m_mode == Mode::Spotting) {
        // The always-on microphone moves to the newly chosen device.
        m_capture->stop();
        setMode(Mode::Idle);
    }
    updateSpotting();
}

void VoiceWorker::setVocabulary(const QStringList& phrases)
{
    m_vocabulary = phrases;
    if (m_recognizer)
        m_recognizer->setVocabulary(m_vocabulary);
}

bool VoiceWorker::ensureCapture()
{
    if (!m_capture) {
        m_capture = new AudioCapture(this);
        // Always on for wake words: the worker itself limits how long a question may be.
        m_capture->setMaxDuration(std::chrono::hours(24 * 365));
        connect(m_capture, &AudioCapture::chunk, this, &VoiceWorker::onChunk);
        connect(m_capture, &AudioCapture::failed, this, &VoiceWorker::onCaptureFailed);
        connect(m_capture, &AudioCapture::warning, this, &VoiceWorker::notice);
    }
    if (m_capture->isCapturing())
        return true;
    return m_capture->start(m_runtime.settings.inputDevice);
}

void VoiceWorker::updateSpotting()
{
    if (!m_runtime.settings.wakeWords) {
        m_spotter.reset();
        if (m_mode == Mode::Spotting) {
            m_capture->stop();
            setMode(Mode::Idle);
        }
        return;
    }
    if (!m_spotter) {
        QString error;
        m_spotter = WakeWordSpotter::create(&error);
        if (!m_spotter) {
            Q_EMIT failed(0, workerText("Wake words are off: %1").arg(error));
            return;
        }
    }
    if (m_mode == Mode::Idle) {
        if (!ensureCapture())
            return; // the capture said why
        m_spotter->reset();
        setMode(Mode::Spotting);
    }
}

void VoiceWorker::setMode(Mode mode)
{
    const bool wasListening = m_mode == Mode::Talking || m_mode == Mode::Following;
    m_mode = mode;
    const bool listening = m_mode == Mode::Talking || m_mode == Mode::Following;
    if (listening != wasListening)
        Q_EMIT listeningChanged(listening);
}

void VoiceWorker::startTalking(qint64 turn)
{
    stopSpeaking(); // the user talks over Jarvis: Jarvis stops
    if (!ensureCapture()) {
        Q_EMIT failed(turn, workerText("The microphone could not be opened."));
        return;
    }
    m_turn = turn;
    m_recording.clear();
    setMode(Mode::Talking);
}

void VoiceWorker::stopTalking(qint64 turn)
{
    if (m_mode != Mode::Talking || turn != m_turn)
        return;
    const QByteArray pcm = std::exchange(m_recording, {});
    if (m_runtime.settings.wakeWords && m_spotter) {
        m_spotter->reset();
        setMode(Mode::Spotting);
    } else {
        m_capture->stop();
        setMode(Mode::Idle);
    }
    finishTurn(turn, pcm);
}

void VoiceWorker::cancelTalking()
{
    if (m_mode != Mode::Talking && m_mode != Mode::Following)
        return;
    m_recording.clear();
    if (m_runtime.settings.wakeWords && m_spotter) {
        m_spotter->reset();
        setMode(Mode::Spotting);
    } else {
        m_capture->stop();
        setMode(Mode::Idle);
    }
}

void VoiceWorker::onChunk(const QByteArray& pcm)
{
    const int ms = pcmMilliseconds(kCaptureSampleRate, pcm.size());
    switch (m_mode) {
    case Mode::Idle:
        return;
    case Mode::Spotting: {
        if (m_speaking || !m_spotter)
            return; // Jarvis's own voice must not wake Jarvis
        const std::optional<QString> phrase = m_spotter->feed(pcm);
        if (!phrase)
            return;
        m_turn = -(++m_wakeTurns);
        m_recording.clear();
        m_silentMs = 0;
        m_heardSpeech = false;
        setMode(Mode::Following);
        Q_EMIT wakeWordHeard(m_turn, *phrase);
        return;
    }
    case Mode::Talking:
    case Mode::Following:
        break;
    }
    m_recording.append(pcm);
    const float rms = pcmLevel(pcm);
    m_levelMs += ms;
    if (m_levelMs >= kWorkerLevelIntervalMs) {
        m_levelMs = 0;
        Q_EMIT level(rms);
    }
    const int recordedMs = pcmMilliseconds(kCaptureSampleRate, m_recording.size());
    if (m_mode == Mode::Talking) {
        if (recordedMs >= kWorkerLongestTalkMs) {
            Q_EMIT notice(workerText("The recording stopped after a minute."));
            stopTalking(m_turn);
        }
        return;
    }
    // Following a wake word: the question ends at the first long silence after speech.
    if (rms >= kWorkerSpeechLevel) {
        m_heardSpeech = true;
        m_silentMs = 0;
    } else {
        m_silentMs += ms;
    }
    const bool ended = m_heardSpeech && m_silentMs >= kWorkerEndSilenceMs;
    const bool nothing = !m_heardSpeech && recordedMs >= kWorkerWaitForQuestionMs;
    if (!ended && !nothing && recordedMs < kWorkerLongestFollowMs)
        return;
    const qint64 turn = m_turn;
    const QByteArray question = std::exchange(m_recording, {});
    m_spotter->reset();
    setMode(Mode::Spotting);
    if (nothing)
        Q_EMIT heardNothing(turn, workerText("I heard my name but no question after it."));
    else
        finishTurn(turn, question);
}

void VoiceWorker::onCaptureFailed(const QString& message)
{
    const qint64 turn = (m_mode == Mode::Talking || m_mode == Mode::Following) ? m_turn : 0;
    m_recording.clear();
    setMode(Mode::Idle);
    Q_EMIT failed(turn, message);
}

void VoiceWorker::finishTurn(qint64 turn, const QByteArray& pcm)
{
    if (pcmMilliseconds(kCaptureSampleRate, pcm.size()) < kWorkerShortestQuestionMs) {
        Q_EMIT heardNothing(turn, workerText("That was too short: hold the key while you speak."));
        return;
    }
    if (pcmLevel(pcm) < kWorkerSilenceLevel) {
        Q_EMIT heardNothing(turn, workerText("Nothing was heard. Check the microphone in Settings ▸ Voice."));
        return;
    }
    Q_EMIT transcribing(turn);
    if (m_runtime.settings.transcription == Engine::OpenAi)
        transcribeOpenAi(turn, pcm);
    else
        transcribeOffline(turn, pcm);
}

void VoiceWorker::transcribeOffline(qint64 turn, const QByteArray& pcm)
{
    QString error;
    OfflineRecognizer* engine = recognizer(&error);
    if (!engine) {
        Q_EMIT failed(turn, error);
        return;
    }
    const QString text = engine->transcribe(pcm, &error).trimmed();
    if (!error.isEmpty())
        Q_EMIT failed(turn, error);
    else if (text.isEmpty())
        Q_EMIT heardNothing(turn, workerText("I could not make out any words."));
    else
        Q_EMIT transcribed(turn, text);
}

void VoiceWorker::transcribeOpenAi(qint64 turn, const QByteArray& pcm)
{
    if (!m_runtime.openAiKey) {
        Q_EMIT failed(turn,
            workerText("OpenAI transcription needs an OpenAI key: add one on the Accounts page, or choose offline "
               "transcription in Settings ▸ Voice."));
        return;
    }
    TranscriptionRequest request;
    request.model = m_runtime.settings.openAiTranscriptionModel;
    request.audio = wavFile(pcm, kCaptureSampleRate);
    request.fileName = u"question.wav"_s;
    openAi().transcribe(request, this, [this, turn](const ClientResult<QString>& result) {
        if (!result.ok()) {
            Q_EMIT failed(turn, workerText("OpenAI could not transcribe the recording: %1").arg(result.error.message));
            return;
        }
        const QString text = result.value.trimmed();
        if (text.isEmpty())
            Q_EMIT heardNothing(turn, workerText("I could not make out any words."));
        else
            Q_EMIT transcribed(turn, text);
    });
}

OfflineRecognizer* VoiceWorker::recognizer(QString* error)
{
    if (!m_recognizer) {
        m_recognizer = OfflineRecognizer::create(error);
        if (m_recognizer && !m_vocabulary.isEmpty())
            m_recognizer->setVocabulary(m_vocabulary);
    }
    return m_recognizer.get();
}

OfflineSynthesizer* VoiceWorker::synthesizer(QString* error)
{
    if (!m_synthesizer)
        m_synthesizer = OfflineSynthesizer::create(error);
    return m_synthesizer.get();
}

OpenAiClient& VoiceWorker::openAi()
{
    if (!m_http)
        m_http = std::make_unique<HttpClient>(SystemClock::instance());
    if (!m_openAi) {
        ClientConfig config;
        config.baseUrl = m_runtime.settings.effectiveOpenAiBaseUrl();
        // The key is read from the keychain per call, so a key added later is used.
        config.token = [this](QObject* context, CredentialCallback done) {
            if (m_runtime.openAiKey)
                m_runtime.openAiKey(context, std::move(done));
            else
                done(Result<QString>::failure(workerText("No OpenAI key is stored.")));
        };
        config.account = u"openai:voice"_s;
        config.timeoutMs = 30000;
        m_openAi = std::make_unique<OpenAiClient>(*m_http, config);
    }
    return *m_openAi;
}

// Speech ------------------------------------------------------------------------------------------------------

void VoiceWorker::speak(const QString& markdown)
{
    stopSpeaking();
    const QString text = speakableText(markdown);
    const QStringList sentences = speakableSentences(text);
    if (sentences.isEmpty())
        return;
    const qint64 generation = m_speech;
    if (m_runtime.settings.speech == Engine::OpenAi) {
        if (m_runtime.openAiKey) {
            speakOpenAi(generation, text);
            return;
        }
        Q_EMIT notice(workerText("OpenAI speech needs an OpenAI key; the offline voice reads the answer."));
    }
    speakOffline(generation, sentences);
}

void VoiceWorker::stopSpeaking()
{
    ++m_speech;
    m_sentences.clear();
    if (m_playback)
        m_playback->stop();
    if (m_speaking) {
        m_speaking = false;
        Q_EMIT speakingChanged(false);
    }
}

bool VoiceWorker::ensurePlayback(int sampleRate)
{
    if (!m_playback) {
        m_playback = new AudioPlayback(this);
        connect(m_playback, &AudioPlayback::finished, this, &VoiceWorker::onPlaybackEnded);
        connect(m_playback, &AudioPlayback::warning, this, &VoiceWorker::notice);
        connect(m_playback, &AudioPlayback::failed, this, [this](const QString& message) {
            onPlaybackEnded();
            Q_EMIT failed(0, message);
        });
    }
    m_playback->stop();
    if (!m_playback->start(sampleRate, m_runtime.settings.outputDevice))
        return false; // it said why
    if (!m_speaking) {
        m_speaking = true;
        Q_EMIT speakingChanged(true);
    }
    return true;
}

void VoiceWorker::onPlaybackEnded()
{
    if (m_speaking) {
        m_speaking = false;
        Q_EMIT speakingChanged(false);
    }
}

void VoiceWorker::speakOffline(qint64 generation, const QStringList& sentences)
{
    QString error;
    OfflineSynthesizer* engine = synthesizer(&error);
    if (!engine) {
        Q_EMIT failed(0, error);
        return;
    }
    if (!ensurePlayback(engine->sampleRate()))
        return;
    m_sentences = sentences;
    speakNextSentence(generation);
}

void VoiceWorker::speakNextSentence(qint64 generation)
{
    if (generation != m_speech)
        return; // stopped, or a newer answer is being spoken
    if (m_sentences.isEmpty()) {
        m_playback->finish();
        return;
    }
    const QString sentence = m_sentences.takeFirst();
    QString error;
    const bool ok = m_synthesizer->synthesize(sentence, m_runtime.settings.speed,
        [this, generation](const QByteArray& pcm) {
            if (generation != m_speech)
                return false;
            m_playback->append(pcm);
            return true;
        },
        &error);
    if (!ok && generation == m_speech) {
        if (!error.isEmpty())
            Q_EMIT failed(0, error);
        m_sentences.clear();
        m_playback->finish();
        return;
    }
    // One sentence per event-loop turn: a stop, or a press of the talk key, is seen between sentences.
    QTimer::singleShot(0, this, [this, generation] { speakNextSentence(generation); });
}

void VoiceWorker::speakOpenAi(qint64 generation, const QString& text)
{
    if (!ensurePlayback(kOpenAiSpeechSampleRate))
        return;
    SpeechRequest request;
    request.model = m_runtime.settings.openAiSpeechModel;
    request.voice = m_runtime.settings.openAiVoice;
    request.input = text;
    request.format = u"pcm"_s;
    request.speed = m_runtime.settings.speed;
    struct Stream
    {
        QByteArray carry; // an odd byte waiting for its sample's other half
        qint64 bytes = 0;
    };
    auto stream = std::make_shared<Stream>();
    openAi().speechStream(
        request, this,
        [this, generation, stream](const QByteArray& audio) {
            if (generation != m_speech)
                return;
            QByteArray pcm = stream->carry + audio;
            stream->carry = pcm.size() % 2 ? pcm.right(1) : QByteArray();
            pcm.chop(stream->carry.size());
            stream->bytes += pcm.size();
            m_playback->append(pcm);
        },
        [this, generation, stream, text](const ClientError& error) {
            if (generation != m_speech)
                return;
            if (!error.isError()) {
                m_playback->finish();
                return;
            }
            if (stream->bytes == 0) {
                // Nothing was played yet: the offline voice reads the answer instead of silence.
                Q_EMIT notice(workerText("OpenAI could not speak the answer (%1); the offline voice reads it.").arg(error.message));
                speakOffline(generation, speakableSentences(text));
                return;
            }
            Q_EMIT failed(0, workerText("OpenAI's speech stopped: %1").arg(error.message));
            m_playback->finish();
        });
}

} // namespace caseyos::voice
