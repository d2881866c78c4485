#pragma once

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

namespace caseyos::voice {

// Offline speech output with espeak-ng, in process (PRODUCT.md §6): mono 16-bit PCM at sampleRate(), handed
// over in chunks as it is made so playback can start at once. Used on the "voice" thread only; not a QObject.
// espeak-ng keeps process-wide state, so every instance shares one engine behind a mutex.
class OfflineSynthesizer
{
public:
    // nullptr with a sentence in `error` when espeak-ng's data is missing.
    static std::unique_ptr<OfflineSynthesizer> create(QString* error);

    int sampleRate() const { return m_sampleRate; }

    // Speaks `text` at `speed` (1.0 normal, clamped to 0.25–4.0 and then to what espeak-ng accepts), calling
    // `onChunk` with each piece of PCM as soon as it exists. onChunk returning false stops at once (the user
    // interrupted): synthesize() then returns true. False, with a sentence in `error`, when nothing can be
    // said.
    bool synthesize(const QString& text, double speed,
        const std::function<bool(const QByteArray& pcm)>& onChunk, QString* error);

    // espeak-ng's words per minute for `speed`.
    static int wordsPerMinute(double speed);

private:
    explicit OfflineSynthesizer(int sampleRate)
        : m_sampleRate(sampleRate)
    {
    }

    int m_sampleRate = 0;
};

} // namespace caseyos::voice
