#pragma once

#include <QAudioDevice>
#include <QAudioFormat>
#include <QByteArray>
#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <memory>

class QAudioSink;
class QIODevice;

namespace caseyos::voice {

class LinearResampler;

// The speaker: plays mono signed 16-bit PCM that arrives in chunks (speech streamed from a synthesiser) as it
// arrives. Lives on the voice thread; audio is buffered here and written as the sink has room, on a timer, so
// append() never blocks.
class AudioPlayback : public QObject
{
    Q_OBJECT

public:
    explicit AudioPlayback(QObject* parent = nullptr);
    ~AudioPlayback() override;

    // (id, description) of every output, for the settings.
    static QList<QPair<QByteArray, QString>> outputDevices();

    // Opens the device with `deviceId` (empty: the system's default; a device that is gone falls back to the
    // default with warning()) for mono s16 audio at `sampleRate`. False (and failed()) when none can be
    // opened.
    bool start(int sampleRate, const QByteArray& deviceId);
    // More audio (mono s16 at the start() rate). Ignored when not playing or after finish().
    void append(const QByteArray& pcm);
    // No more audio will come: finished() follows once what is buffered has been played.
    void finish();
    // Silences the speaker now and drops what is left; stopped() follows if something was playing.
    void stop();

    bool isPlaying() const { return m_playing; }

Q_SIGNALS:
    void finished();
    void stopped();
    void warning(const QString& message);
    void failed(const QString& message);

private:
    void pump();
    void checkDrained();
    void onStateChanged();
    void releaseDevice();

    QPointer<QAudioSink> m_sink;
    QPointer<QIODevice> m_io;
    std::unique_ptr<LinearResampler> m_resampler; // only when the device would not take the rate given
    QAudioFormat m_format; // what the sink plays
    QAudioDevice m_device;
    QByteArray m_buffer; // in m_format, not yet written to the sink
    QTimer m_pump;
    QDeadlineTimer m_drainDeadline { QDeadlineTimer::Forever };
    bool m_playing = false;
    bool m_finishing = false;
    // The sink reported Idle after our last write: whatever it was given has been played. A state read right
    // after a write could still be the Idle of an earlier gap, so only the signal counts.
    bool m_drained = true;
};

} // namespace caseyos::voice
