#pragma once

#include <QByteArray>

namespace caseyos::voice {

// Speech is captured, recognised and spotted as 16 kHz mono signed 16-bit little-endian PCM: what pocketsphinx's
// en-us model was trained on and what OpenAI's transcription accepts inside a WAV file.
inline constexpr int kCaptureSampleRate = 16000;
// OpenAI's speech API with response_format "pcm" answers 24 kHz mono signed 16-bit little-endian.
inline constexpr int kOpenAiSpeechSampleRate = 24000;

// Bytes of mono 16-bit PCM lasting `milliseconds` at `sampleRate`, and the reverse.
constexpr qsizetype pcmBytes(int sampleRate, int milliseconds)
{
    return qsizetype(sampleRate) * milliseconds / 1000 * 2;
}
constexpr int pcmMilliseconds(int sampleRate, qsizetype bytes)
{
    return sampleRate > 0 ? int(bytes / 2 * 1000 / sampleRate) : 0;
}

// A RIFF/WAVE file (44-byte header) around mono 16-bit PCM: how a recording is uploaded for transcription.
QByteArray wavFile(const QByteArray& pcm, int sampleRate);

// The PCM inside a mono 16-bit WAV file and its rate; false (with a sentence in `error`) for anything else.
bool readWav(const QByteArray& file, QByteArray* pcm, int* sampleRate, QString* error);

// Root-mean-square level of 16-bit PCM, 0 (silence) to 1 (full scale).
float pcmLevel(const QByteArray& pcm);

} // namespace caseyos::voice
