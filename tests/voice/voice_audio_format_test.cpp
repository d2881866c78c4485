// The WAV wrapping a recording is uploaded in, the reader of WAV files, and the level meter.
#include "voice/VoiceAudio.h"

#include <QString>
#include <QtEndian>
#include <gtest/gtest.h>

#include <cmath>

using namespace caseyos::voice;

namespace {

QByteArray tone(int sampleRate, int milliseconds, double amplitude)
{
    QByteArray pcm(pcmBytes(sampleRate, milliseconds), Qt::Uninitialized);
    for (qsizetype i = 0; i < pcm.size() / 2; ++i) {
        const auto s = qint16(std::lround(amplitude * 32767 * std::sin(2 * M_PI * 440 * double(i) / sampleRate)));
        qToLittleEndian(s, pcm.data() + 2 * i);
    }
    return pcm;
}

} // namespace

TEST(VoiceAudio, AWavFileRoundTripsItsAudioAndRate)
{
    const QByteArray pcm = tone(16000, 250, 0.5);
    const QByteArray file = wavFile(pcm, 16000);
    EXPECT_EQ(file.size(), 44 + pcm.size());
    QByteArray back;
    int rate = 0;
    QString error;
    ASSERT_TRUE(readWav(file, &back, &rate, &error)) << error.toStdString();
    EXPECT_EQ(rate, 16000);
    EXPECT_EQ(back, pcm);
}

TEST(VoiceAudio, ExtraChunksBeforeTheAudioAreSkipped)
{
    QByteArray file = wavFile(tone(24000, 100, 0.3), 24000);
    // A LIST chunk of odd size (padded) between fmt and data, as sox and many recorders write.
    QByteArray list("LIST", 4);
    char size[4];
    qToLittleEndian(quint32(5), size);
    list.append(size, 4).append("INFOx", 5).append('\0');
    file.insert(36, list);
    qToLittleEndian(quint32(file.size() - 8), file.data() + 4);
    QByteArray pcm;
    int rate = 0;
    QString error;
    ASSERT_TRUE(readWav(file, &pcm, &rate, &error)) << error.toStdString();
    EXPECT_EQ(rate, 24000);
    EXPECT_EQ(pcm.size(), pcmBytes(24000, 100));
}

TEST(VoiceAudio, AFileCutShortKeepsTheAudioThatIsThere)
{
    const QByteArray file = wavFile(tone(16000, 200, 0.5), 16000);
    QByteArray pcm;
    int rate = 0;
    QString error;
    ASSERT_TRUE(readWav(file.left(44 + 1001), &pcm, &rate, &error)) << error.toStdString();
    EXPECT_EQ(pcm.size(), 1000); // whole samples only
}

TEST(VoiceAudio, WhatIsNotMono16BitPcmIsRefusedWithAReason)
{
    QString error;
    EXPECT_FALSE(readWav(QByteArray("not a wav file at all"), nullptr, nullptr, &error));
    EXPECT_EQ(error, QStringLiteral("This is not a WAV file."));

    QByteArray stereo = wavFile(tone(16000, 10, 0.5), 16000);
    qToLittleEndian(quint16(2), stereo.data() + 22); // channels
    EXPECT_FALSE(readWav(stereo, nullptr, nullptr, &error));
    EXPECT_EQ(error, QStringLiteral("Only mono 16-bit PCM WAV files can be read."));

    EXPECT_FALSE(readWav(wavFile({}, 16000).left(30), nullptr, nullptr, &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(VoiceAudio, TheLevelOfSilenceIsZeroAndOfAToneItsRms)
{
    EXPECT_EQ(pcmLevel(QByteArray(3200, '\0')), 0.0f);
    EXPECT_EQ(pcmLevel({}), 0.0f);
    // A sine's RMS is its amplitude / sqrt(2).
    EXPECT_NEAR(pcmLevel(tone(16000, 500, 0.5)), 0.5 / std::sqrt(2.0), 0.01);
}

TEST(VoiceAudio, BytesAndMillisecondsConvert)
{
    EXPECT_EQ(pcmBytes(16000, 1000), 32000);
    EXPECT_EQ(pcmMilliseconds(24000, 48000), 1000);
    EXPECT_EQ(pcmMilliseconds(0, 100), 0);
}
