// The microphone through the test session's PulseAudio: a pipe source fed from a FIFO stands in for a real
// one.
#include "AudioTestSupport.h"
#include "WaitFor.h"
#include "voice/AudioCapture.h"
#include "voice/VoiceAudio.h"

#include <QElapsedTimer>
#include <QMediaDevices>
#include <QSignalSpy>
#include <gtest/gtest.h>
#include <iostream>

using namespace caseyos::voice;
using namespace caseyos::voice::test;
using caseyos::test::waitFor;
using caseyos::test::waitForSignal;

// Not in an anonymous namespace: the TEST_F classes derive from it, which GCC warns about in unity builds.
class AudioCaptureTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(audioExpected()) << audioSessionMissing();
        m_lock = std::make_unique<AudioDevicesLock>();
        ASSERT_TRUE(m_lock->locked()) << "another test held the test session's audio devices for two minutes";
    }

    std::unique_ptr<AudioDevicesLock> m_lock;
};

TEST_F(AudioCaptureTest, ThePipeMicrophoneIsListedById)
{
    const auto inputs = AudioCapture::inputDevices();
    const auto it = std::find_if(
        inputs.cbegin(), inputs.cend(), [](const auto& d) { return d.first == micSource().toUtf8(); });
    ASSERT_NE(it, inputs.cend()) << "no input device " << micSource().toStdString();
    EXPECT_FALSE(it->second.isEmpty());
}

TEST_F(AudioCaptureTest, ItRecordsAToneFromTheMicrophoneChosenById)
{
    AudioCapture capture;
    QSignalSpy chunks(&capture, &AudioCapture::chunk);
    QSignalSpy warnings(&capture, &AudioCapture::warning);
    QSignalSpy failures(&capture, &AudioCapture::failed);
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(capture.start(micSource().toUtf8()));
    EXPECT_EQ(capture.deviceId(), micSource().toUtf8());
    EXPECT_TRUE(capture.isCapturing());

    // Capture starts late: lead-in silence, then 1.5 s of tone, then silence, fed at real time.
    auto feed = feedMicrophone(silence(16000, 500) + tone(16000, 1500) + silence(16000, 800));
    ASSERT_TRUE(waitForSignal(chunks, 1, 10'000)) << feed->error().toStdString();
    std::cout << "[ measured ] capture: first chunk " << clock.elapsed() << " ms after start()" << std::endl;
    ASSERT_TRUE(waitFor([&] { return feed->done(); }, 20'000));
    ASSERT_TRUE(feed->error().isEmpty()) << feed->error().toStdString();
    QTest::qWait(300); // the last pieces still travel through PulseAudio
    const QByteArray pcm = capture.stop();
    EXPECT_FALSE(capture.isCapturing());

    EXPECT_TRUE(warnings.isEmpty());
    EXPECT_TRUE(failures.isEmpty()) << failures.value(0).value(0).toString().toStdString();
    const int loud = loudMilliseconds(pcm, 16000);
    std::cout << "[ measured ] capture: " << pcmMilliseconds(16000, pcm.size()) << " ms recorded, " << loud
              << " ms of it the tone, which starts at " << firstLoudMillisecond(pcm, 16000) << " ms"
              << std::endl;
    EXPECT_GE(loud, 1000);
    EXPECT_LE(loud, 1600);
    // The tone arrives at its own level (0.5 amplitude: an RMS of about 0.35).
    const int at = firstLoudMillisecond(pcm, 16000);
    ASSERT_GE(at, 0);
    EXPECT_NEAR(pcmLevel(pcm.mid(pcmBytes(16000, at + 100), pcmBytes(16000, 500))), 0.354, 0.03);
}

TEST_F(AudioCaptureTest, ChunksAndLevelsArriveWhileCapturingAndStopReturnsThemAll)
{
    AudioCapture capture;
    QByteArray chunked;
    QList<float> levels;
    QObject context;
    QObject::connect(
        &capture, &AudioCapture::chunk, &context, [&](const QByteArray& pcm) { chunked.append(pcm); });
    QObject::connect(&capture, &AudioCapture::level, &context, [&](float value) { levels.append(value); });
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(capture.start(micSource().toUtf8()));
    auto feed = feedMicrophone(silence(16000, 300) + tone(16000, 2000));

    // While still capturing, the meter shows the tone.
    ASSERT_TRUE(waitFor([&] { return !levels.isEmpty() && levels.last() > 0.2f; }, 15'000))
        << feed->error().toStdString() << " levels seen: " << levels.size();
    EXPECT_TRUE(capture.isCapturing());
    EXPECT_FALSE(chunked.isEmpty());
    ASSERT_TRUE(waitFor([&] { return feed->done(); }, 20'000));
    const QByteArray pcm = capture.stop();
    const qint64 elapsed = clock.elapsed();

    EXPECT_EQ(pcm, chunked); // every chunk went to the recording, and nothing else
    EXPECT_GE(loudMilliseconds(pcm, 16000), 1000);
    // At most about 20 levels a second.
    EXPECT_LE(levels.size(), elapsed / 50 + 2) << "over " << elapsed << " ms";
    EXPECT_GE(levels.size(), 5);
}

TEST_F(AudioCaptureTest, TheLengthLimitStopsCaptureByItself)
{
    AudioCapture capture;
    capture.setMaxDuration(std::chrono::milliseconds(700));
    QSignalSpy limit(&capture, &AudioCapture::limitReached);
    QSignalSpy failures(&capture, &AudioCapture::failed);
    ASSERT_TRUE(capture.start(micSource().toUtf8()));
    auto feed = feedMicrophone(tone(16000, 4000));

    ASSERT_TRUE(waitForSignal(limit, 1, 15'000));
    EXPECT_FALSE(capture.isCapturing());
    EXPECT_TRUE(failures.isEmpty());
    const QByteArray pcm = capture.stop();
    EXPECT_LE(pcm.size(), pcmBytes(16000, 700));
    EXPECT_GE(pcm.size(), pcmBytes(16000, 300)) << "the limit came from the clock, not the audio";
    EXPECT_GE(loudMilliseconds(pcm, 16000), 200);
    QTest::qWait(300);
    EXPECT_EQ(limit.size(), 1);
}

TEST_F(AudioCaptureTest, AMicrophoneThatIsGoneFallsBackToTheDefaultWithAWarning)
{
    AudioCapture capture;
    QSignalSpy warnings(&capture, &AudioCapture::warning);
    QSignalSpy failures(&capture, &AudioCapture::failed);
    ASSERT_TRUE(capture.start("caseyos-unplugged-microphone"));
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_FALSE(warnings.value(0).value(0).toString().isEmpty());
    EXPECT_TRUE(capture.isCapturing());
    EXPECT_EQ(capture.deviceId(), QMediaDevices::defaultAudioInput().id());
    EXPECT_TRUE(failures.isEmpty());

    // In the test session the only microphone, and so the default, is the pipe: the fallback really records.
    if (capture.deviceId() == micSource().toUtf8()) {
        auto feed = feedMicrophone(silence(16000, 300) + tone(16000, 1000) + silence(16000, 300));
        ASSERT_TRUE(waitFor([&] { return feed->done(); }, 20'000));
        QTest::qWait(300);
        EXPECT_GE(loudMilliseconds(capture.stop(), 16000), 600);
    }
}
