#include "voice/PcmConvert.h"

#include <QtEndian>
#include <algorithm>
#include <cmath>

namespace caseyos::voice {

namespace {

// One sample of `format` at `at` as -1..1.
float pcmSampleAt(const char* at, QAudioFormat::SampleFormat format)
{
    switch (format) {
    case QAudioFormat::UInt8:
        return (float(quint8(*at)) - 128.0f) / 128.0f;
    case QAudioFormat::Int16:
        return float(qFromLittleEndian<qint16>(at)) / 32768.0f;
    case QAudioFormat::Int32:
        return float(double(qFromLittleEndian<qint32>(at)) / 2147483648.0);
    case QAudioFormat::Float:
        return qFromLittleEndian<float>(at);
    default:
        return 0.0f;
    }
}

void putPcmSample(char* at, QAudioFormat::SampleFormat format, float value)
{
    value = std::clamp(value, -1.0f, 1.0f);
    switch (format) {
    case QAudioFormat::UInt8:
        *at = char(quint8(std::lround(value * 127.0f) + 128));
        break;
    case QAudioFormat::Int16:
        qToLittleEndian(qint16(std::lround(value * 32767.0f)), at);
        break;
    case QAudioFormat::Int32:
        qToLittleEndian(qint32(std::llround(double(value) * 2147483647.0)), at);
        break;
    case QAudioFormat::Float:
        qToLittleEndian(value, at);
        break;
    default:
        break;
    }
}

qint16 int16At(const QByteArray& pcm, qsizetype index)
{
    return qFromLittleEndian<qint16>(pcm.constData() + 2 * index);
}

} // namespace

LinearResampler::LinearResampler(int fromRate, int toRate)
    : m_fromRate(fromRate)
    , m_toRate(toRate)
{
}

QByteArray LinearResampler::process(const QByteArray& monoInt16)
{
    if (m_fromRate == m_toRate || m_fromRate <= 0 || m_toRate <= 0)
        return monoInt16;
    const qsizetype count = monoInt16.size() / 2;
    if (count == 0)
        return {};
    QByteArray out;
    out.reserve((count * m_toRate / m_fromRate + 2) * 2);
    // Interpolate between samples i and i + 1 of this chunk, where i = -1 is the previous chunk's last
    // sample.
    while (true) {
        const qint64 scaled = m_produced * m_fromRate;
        const qint64 i = scaled / m_toRate - m_consumed;
        if (i + 1 >= count)
            break;
        const double fraction = double(scaled % m_toRate) / m_toRate;
        const double a = i < 0 ? m_last : int16At(monoInt16, i);
        const double b = int16At(monoInt16, i + 1);
        char sample[2];
        qToLittleEndian(qint16(std::lround(a + (b - a) * fraction)), sample);
        out.append(sample, 2);
        ++m_produced;
    }
    m_consumed += count;
    m_last = int16At(monoInt16, count - 1);
    return out;
}

QByteArray toMonoInt16(const QByteArray& pcm, const QAudioFormat& format)
{
    const int channels = format.channelCount();
    const int sampleBytes = format.bytesPerSample();
    if (channels <= 0 || sampleBytes <= 0)
        return {};
    if (channels == 1 && format.sampleFormat() == QAudioFormat::Int16)
        return pcm.left(pcm.size() / 2 * 2);
    const qsizetype frames = pcm.size() / (qsizetype(channels) * sampleBytes);
    QByteArray out(frames * 2, Qt::Uninitialized);
    const char* in = pcm.constData();
    for (qsizetype frame = 0; frame < frames; ++frame) {
        float sum = 0;
        for (int c = 0; c < channels; ++c, in += sampleBytes)
            sum += pcmSampleAt(in, format.sampleFormat());
        putPcmSample(out.data() + 2 * frame, QAudioFormat::Int16, sum / float(channels));
    }
    return out;
}

QByteArray fromMonoInt16(const QByteArray& mono, const QAudioFormat& format)
{
    const int channels = format.channelCount();
    const int sampleBytes = format.bytesPerSample();
    if (channels <= 0 || sampleBytes <= 0)
        return {};
    if (channels == 1 && format.sampleFormat() == QAudioFormat::Int16)
        return mono.left(mono.size() / 2 * 2);
    const qsizetype frames = mono.size() / 2;
    QByteArray out(frames * channels * sampleBytes, Qt::Uninitialized);
    char* at = out.data();
    for (qsizetype frame = 0; frame < frames; ++frame) {
        const float value = float(int16At(mono, frame)) / 32768.0f;
        for (int c = 0; c < channels; ++c, at += sampleBytes)
            putPcmSample(at, format.sampleFormat(), value);
    }
    return out;
}

PcmConverter::PcmConverter(const QAudioFormat& from, int toRate)
    : m_from(from)
    , m_resampler(from.sampleRate(), toRate)
{
}

QByteArray PcmConverter::convert(const QByteArray& chunk)
{
    const int frameBytes = m_from.bytesPerFrame();
    if (frameBytes <= 0)
        return {};
    m_partial.append(chunk);
    const qsizetype whole = m_partial.size() / frameBytes * frameBytes;
    const QByteArray frames = m_partial.left(whole);
    m_partial.remove(0, whole);
    return m_resampler.process(toMonoInt16(frames, m_from));
}

} // namespace caseyos::voice
