#include "voice/AudioCapture.h"

#include "voice/AudioDevices.h"
#include "voice/PcmConvert.h"
#include "voice/VoiceAudio.h"

#include <QAudioSource>
#include <QCoreApplication>
#include <QIODevice>
#include <QMediaDevices>
#include <algorithm>
#include <utility>

namespace caseyos::voice {

using namespace Qt::StringLiterals;

namespace {

// A meter needs no more than this; more would flood the UI thread with queued signals.
constexpr qint64 kLevelIntervalMs = 50;
// The wall-clock backstop past the limit, for a device that delivers less than real time (or nothing).
constexpr std::chrono::milliseconds kLimitGrace { 500 };

QAudioFormat captureFormat()
{
    QAudioFormat format;
    format.setSampleRate(kCaptureSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

QString deviceName(const QAudioDevice& device)
{
    return device.description().isEmpty() ? QString::fromUtf8(device.id()) : device.description();
}

} // namespace

AudioCapture::AudioCapture(QObject* parent)
    : QObject(parent)
    , m_devices(new QMediaDevices(this))
{
    m_limitTimer.setSingleShot(true);
    connect(&m_limitTimer, &QTimer::timeout, this, &AudioCapture::reachLimit);
    connect(m_devices, &QMediaDevices::audioInputsChanged, this, &AudioCapture::onDevicesChanged);
}

AudioCapture::~AudioCapture()
{
    releaseDevice();
}

QList<QPair<QByteArray, QString>> AudioCapture::inputDevices()
{
    return describeAudioDevices(QMediaDevices::audioInputs());
}

bool AudioCapture::start(const QByteArray& deviceId)
{
    releaseDevice();
    m_capturing = false;
    m_recorded.clear();
    m_levelPending.clear();

    const QList<QAudioDevice> inputs = QMediaDevices::audioInputs();
    QAudioDevice device = deviceId.isEmpty() ? QAudioDevice() : findAudioDevice(inputs, deviceId);
    if (device.isNull()) {
        device = QMediaDevices::defaultAudioInput();
        if (device.isNull() && !inputs.isEmpty())
            device = inputs.first();
        if (device.isNull()) {
            Q_EMIT failed(QCoreApplication::translate("caseyos::voice",
                "No microphone was found. Connect one, or check the system's sound settings."));
            return false;
        }
        if (!deviceId.isEmpty())
            Q_EMIT warning(QCoreApplication::translate(
                "caseyos::voice", "The microphone chosen in Settings is not connected; using %1 instead.")
                               .arg(deviceName(device)));
    }

    // PulseAudio converts to anything; other back ends may insist on the device's own format.
    const QAudioFormat wanted = captureFormat();
    const QAudioFormat format = device.isFormatSupported(wanted) ? wanted : device.preferredFormat();
    m_converter.reset(format == wanted ? nullptr : new PcmConverter(format, kCaptureSampleRate));

    m_device = device;
    m_source = new QAudioSource(device, format, this);
    // About 100 ms a read: often enough for the wake-word spotter and the meter, few enough wake-ups.
    m_source->setBufferSize(format.bytesForDuration(100'000));
    connect(m_source, &QAudioSource::stateChanged, this, &AudioCapture::onStateChanged);
    m_io = m_source->start();
    if (!m_io || m_source->error() == QAudio::OpenError || m_source->error() == QAudio::FatalError) {
        releaseDevice();
        Q_EMIT failed(QCoreApplication::translate("caseyos::voice", "The microphone %1 could not be opened.")
                          .arg(deviceName(device)));
        return false;
    }
    connect(m_io, &QIODevice::readyRead, this, &AudioCapture::readAvailable);
    m_capturing = true;
    m_levelClock.start();
    m_limitTimer.start(m_maxDuration + kLimitGrace);
    return true;
}

QByteArray AudioCapture::stop()
{
    if (m_capturing) {
        readAvailable();
        m_capturing = false;
        releaseDevice();
    }
    m_levelPending.clear();
    return std::exchange(m_recorded, {});
}

void AudioCapture::readAvailable()
{
    if (!m_capturing || !m_io)
        return;
    const QByteArray raw = m_io->readAll();
    if (raw.isEmpty())
        return;
    take(m_converter ? m_converter->convert(raw) : raw);
}

void AudioCapture::take(const QByteArray& input)
{
    QByteArray pcm = input;
    const qsizetype limit = pcmBytes(kCaptureSampleRate, int(m_maxDuration.count()));
    const bool full = m_recorded.size() + pcm.size() >= limit;
    if (full)
        pcm.truncate(std::max<qsizetype>(0, limit - m_recorded.size()));
    if (!pcm.isEmpty()) {
        m_recorded.append(pcm);
        m_levelPending.append(pcm);
        Q_EMIT chunk(pcm);
        if (m_levelClock.elapsed() >= kLevelIntervalMs) {
            m_levelClock.restart();
            Q_EMIT level(pcmLevel(std::exchange(m_levelPending, {})));
        }
    }
    if (full)
        reachLimit();
}

void AudioCapture::reachLimit()
{
    if (!m_capturing)
        return;
    m_capturing = false;
    releaseDevice();
    Q_EMIT limitReached();
}

void AudioCapture::onStateChanged()
{
    if (!m_capturing || !m_source || m_source->state() != QAudio::StoppedState)
        return;
    switch (m_source->error()) {
    case QAudio::OpenError:
    case QAudio::IOError:
    case QAudio::FatalError:
        fail(QCoreApplication::translate("caseyos::voice", "The microphone %1 stopped working.")
                 .arg(deviceName(m_device)));
        break;
    default:
        break;
    }
}

void AudioCapture::onDevicesChanged()
{
    if (m_capturing && findAudioDevice(QMediaDevices::audioInputs(), m_device.id()).isNull())
        fail(QCoreApplication::translate("caseyos::voice", "The microphone %1 was disconnected.")
                 .arg(deviceName(m_device)));
}

void AudioCapture::fail(const QString& message)
{
    // What was recorded so far stays for stop(): the start of a question is better than nothing.
    readAvailable();
    m_capturing = false;
    releaseDevice();
    Q_EMIT failed(message);
}

void AudioCapture::releaseDevice()
{
    m_limitTimer.stop();
    if (m_io)
        disconnect(m_io, nullptr, this, nullptr);
    m_io = nullptr;
    if (m_source) {
        disconnect(m_source, nullptr, this, nullptr);
        m_source->stop();
        // Possibly inside the source's own stateChanged: never delete it under its feet.
        m_source->deleteLater();
    }
    m_source = nullptr;
    m_converter.reset();
}

} // namespace caseyos::voice
