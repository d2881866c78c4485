#pragma once

#include <QByteArray>
#include <QString>

namespace caseyos::voice::test {

// `text` spoken by flite's `voice` ("rms", "slt", "awb", …) as 16 kHz mono 16-bit PCM: pocketsphinx
// recognises flite's voices well (PLATFORM.md), so recognition tests need no recorded audio. Cached per text
// and voice. Empty, with a test failure saying why, when flite or sox is missing or fails.
QByteArray spokenPcm(const QString& text, const QString& fliteVoice = QStringLiteral("rms"));

// `milliseconds` of digital silence at 16 kHz.
QByteArray silencePcm(int milliseconds);

// 16 kHz mono 16-bit PCM resampled from `sampleRate` (linear interpolation: enough for speech in tests).
QByteArray resampledTo16k(const QByteArray& pcm, int sampleRate);

} // namespace caseyos::voice::test
