#include "AudioTestSupport.h"

#include "voice/VoiceAudio.h"

#include <QDir>
#include <QFileInfo>
#include <QtEndian>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace caseyos::voice::test {

using namespace Qt::StringLiterals;

bool audioExpected()
{
    return qEnvironmentVariable("CASEYOS_EXPECT_AUDIO") == "1"_L1;
}

std::string audioSessionMissing()
{
    return "This test needs the test session's PulseAudio (CASEYOS_EXPECT_AUDIO=1): run it through "
           "scripts/test.sh, "
           "or as  xvfb-run -a dbus-run-session -- bash tests/support/desktop-session/run-in-session.sh "
           "ctest "
           "--test-dir build -L voice";
}

QString micSource()
{
    return qEnvironmentVariable("CASEYOS_TEST_MIC_SOURCE", u"caseyos_mic_pipe"_s);
}

QString speakerSink()
{
    return qEnvironmentVariable("CASEYOS_TEST_SPEAKER_SINK", u"caseyos_speaker"_s);
}

AudioDevicesLock::AudioDevicesLock()
{
    const QString fifo = qEnvironmentVariable("CASEYOS_TEST_MIC_FIFO");
    const QString dir = fifo.isEmpty() ? QDir::tempPath() : QFileInfo(fifo).absolutePath();
    m_lock = std::make_unique<QLockFile>(dir + "/caseyos-audio-devices.lock"_L1);
    m_lock->setStaleLockTime(0); // a crashed holder's lock is taken over (its process is gone)
    // Every other audio case takes a few seconds; CTest's timeout for the binary is 180 s.
    m_locked = m_lock->tryLock(120'000);
    if (m_locked)
        drainMicrophone();
}

AudioDevicesLock::~AudioDevicesLock()
{
    if (m_locked)
        drainMicrophone(); // before the next test takes the lock
}

MicrophoneFeed::MicrophoneFeed(const QByteArray& pcm16k)
{
    const QByteArray path = qEnvironmentVariable("CASEYOS_TEST_MIC_FIFO").toLocal8Bit();
    m_thread = std::thread([this, path, pcm16k] {
        // Non-blocking open: the pipe source always holds the FIFO open for reading, and if PulseAudio is not
        // there the open fails at once (ENXIO) instead of hanging the test.
        const int fd = path.isEmpty() ? -1 : ::open(path.constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            m_errno = path.isEmpty() ? ENOENT : errno;
            m_done = true;
            return;
        }
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        constexpr int pieceMs = 20;
        const qsizetype piece = pcmBytes(kCaptureSampleRate, pieceMs);
        auto next = std::chrono::steady_clock::now();
        for (qsizetype at = 0; at < pcm16k.size() && !m_stop; at += piece) {
            const qsizetype size = std::min(piece, pcm16k.size() - at);
            qsizetype written = 0;
            while (written < size) {
                const ssize_t n = ::write(fd, pcm16k.constData() + at + written, size_t(size - written));
                if (n < 0 && errno == EINTR)
                    continue;
                if (n <= 0) {
                    m_errno = errno;
                    ::close(fd);
                    m_done = true;
                    return;
                }
                written += n;
            }
            next += std::chrono::milliseconds(pieceMs);
            std::this_thread::sleep_until(next);
        }
        ::close(fd);
        m_done = true;
    });
}

MicrophoneFeed::~MicrophoneFeed()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

QString MicrophoneFeed::error() const
{
    const int e = m_errno;
    return e == 0 ? QString()
                  : u"cannot write %1: %2"_s.arg(qEnvironmentVariable("CASEYOS_TEST_MIC_FIFO"),
                      QString::fromLocal8Bit(std::strerror(e)));
}

std::unique_ptr<MicrophoneFeed> feedMicrophone(const QByteArray& pcm16k)
{
    return std::make_unique<MicrophoneFeed>(pcm16k);
}

qsizetype drainMicrophone()
{
    const QByteArray path = qEnvironmentVariable("CASEYOS_TEST_MIC_FIFO").toLocal8Bit();
    if (path.isEmpty())
        return 0;
    // A second reader of the FIFO; non-blocking, so an empty FIFO ends the loop at once (EAGAIN).
    const int fd = ::open(path.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return 0;
    qsizetype dropped = 0;
    char buffer[16384];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        dropped += n;
    }
    ::close(fd);
    return dropped;
}

bool SpeakerRecorder::start()
{
    m_pcm.clear();
    m_parec.setProgram(u"parec"_s);
    m_parec.setArguments({ u"-d"_s, speakerSink() + ".monitor"_L1, u"--format=s16le"_s, u"--rate=16000"_s,
        u"--channels=1"_s, u"--raw"_s, u"--latency-msec=20"_s });
    m_parec.setProcessChannelMode(QProcess::SeparateChannels);
    m_parec.start();
    if (!m_parec.waitForStarted(10'000)) {
        m_error = m_parec.errorString();
        return false;
    }
    return true;
}

QByteArray SpeakerRecorder::recorded()
{
    m_pcm.append(m_parec.readAllStandardOutput());
    return m_pcm;
}

QByteArray SpeakerRecorder::stop()
{
    if (m_parec.state() != QProcess::NotRunning) {
        m_parec.terminate();
        if (!m_parec.waitForFinished(5000)) {
            m_parec.kill();
            m_parec.waitForFinished(5000);
        }
    }
    m_pcm.append(m_parec.readAllStandardOutput());
    const QByteArray err = m_parec.readAllStandardError();
    if (!err.isEmpty())
        m_error = QString::fromLocal8Bit(err);
    return std::exchange(m_pcm, {});
}

QByteArray tone(int sampleRate, int milliseconds, double hz, double amplitude)
{
    QByteArray pcm(pcmBytes(sampleRate, milliseconds), Qt::Uninitialized);
    for (qsizetype i = 0; i < pcm.size() / 2; ++i)
        qToLittleEndian(
            qint16(std::lround(amplitude * 32767 * std::sin(2 * M_PI * hz * double(i) / sampleRate))),
            pcm.data() + 2 * i);
    return pcm;
}

QByteArray silence(int sampleRate, int milliseconds)
{
    return QByteArray(pcmBytes(sampleRate, milliseconds), '\0');
}

int loudMilliseconds(const QByteArray& pcm, int sampleRate, float floor)
{
    const qsizetype window = pcmBytes(sampleRate, 20);
    int loud = 0;
    for (qsizetype at = 0; at + window <= pcm.size(); at += window)
        if (pcmLevel(pcm.mid(at, window)) > floor)
            loud += 20;
    return loud;
}

int firstLoudMillisecond(const QByteArray& pcm, int sampleRate, float floor)
{
    const qsizetype window = pcmBytes(sampleRate, 20);
    for (qsizetype at = 0; at + window <= pcm.size(); at += window)
        if (pcmLevel(pcm.mid(at, window)) > floor)
            return pcmMilliseconds(sampleRate, at);
    return -1;
}

} // namespace caseyos::voice::test
