#pragma once

#include <QAudioDevice>
#include <QAudioFormat>
#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <chrono>
#include <memory>

class QAudioSource;
class QIODevice;
class QMediaDevices;

namespace caseyos::voice {

class PcmConverter;

// The microphone: records 16 kHz mono signed 16-bit PCM (kCaptureSampleRate) for push-to-talk and wake words.
// Lives on the voice thread; reads the QAudioSource's device as data arrives, so nothing ever waits on audio.
class AudioCapture : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultMaxDuration { 60'000 };

    explicit AudioCapture(QObject* parent = nullptr);
    ~AudioCapture() override;

    // (id, description) of every microphone, for the settings.
    static QList<QPair<QByteArray, QString>> inputDevices();

    // A stuck push-to-talk key must not record forever: capture stops itself after this (limitReached()).
    void setMaxDuration(std::chrono::milliseconds duration) { m_maxDuration = duration; }
    std::chrono::milliseconds maxDuration() const { return m_maxDuration; }

    // Starts recording from the device with `deviceId` (empty: the system's default). A device that is gone
    // falls back to the default with warning(); false (and failed()) when there is no microphone or it cannot
    // be opened.
    bool start(const QByteArray& deviceId);
    // Stops (if still recording) and hands over everything captured since start().
    QByteArray stop();

    bool isCapturing() const { return m_capturing; }
    // The id of the device actually recording (after any fallback).
    QByteArray deviceId() const { return m_device.id(); }

Q_SIGNALS:
    // Audio as it arrives (16 kHz mono s16), for wake-word spotting.
    void chunk(const QByteArray& pcm);
    // pcmLevel() of the audio since the previous level, at most about 20 times a second, for a meter.
    void level(float value);
    void warning(const QString& message);
    void failed(const QString& message);
    // The maximum duration was reached and capture stopped; stop() still returns the recording.
    void limitReached();

private:
    void readAvailable();
    void take(const QByteArray& pcm);
    void onStateChanged();
    void onDevicesChanged();
    void reachLimit();
    void fail(const QString& message);
    void releaseDevice();

    std::chrono::milliseconds m_maxDuration = kDefaultMaxDuration;
    QMediaDevices* m_devices = nullptr;
    QPointer<QAudioSource> m_source;
    QPointer<QIODevice> m_io;
    std::unique_ptr<PcmConverter> m_converter; // only when the device would not give 16 kHz mono s16
    QAudioDevice m_device;
    QByteArray m_recorded;
    QByteArray m_levelPending;
    QElapsedTimer m_levelClock;
    QTimer m_limitTimer;
    bool m_capturing = false;
};

} // namespace caseyos::voice
