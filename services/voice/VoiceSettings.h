#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

class QSettings;

namespace caseyos::voice {

// Who turns speech into text, and text into speech. Offline needs no network and no key (pocketsphinx and
// espeak-ng from Debian's packages); OpenAI sends the recording or the answer's text to OpenAI with the key of
// the Accounts page's OpenAI account — choosing it is the user's consent to that, and the settings say so.
enum class Engine { Offline, OpenAi };
// When answers are spoken: never, for questions asked by voice (the default), or always.
enum class SpeakMode { Never, VoiceTurns, Always };

QString toString(Engine engine); // "offline", "openai"
QString toString(SpeakMode mode); // "never", "voice", "always"

// The voice settings in the app's QSettings, under voice/. Never a key: OpenAI's key lives in the keychain.
struct VoiceSettings
{
    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 4.0;

    Engine transcription = Engine::Offline;
    Engine speech = Engine::Offline;
    SpeakMode speak = SpeakMode::VoiceTurns;
    QString openAiVoice = QStringLiteral("nova");
    QString openAiSpeechModel = QStringLiteral("tts-1");
    QString openAiTranscriptionModel = QStringLiteral("whisper-1");
    QUrl openAiBaseUrl; // empty: https://api.openai.com/v1 (tests point it at a local server)
    double speed = 1.0; // 0.25–4.0, for both engines
    bool wakeWords = false; // listen for "hey jarvis", … while the window is open
    QByteArray inputDevice; // QAudioDevice::id(); empty: the system's default microphone
    QByteArray outputDevice; // empty: the system's default output

    // A stored value that is unknown or out of range is ignored (the default stays).
    static VoiceSettings load(const QSettings& settings);
    void save(QSettings& settings) const;

    // The sentence saying why the values cannot be saved, or empty.
    QString validate() const;

    static QStringList openAiVoices(); // alloy, echo, fable, onyx, nova, shimmer
    QUrl effectiveOpenAiBaseUrl() const;
};

// The wake phrases of PRODUCT.md §6, longest first (so "hey jarvis" wins over "jarvis").
QStringList wakePhrases();

} // namespace caseyos::voice
