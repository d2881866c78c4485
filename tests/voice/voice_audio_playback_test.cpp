// The speaker through the test session's PulseAudio: a null sink whose monitor parec records.
#include "AudioTestSupport.h"
#include "WaitFor.h"
#include "voice/AudioPlayback.h"
#include "voice/VoiceAudio.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <gtest/gtest.h>
#include <iostream>

using namespace caseyos::voice;
using namespace caseyos::voice::test;
using caseyos::test::waitFor;
using caseyos::test::waitForSignal;

namespace {

constexpr int kRate = kOpenAiSpeechSampleRate; // 24 kHz, what OpenAI's speech streams

} // namespace

// Not in an anonymous namespace: the TEST_F classes derive from it, which GCC warns about in unity builds.
class AudioPlaybackTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(audioExpected()) << audioSessionMissing();
        m_lock = std::make_unique<AudioDevicesLock>();
        ASSERT_TRUE(m_lock->locked()) << "another test held the test session's audio devices for two minutes";
        QElapsedTimer clock;
        clock.start();
        ASSERT_TRUE(m_recorder.start()) << m_recorder.error().toStdString();
        // Recording has begun once the (silent) monitor delivers something.
        ASSERT_TRUE(waitFor([&] { return !m_recorder.recorded().isEmpty(); }, 10'000))
            << "parec recorded nothing from " << speakerSink().toStdString() << ".monitor";
        std::cout << "[ measured ] parec delivered its first audio " << clock.elapsed()
                  << " ms after starting" << std::endl;
    }
    void TearDown() override { m_recorder.stop(); }

    // How far into the recording (ms) the recorder is now.
    int recordedMs() { return pcmMilliseconds(16000, m_recorder.recorded().size()); }

    std::unique_ptr<AudioDevicesLock> m_lock;
    SpeakerRecorder m_recorder;
};

TEST_F(AudioPlaybackTest, TheSpeakerIsListedById)
{
    const auto outputs = AudioPlayback::outputDevices();
    EXPECT_TRUE(std::any_of(outputs.cbegin(), outputs.cend(),
        [](const auto& d) { return d.first == speakerSink().toUtf8() && !d.second.isEmpty(); }));
}

TEST_F(AudioPlaybackTest, AToneAppendedInChunksIsPlayedAndFinishesAfterItsDuration)
{
    AudioPlayback playback;
    QSignalSpy finished(&playback, &AudioPlayback::finished);
    QSignalSpy failures(&playback, &AudioPlayback::failed);
    QSignalSpy warnings(&playback, &AudioPlayback::warning);
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(playback.start(kRate, speakerSink().toUtf8()));
    EXPECT_TRUE(playback.isPlaying());
    const QByteArray audio = tone(kRate, 1000);
    for (int i = 0; i < 10; ++i)
        playback.append(audio.mid(i * audio.size() / 10, audio.size() / 10));
    playback.finish();
    EXPECT_TRUE(playback.isPlaying());

    ASSERT_TRUE(waitForSignal(finished, 1, 15'000));
    const qint64 finishedAfter = clock.elapsed();
    EXPECT_FALSE(playback.isPlaying());
    EXPECT_TRUE(failures.isEmpty()) << failures.value(0).value(0).toString().toStdString();
    EXPECT_TRUE(warnings.isEmpty());
    EXPECT_GE(finishedAfter, 850) << "finished() before the audio could have played";

    QTest::qWait(500); // what PulseAudio still holds reaches the monitor
    const QByteArray heard = m_recorder.stop();
    const int loud = loudMilliseconds(heard, 16000);
    std::cout << "[ measured ] playback: finished() " << finishedAfter
              << " ms after start() of 1000 ms of audio; " << loud << " ms of tone recorded" << std::endl;
    ASSERT_GE(firstLoudMillisecond(heard, 16000), 0) << "nothing reached the speaker";
    EXPECT_GE(loud, 900);
    EXPECT_LE(loud, 1200);
}

TEST_F(AudioPlaybackTest, AShortClipIsPlayedInFull)
{
    // Shorter than the sink's buffer: it must not wait for more audio before starting.
    AudioPlayback playback;
    QSignalSpy finished(&playback, &AudioPlayback::finished);
    QElapsedTimer clock;
    clock.start();
    ASSERT_TRUE(playback.start(kRate, speakerSink().toUtf8()));
    playback.append(tone(kRate, 150));
    playback.finish();
    ASSERT_TRUE(waitForSignal(finished, 1, 15'000));
    std::cout << "[ measured ] playback: finished() " << clock.elapsed()
              << " ms after start() of 150 ms of audio" << std::endl;
    QTest::qWait(500);
    const int loud = loudMilliseconds(m_recorder.stop(), 16000);
    EXPECT_GE(loud, 100);
    EXPECT_LE(loud, 220);
}

TEST_F(AudioPlaybackTest, StopSilencesAtOnceDropsTheRestAndIgnoresLaterAudio)
{
    AudioPlayback playback;
    QSignalSpy stopped(&playback, &AudioPlayback::stopped);
    QSignalSpy finished(&playback, &AudioPlayback::finished);
    QElapsedTimer heardClock;
    heardClock.start();
    ASSERT_TRUE(playback.start(kRate, speakerSink().toUtf8()));
    playback.append(tone(kRate, 4000));
    // Stop once the tone is being heard.
    ASSERT_TRUE(waitFor([&] { return firstLoudMillisecond(m_recorder.recorded(), 16000) >= 0; }, 10'000));
    // An upper bound of the start latency: it includes parec's own.
    const qint64 heardAfter = heardClock.elapsed();
    QTest::qWait(300);

    QElapsedTimer clock;
    clock.start();
    playback.stop();
    const qint64 stopTook = clock.elapsed();
    const int stoppedAtMs = recordedMs();
    EXPECT_LT(stopTook, 300);
    EXPECT_EQ(stopped.size(), 1);
    EXPECT_FALSE(playback.isPlaying());

    playback.append(tone(kRate, 1000)); // after stop: ignored
    playback.finish();
    EXPECT_FALSE(playback.isPlaying());
    QTest::qWait(1200);
    EXPECT_TRUE(finished.isEmpty());
    EXPECT_EQ(stopped.size(), 1);

    const QByteArray heard = m_recorder.stop();
    const int loud = loudMilliseconds(heard, 16000);
    const int afterStop = loudMilliseconds(heard.mid(pcmBytes(16000, stoppedAtMs)), 16000);
    std::cout << "[ measured ] playback: stop() took " << stopTook << " ms; " << loud << " ms of tone heard, "
              << afterStop << " ms of it after stop(); the tone was first recorded " << heardAfter
              << " ms after start()" << std::endl;
    EXPECT_GE(loud, 200);
    EXPECT_LT(loud, 2500) << "the rest of the 4 s tone was not dropped";
    EXPECT_LE(afterStop, 300);
}

TEST_F(AudioPlaybackTest, AudioArrivingAfterAGapIsPlayedBeforeFinished)
{
    // Speech streamed over a slow network: the sink runs dry (Idle) between chunks, which is not the end.
    AudioPlayback playback;
    QSignalSpy finished(&playback, &AudioPlayback::finished);
    ASSERT_TRUE(playback.start(kRate, speakerSink().toUtf8()));
    playback.append(tone(kRate, 300));
    QTest::qWait(900);
    EXPECT_TRUE(finished.isEmpty());
    QElapsedTimer clock;
    clock.start();
    playback.append(tone(kRate, 600, 660));
    playback.finish();
    ASSERT_TRUE(waitForSignal(finished, 1, 15'000));
    EXPECT_GE(clock.elapsed(), 450) << "finished() before the last chunk could have played";
    QTest::qWait(500);
    const int loud = loudMilliseconds(m_recorder.stop(), 16000);
    EXPECT_GE(loud, 800);
    EXPECT_LE(loud, 1000);
}
