#include "voice/AudioPlayback.h"

#include "voice/AudioDevices.h"
#include "voice/PcmConvert.h"

#include <QAudioSink>
#include <QCoreApplication>
#include <QIODevice>
#include <QMediaDevices>
#include <algorithm>

namespace caseyos::voice {

using namespace Qt::StringLiterals;

namespace {

// How often buffered audio is handed to the sink: well inside its buffer, so it never runs dry while we have
// data.
constexpr int kPumpIntervalMs = 20;
// The sink's own buffer: enough to ride out a busy voice thread, small enough that stop() is heard at once.
constexpr qint64 kSinkBufferUs = 200'000;
// finish() waits for the sink to go idle; should a back end never say so, this much past the audio's end is
// enough.
constexpr qint64 kDrainGraceMs = 1500;

QString outputName(const QAudioDevice& device)
{
    return device.description().isEmpty() ? QString::fromUtf8(device.id()) : device.description();
}

} // namespace

AudioPlayback::AudioPlayback(QObject* parent)
    : QObject(parent)
{
    m_pump.setInterval(kPumpIntervalMs);
    connect(&m_pump, &QTimer::timeout, this, &AudioPlayback::pump);
}

AudioPlayback::~AudioPlayback()
{
    releaseDevice();
}

QList<QPair<QByteArray, QString>> AudioPlayback::outputDevices()
{
    return describeAudioDevices(QMediaDevices::audioOutputs());
}

bool AudioPlayback::start(int sampleRate, const QByteArray& deviceId)
{
    releaseDevice();
    m_playing = false;
    m_finishing = false;
    m_buffer.clear();

    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    QAudioDevice device = deviceId.isEmpty() ? QAudioDevice() : findAudioDevice(outputs, deviceId);
    if (device.isNull()) {
        device = QMediaDevices::defaultAudioOutput();
        if (device.isNull() && !outputs.isEmpty())
            device = outputs.first();
        if (device.isNull()) {
            Q_EMIT failed(QCoreApplication::translate(
                "caseyos::voice", "No speaker or headphones were found, so the answer cannot be spoken."));
            return false;
        }
        if (!deviceId.isEmpty())
            Q_EMIT warning(QCoreApplication::translate(
                "caseyos::voice", "The speaker chosen in Settings is not connected; using %1 instead.")
                               .arg(outputName(device)));
    }

    QAudioFormat wanted;
    wanted.setSampleRate(sampleRate);
    wanted.setChannelCount(1);
    wanted.setSampleFormat(QAudioFormat::Int16);
    m_format = device.isFormatSupported(wanted) ? wanted : device.preferredFormat();
    m_resampler.reset(m_format.sampleRate() == sampleRate
            ? nullptr
            : new LinearResampler(sampleRate, m_format.sampleRate()));

    m_device = device;
    m_sink = new QAudioSink(device, m_format, this);
    m_sink->setBufferSize(m_format.bytesForDuration(kSinkBufferUs));
    connect(m_sink, &QAudioSink::stateChanged, this, &AudioPlayback::onStateChanged);
    m_io = m_sink->start();
    if (!m_io || m_sink->error() == QAudio::OpenError || m_sink->error() == QAudio::FatalError) {
        releaseDevice();
        Q_EMIT failed(QCoreApplication::translate("caseyos::voice", "The speaker %1 could not be opened.")
                          .arg(outputName(device)));
        return false;
    }
    m_playing = true;
    m_drained = true;
    m_drainDeadline = QDeadlineTimer(QDeadlineTimer::Forever);
    m_pump.start();
    return true;
}

void AudioPlayback::append(const QByteArray& pcm)
{
    if (!m_playing || m_finishing || pcm.isEmpty())
        return;
    const QByteArray resampled = m_resampler ? m_resampler->process(pcm) : pcm;
    m_buffer.append(fromMonoInt16(resampled, m_format));
    pump();
}

void AudioPlayback::finish()
{
    if (!m_playing || m_finishing)
        return;
    m_finishing = true;
    pump();
}

void AudioPlayback::stop()
{
    if (!m_playing)
        return;
    m_playing = false;
    m_buffer.clear();
    if (m_sink)
        m_sink->reset(); // drop what the sink still holds, rather than let stop() play it out
    releaseDevice();
    Q_EMIT stopped();
}

void AudioPlayback::pump()
{
    if (!m_playing || !m_sink || !m_io)
        return;
    const int frameBytes = std::max(1, m_format.bytesPerFrame());
    const qsizetype room = qsizetype(m_sink->bytesFree()) / frameBytes * frameBytes;
    const qsizetype size = std::min(room, m_buffer.size() / frameBytes * frameBytes);
    if (size > 0) {
        const qint64 written = m_io->write(m_buffer.constData(), size);
        if (written > 0) {
            m_buffer.remove(0, written);
            m_drained = false;
        }
    }
    checkDrained();
}

void AudioPlayback::checkDrained()
{
    if (!m_playing || !m_finishing || !m_buffer.isEmpty() || !m_sink)
        return;
    if (m_drainDeadline.isForever()) {
        // Everything is in the sink now: it has at most its buffer left to play.
        const qsizetype queued = std::max<qsizetype>(0, m_sink->bufferSize() - m_sink->bytesFree());
        m_drainDeadline.setRemainingTime(m_format.durationForBytes(qint32(queued)) / 1000 + kDrainGraceMs);
    }
    if (m_drained || m_drainDeadline.hasExpired()) {
        m_playing = false;
        releaseDevice();
        Q_EMIT finished();
    }
}

void AudioPlayback::onStateChanged()
{
    if (!m_playing || !m_sink)
        return;
    if (m_sink->state() == QAudio::StoppedState
        && (m_sink->error() == QAudio::IOError || m_sink->error() == QAudio::FatalError
            || m_sink->error() == QAudio::OpenError)) {
        m_playing = false;
        m_buffer.clear();
        releaseDevice();
        Q_EMIT failed(QCoreApplication::translate("caseyos::voice", "The speaker %1 stopped working.")
                          .arg(outputName(m_device)));
        return;
    }
    if (m_sink->state() == QAudio::IdleState) {
        m_drained = true;
        checkDrained();
    }
}

void AudioPlayback::releaseDevice()
{
    m_pump.stop();
    m_io = nullptr;
    if (m_sink) {
        disconnect(m_sink, nullptr, this, nullptr);
        m_sink->stop();
        // Possibly inside the sink's own stateChanged: never delete it under its feet.
        m_sink->deleteLater();
    }
    m_sink = nullptr;
    m_resampler.reset();
}

} // namespace caseyos::voice
