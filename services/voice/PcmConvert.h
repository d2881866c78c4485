#pragma once

#include <QAudioFormat>
#include <QByteArray>

namespace caseyos::voice {

// A tiny streaming linear resampler for mono signed 16-bit PCM. Linear interpolation is enough for speech
// going to a recogniser or a speaker; it keeps its position and last sample between chunks so a stream
// converted chunk by chunk equals the whole converted at once.
class LinearResampler
{
public:
    LinearResampler(int fromRate, int toRate);

    QByteArray process(const QByteArray& monoInt16);

private:
    int m_fromRate;
    int m_toRate;
    // Exact counts, not a running double, so chunked conversion matches whole conversion bit for bit: output
    // sample k lies at input position k * from / to.
    qint64 m_consumed = 0; // input samples in earlier chunks
    qint64 m_produced = 0; // output samples so far
    qint16 m_last = 0; // the previous chunk's last sample (index -1 of the current chunk)
};

// Interleaved frames of `format` (UInt8, Int16, Int32 or Float, any channel count) as mono signed 16-bit PCM
// at the same rate: channels are averaged. A trailing partial frame is ignored.
QByteArray toMonoInt16(const QByteArray& pcm, const QAudioFormat& format);

// Mono signed 16-bit PCM as interleaved frames of `format` at the same rate, every channel the same.
QByteArray fromMonoInt16(const QByteArray& mono, const QAudioFormat& format);

// What the microphone delivers, in whatever format the device insisted on, as 16-bit mono PCM at `toRate`,
// one chunk at a time (a frame split across chunks is kept for the next one).
class PcmConverter
{
public:
    PcmConverter(const QAudioFormat& from, int toRate);

    QByteArray convert(const QByteArray& chunk);

private:
    QAudioFormat m_from;
    LinearResampler m_resampler;
    QByteArray m_partial;
};

} // namespace caseyos::voice
