#include "voice/VoiceSettings.h"

#include <QCoreApplication>
#include <QSettings>

namespace caseyos::voice {

using namespace Qt::StringLiterals;

namespace {

const auto kTranscription = u"voice/transcription"_s;
const auto kSpeech = u"voice/speech"_s;
const auto kSpeak = u"voice/speak"_s;
const auto kVoice = u"voice/openaiVoice"_s;
const auto kSpeechModel = u"voice/openaiSpeechModel"_s;
const auto kTranscriptionModel = u"voice/openaiTranscriptionModel"_s;
const auto kSpeed = u"voice/speed"_s;
const auto kBaseUrl = u"voice/openaiBaseUrl"_s;
const auto kWakeWords = u"voice/wakeWords"_s;
const auto kInput = u"voice/inputDevice"_s;
const auto kOutput = u"voice/outputDevice"_s;

Engine engineFrom(const QVariant& value, Engine fallback)
{
    const QString text = value.toString();
    if (text == "offline"_L1)
        return Engine::Offline;
    if (text == "openai"_L1)
        return Engine::OpenAi;
    return fallback;
}

SpeakMode speakFrom(const QVariant& value, SpeakMode fallback)
{
    const QString text = value.toString();
    if (text == "never"_L1)
        return SpeakMode::Never;
    if (text == "voice"_L1)
        return SpeakMode::VoiceTurns;
    if (text == "always"_L1)
        return SpeakMode::Always;
    return fallback;
}

} // namespace

QString toString(Engine engine)
{
    return engine == Engine::OpenAi ? u"openai"_s : u"offline"_s;
}

QString toString(SpeakMode mode)
{
    switch (mode) {
    case SpeakMode::Never:
        return u"never"_s;
    case SpeakMode::Always:
        return u"always"_s;
    case SpeakMode::VoiceTurns:
        break;
    }
    return u"voice"_s;
}

QStringList VoiceSettings::openAiVoices()
{
    return { u"alloy"_s, u"echo"_s, u"fable"_s, u"onyx"_s, u"nova"_s, u"shimmer"_s };
}

QStringList wakePhrases()
{
    return { u"hey jarvis"_s, u"hey casey"_s, u"jarvis"_s, u"casey"_s };
}

VoiceSettings VoiceSettings::load(const QSettings& settings)
{
    VoiceSettings s;
    s.transcription = engineFrom(settings.value(kTranscription), s.transcription);
    s.speech = engineFrom(settings.value(kSpeech), s.speech);
    s.speak = speakFrom(settings.value(kSpeak), s.speak);
    const QString voice = settings.value(kVoice).toString();
    if (openAiVoices().contains(voice))
        s.openAiVoice = voice;
    const QString speechModel = settings.value(kSpeechModel).toString().trimmed();
    if (!speechModel.isEmpty())
        s.openAiSpeechModel = speechModel;
    const QString transcriptionModel = settings.value(kTranscriptionModel).toString().trimmed();
    if (!transcriptionModel.isEmpty())
        s.openAiTranscriptionModel = transcriptionModel;
    const QUrl baseUrl(settings.value(kBaseUrl).toString());
    if (baseUrl.isValid() && (baseUrl.scheme() == "https"_L1 || baseUrl.scheme() == "http"_L1))
        s.openAiBaseUrl = baseUrl;
    bool ok = false;
    const double speed = settings.value(kSpeed).toDouble(&ok);
    if (ok && speed >= kMinSpeed && speed <= kMaxSpeed)
        s.speed = speed;
    s.wakeWords = settings.value(kWakeWords, s.wakeWords).toBool();
    s.inputDevice = settings.value(kInput).toByteArray();
    s.outputDevice = settings.value(kOutput).toByteArray();
    return s;
}

void VoiceSettings::save(QSettings& settings) const
{
    settings.setValue(kTranscription, toString(transcription));
    settings.setValue(kSpeech, toString(speech));
    settings.setValue(kSpeak, toString(speak));
    settings.setValue(kVoice, openAiVoice);
    settings.setValue(kSpeechModel, openAiSpeechModel);
    settings.setValue(kTranscriptionModel, openAiTranscriptionModel);
    settings.setValue(kSpeed, speed);
    if (openAiBaseUrl.isEmpty())
        settings.remove(kBaseUrl);
    else
        settings.setValue(kBaseUrl, openAiBaseUrl.toString());
    settings.setValue(kWakeWords, wakeWords);
    settings.setValue(kInput, inputDevice);
    settings.setValue(kOutput, outputDevice);
}

QUrl VoiceSettings::effectiveOpenAiBaseUrl() const
{
    return openAiBaseUrl.isEmpty() ? QUrl(u"https://api.openai.com/v1"_s) : openAiBaseUrl;
}

QString VoiceSettings::validate() const
{
    if (speed < kMinSpeed || speed > kMaxSpeed)
        return QCoreApplication::translate("caseyos::voice", "The speaking speed must be between 0.25 and 4.0.");
    if (!openAiVoices().contains(openAiVoice))
        return QCoreApplication::translate("caseyos::voice", "Choose one of OpenAI's voices: %1.")
            .arg(openAiVoices().join(u", "_s));
    if (openAiSpeechModel.trimmed().isEmpty() || openAiTranscriptionModel.trimmed().isEmpty())
        return QCoreApplication::translate("caseyos::voice", "The OpenAI model names cannot be empty.");
    return {};
}

} // namespace caseyos::voice
