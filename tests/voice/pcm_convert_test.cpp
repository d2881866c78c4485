// The converter from whatever a microphone insists on to 16 kHz mono s16, and its linear resampler.
#include "voice/PcmConvert.h"
#include "voice/VoiceAudio.h"

#include <QtEndian>
#include <cmath>
#include <gtest/gtest.h>

using namespace caseyos::voice;

namespace {

// A sine of `hz` as interleaved frames of `format`, every channel the same (or the second silent).
QByteArray sineFrames(
    const QAudioFormat& format, int milliseconds, double hz, double amplitude, bool onlyFirst = false)
{
    const qsizetype frames = qsizetype(format.sampleRate()) * milliseconds / 1000;
    QByteArray mono(frames * 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < frames; ++i)
        qToLittleEndian(qint16(std::lround(
                            amplitude * 32767 * std::sin(2 * M_PI * hz * double(i) / format.sampleRate()))),
            mono.data() + 2 * i);
    QByteArray out = fromMonoInt16(mono, format);
    if (onlyFirst) {
        const int sample = format.bytesPerSample();
        for (qsizetype f = 0; f < frames; ++f)
            for (int c = 1; c < format.channelCount(); ++c)
                std::fill_n(out.data() + f * format.bytesPerFrame() + c * sample, sample,
                    format.sampleFormat() == QAudioFormat::UInt8 ? char(0x80) : char(0));
    }
    return out;
}

QAudioFormat formatOf(int rate, int channels, QAudioFormat::SampleFormat sample)
{
    QAudioFormat format;
    format.setSampleRate(rate);
    format.setChannelCount(channels);
    format.setSampleFormat(sample);
    return format;
}

qint16 sampleAt(const QByteArray& pcm, qsizetype i)
{
    return qFromLittleEndian<qint16>(pcm.constData() + 2 * i);
}

// Zero crossings per second of mono s16: twice the frequency of a pure tone.
double crossingsPerSecond(const QByteArray& pcm, int rate)
{
    int crossings = 0;
    for (qsizetype i = 1; i < pcm.size() / 2; ++i)
        if ((sampleAt(pcm, i - 1) < 0) != (sampleAt(pcm, i) < 0))
            ++crossings;
    return crossings / (double(pcm.size() / 2) / rate);
}

} // namespace

TEST(PcmConvert, FortyEightKilohertzStereoFloatBecomesSixteenKilohertzMonoInt16)
{
    const QAudioFormat from = formatOf(48000, 2, QAudioFormat::Float);
    PcmConverter converter(from, kCaptureSampleRate);
    const QByteArray out = converter.convert(sineFrames(from, 1000, 440, 0.5));
    EXPECT_NEAR(out.size(), pcmBytes(16000, 1000), 4);
    EXPECT_NEAR(pcmLevel(out), 0.5 / std::sqrt(2.0), 0.01);
    EXPECT_NEAR(crossingsPerSecond(out, 16000), 880, 4);
}

TEST(PcmConvert, StereoIsAveragedIntoMono)
{
    const QAudioFormat from = formatOf(16000, 2, QAudioFormat::Int16);
    const QByteArray out = toMonoInt16(sineFrames(from, 500, 440, 0.8, /*onlyFirst=*/true), from);
    EXPECT_EQ(out.size(), pcmBytes(16000, 500));
    EXPECT_NEAR(pcmLevel(out), 0.4 / std::sqrt(2.0), 0.01);
}

TEST(PcmConvert, EverySampleFormatReadsTheSameTone)
{
    for (const auto sample :
        { QAudioFormat::UInt8, QAudioFormat::Int16, QAudioFormat::Int32, QAudioFormat::Float }) {
        const QAudioFormat from = formatOf(44100, 1, sample);
        const QByteArray out = PcmConverter(from, 16000).convert(sineFrames(from, 500, 300, 0.6));
        EXPECT_NEAR(pcmLevel(out), 0.6 / std::sqrt(2.0), 0.02) << int(sample);
        EXPECT_NEAR(crossingsPerSecond(out, 16000), 600, 6) << int(sample);
    }
}

TEST(PcmConvert, ChunksGiveTheSameResultAsTheWhole)
{
    // Odd-sized chunks split frames and samples: the converter must carry both over.
    const QAudioFormat from = formatOf(44100, 2, QAudioFormat::Int16);
    const QByteArray input = sineFrames(from, 700, 523, 0.7);
    const QByteArray whole = PcmConverter(from, 16000).convert(input);
    PcmConverter chunked(from, 16000);
    QByteArray pieces;
    for (qsizetype at = 0; at < input.size(); at += 333)
        pieces.append(chunked.convert(input.mid(at, 333)));
    EXPECT_EQ(pieces, whole);
}

TEST(PcmConvert, TheResamplerInterpolatesBetweenSamples)
{
    // 8 kHz → 16 kHz: every other output sample lies halfway between two inputs.
    QByteArray input;
    for (const qint16 s : { qint16(0), qint16(1000), qint16(-1000), qint16(3000) }) {
        char b[2];
        qToLittleEndian(s, b);
        input.append(b, 2);
    }
    LinearResampler resampler(8000, 16000);
    const QByteArray out = resampler.process(input);
    ASSERT_EQ(out.size() / 2, 6);
    const qint16 expected[] = { 0, 500, 1000, 0, -1000, 1000 };
    for (int i = 0; i < 6; ++i)
        EXPECT_EQ(sampleAt(out, i), expected[i]) << i;
}

TEST(PcmConvert, TheSameRateAndFormatPassThrough)
{
    const QAudioFormat from = formatOf(16000, 1, QAudioFormat::Int16);
    const QByteArray input = sineFrames(from, 100, 440, 0.3);
    EXPECT_EQ(PcmConverter(from, 16000).convert(input), input);
    EXPECT_EQ(fromMonoInt16(input, from), input);
}

TEST(PcmConvert, MonoExpandsToEveryChannelOfTheSinkFormat)
{
    const QAudioFormat mono = formatOf(24000, 1, QAudioFormat::Int16);
    const QAudioFormat stereoFloat = formatOf(24000, 2, QAudioFormat::Float);
    const QByteArray input = sineFrames(mono, 200, 440, 0.5);
    const QByteArray expanded = fromMonoInt16(input, stereoFloat);
    EXPECT_EQ(expanded.size(), input.size() / 2 * 8);
    const QByteArray back = toMonoInt16(expanded, stereoFloat);
    ASSERT_EQ(back.size(), input.size());
    for (qsizetype i = 0; i < input.size() / 2; ++i)
        ASSERT_NEAR(sampleAt(back, i), sampleAt(input, i), 2) << i;
}
