#include "voice/OfflineSynthesizer.h"

#include "voice/VoiceSettings.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <espeak-ng/speak_lib.h>
#include <mutex>

namespace caseyos::voice {

namespace {

// espeak-ng's state is global: one initialisation per process, one synthesis at a time.
std::mutex& espeakMutex()
{
    static std::mutex mutex;
    return mutex;
}
int g_espeakSampleRate = 0; // guarded by espeakMutex(); 0 before initialisation, -1 when it failed

struct SynthesisRun
{
    const std::function<bool(const QByteArray&)>* onChunk = nullptr;
    bool stopped = false;
};

int onEspeakAudio(short* wav, int samples, espeak_EVENT* events)
{
    // The run travels in every event's user_data (the list always holds at least its terminator).
    auto* run = events ? static_cast<SynthesisRun*>(events->user_data) : nullptr;
    if (!run || !wav || samples <= 0)
        return 0;
    if (run->stopped)
        return 1;
    if (!(*run->onChunk)(QByteArray(reinterpret_cast<const char*>(wav), qsizetype(samples) * 2))) {
        run->stopped = true;
        return 1; // abort synthesis
    }
    return 0;
}

} // namespace

int OfflineSynthesizer::wordsPerMinute(double speed)
{
    const double clamped = std::clamp(speed, VoiceSettings::kMinSpeed, VoiceSettings::kMaxSpeed);
    return std::clamp(int(std::lround(espeakRATE_NORMAL * clamped)), espeakRATE_MINIMUM, espeakRATE_MAXIMUM);
}

std::unique_ptr<OfflineSynthesizer> OfflineSynthesizer::create(QString* error)
{
    const std::lock_guard lock(espeakMutex());
    if (g_espeakSampleRate == 0) {
        // DONT_EXIT: without its data espeak-ng would otherwise end the process. 100 ms buffers: the first
        // chunk comes quickly and there are few callbacks.
        g_espeakSampleRate
            = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, nullptr, espeakINITIALIZE_DONT_EXIT);
        if (g_espeakSampleRate <= 0)
            g_espeakSampleRate = -1;
        else
            espeak_SetSynthCallback(onEspeakAudio);
        if (g_espeakSampleRate > 0 && espeak_SetVoiceByName("en-us") != EE_OK)
            espeak_SetVoiceByName("en");
    }
    if (g_espeakSampleRate < 0) {
        if (error)
            *error = QCoreApplication::translate(
                "caseyos::voice", "The offline speech voice is not installed (package espeak-ng-data).");
        return nullptr;
    }
    return std::unique_ptr<OfflineSynthesizer>(new OfflineSynthesizer(g_espeakSampleRate));
}

bool OfflineSynthesizer::synthesize(const QString& text, double speed,
    const std::function<bool(const QByteArray& pcm)>& onChunk, QString* error)
{
    if (error)
        error->clear();
    const QByteArray utf8 = text.trimmed().toUtf8();
    if (utf8.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("caseyos::voice", "There is no text to speak.");
        return false;
    }
    const std::lock_guard lock(espeakMutex());
    espeak_SetParameter(espeakRATE, wordsPerMinute(speed), 0);
    SynthesisRun run;
    run.onChunk = &onChunk;
    // Synchronous: returns when the text is spoken or the callback asked to stop.
    const espeak_ERROR result = espeak_Synth(
        utf8.constData(), size_t(utf8.size()) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &run);
    if (result != EE_OK && !run.stopped) {
        if (error)
            *error
                = QCoreApplication::translate("caseyos::voice", "The offline speech voice failed to speak.");
        return false;
    }
    return true;
}

} // namespace caseyos::voice
