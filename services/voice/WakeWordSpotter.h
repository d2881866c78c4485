#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

struct ps_decoder_s;

namespace caseyos::voice {

// Listens for the wake phrases ("hey jarvis", "hey casey", "jarvis", "casey"; voice::wakePhrases()) in a
// continuous stream of 16 kHz mono 16-bit PCM with pocketsphinx's keyphrase search, offline. Used on the
// "voice" thread only; cheap enough (about 2 % of real time) to run while the window is open.
class WakeWordSpotter
{
public:
    // nullptr with a sentence in `error` when the model is missing or cannot be loaded.
    static std::unique_ptr<WakeWordSpotter> create(QString* error);
    // The same with other phrases and thresholds (pocketsphinx's kws threshold: larger is stricter), for
    // tuning.
    static std::unique_ptr<WakeWordSpotter> create(const QMap<QString, double>& thresholds, QString* error);
    ~WakeWordSpotter();
    WakeWordSpotter(const WakeWordSpotter&) = delete;
    WakeWordSpotter& operator=(const WakeWordSpotter&) = delete;

    // Feeds the next chunk of audio (any length, even an odd number of bytes). The wake phrase heard in it,
    // once per occurrence: the search starts afresh after each detection, so the same words are never
    // reported twice.
    std::optional<QString> feed(const QByteArray& pcm);
    // Forgets what was heard so far (e.g. after the user spoke a command).
    void reset();

    // The wake phrases and their detection thresholds.
    static QMap<QString, double> defaultThresholds();

private:
    WakeWordSpotter() = default;
    bool restart();
    QString detectedPhrase(); // of the current utterance, or empty

    ps_decoder_s* m_decoder = nullptr;
    bool m_started = false;
    bool m_inSpeech = false; // the decoder's voice activity after the last chunk
    qint64 m_samplesInUtterance = 0;
    QByteArray m_oddByte;
};

} // namespace caseyos::voice
