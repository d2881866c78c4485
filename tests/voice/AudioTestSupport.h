#pragma once

#include <QByteArray>
#include <QLockFile>
#include <QProcess>
#include <QString>
#include <atomic>
#include <memory>
#include <thread>

namespace caseyos::voice::test {

// True inside the suite's session (tests/support/desktop-session/run-in-session.sh), which starts PulseAudio
// with a pipe microphone and a null speaker and sets CASEYOS_EXPECT_AUDIO=1.
bool audioExpected();
// What to tell someone who ran an audio test outside that session (the test fails with it: a skip is a
// defect).
std::string audioSessionMissing();

QString micSource(); // CASEYOS_TEST_MIC_SOURCE
QString speakerSink(); // CASEYOS_TEST_SPEAKER_SINK

// The test devices are shared by every test process of the session, and CTest runs the cases in parallel: a
// case that feeds the microphone or records the speaker holds this lock, so two tones never mix.
class AudioDevicesLock
{
public:
    AudioDevicesLock();
    ~AudioDevicesLock();
    bool locked() const { return m_locked; }

private:
    std::unique_ptr<QLockFile> m_lock;
    bool m_locked = false;
};

// Feeds 16 kHz mono s16 PCM into the pipe microphone (CASEYOS_TEST_MIC_FIFO) from a thread, in 20 ms pieces
// at real time like a microphone, so the test's event loop never waits and audio written before the recording
// stream is connected is not all lost at once. The destructor stops feeding and joins.
class MicrophoneFeed
{
public:
    explicit MicrophoneFeed(const QByteArray& pcm16k);
    ~MicrophoneFeed();
    MicrophoneFeed(const MicrophoneFeed&) = delete;
    MicrophoneFeed& operator=(const MicrophoneFeed&) = delete;

    bool done() const { return m_done; }
    // Empty, or why the FIFO could not be written.
    QString error() const;

private:
    std::atomic<bool> m_stop { false };
    std::atomic<bool> m_done { false };
    std::atomic<int> m_errno { 0 };
    std::thread m_thread;
};

std::unique_ptr<MicrophoneFeed> feedMicrophone(const QByteArray& pcm16k);

// PulseAudio's pipe source reads its FIFO only while something records: audio fed after a capture stopped
// waits in the FIFO (up to 64 KiB, 2 s) and would open the next test's recording. Reads and drops it; returns
// the bytes dropped. Call with the AudioDevicesLock held (AudioDevicesLock does it when taken).
qsizetype drainMicrophone();

// Records what reaches the null speaker (parec on its monitor, 16 kHz mono s16) while it lives; start it
// before playing.
class SpeakerRecorder
{
public:
    // False (with the reason in error()) when parec could not be started.
    bool start();
    // Stops recording and returns the PCM recorded.
    QByteArray stop();
    // Recorded so far (reads what parec has written).
    QByteArray recorded();
    QString error() const { return m_error; }

private:
    QProcess m_parec;
    QByteArray m_pcm;
    QString m_error;
};

// A sine tone, and silence, as mono s16.
QByteArray tone(int sampleRate, int milliseconds, double hz = 440, double amplitude = 0.5);
QByteArray silence(int sampleRate, int milliseconds);
// Milliseconds of `pcm` in 20 ms windows whose level is above `floor`.
int loudMilliseconds(const QByteArray& pcm, int sampleRate, float floor = 0.05f);
// Milliseconds from the start of `pcm` to its first window above `floor`, or -1.
int firstLoudMillisecond(const QByteArray& pcm, int sampleRate, float floor = 0.05f);

} // namespace caseyos::voice::test
