#include "voice/VoiceAudio.h"

#include <QCoreApplication>
#include <QString>
#include <QtEndian>

#include <cmath>

namespace caseyos::voice {

namespace {

void appendLe32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendLe16(QByteArray& out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

QString wavText(const char* text)
{
    return QCoreApplication::translate("caseyos::voice", text);
}

} // namespace

QByteArray wavFile(const QByteArray& pcm, int sampleRate)
{
    QByteArray out;
    out.reserve(44 + pcm.size());
    out.append("RIFF", 4);
    appendLe32(out, quint32(36 + pcm.size()));
    out.append("WAVEfmt ", 8);
    appendLe32(out, 16); // fmt chunk size
    appendLe16(out, 1); // PCM
    appendLe16(out, 1); // mono
    appendLe32(out, quint32(sampleRate));
    appendLe32(out, quint32(sampleRate * 2)); // byte rate
    appendLe16(out, 2); // block align
    appendLe16(out, 16); // bits per sample
    out.append("data", 4);
    appendLe32(out, quint32(pcm.size()));
    out.append(pcm);
    return out;
}

bool readWav(const QByteArray& file, QByteArray* pcm, int* sampleRate, QString* error)
{
    const auto fail = [error](const char* why) {
        if (error)
            *error = wavText(why);
        return false;
    };
    if (file.size() < 12 || !file.startsWith("RIFF") || file.mid(8, 4) != "WAVE")
        return fail("This is not a WAV file.");
    bool haveFormat = false;
    qsizetype at = 12;
    while (at + 8 <= file.size()) {
        const QByteArray id = file.mid(at, 4);
        const quint32 size = qFromLittleEndian<quint32>(file.constData() + at + 4);
        const qsizetype body = at + 8;
        if (id == "fmt ") {
            if (size < 16 || body + 16 > file.size())
                return fail("The WAV file's format block is cut short.");
            const char* f = file.constData() + body;
            const quint16 encoding = qFromLittleEndian<quint16>(f);
            const quint16 channels = qFromLittleEndian<quint16>(f + 2);
            const quint32 rate = qFromLittleEndian<quint32>(f + 4);
            const quint16 bits = qFromLittleEndian<quint16>(f + 14);
            if (encoding != 1 || channels != 1 || bits != 16 || rate == 0 || rate > 192000)
                return fail("Only mono 16-bit PCM WAV files can be read.");
            if (sampleRate)
                *sampleRate = int(rate);
            haveFormat = true;
        } else if (id == "data") {
            if (!haveFormat)
                return fail("The WAV file has no format block before its audio.");
            // A writer that was killed leaves the size at 0 or too large: take what is there.
            const qsizetype available = file.size() - body;
            qsizetype length = (size == 0 || qsizetype(size) > available) ? available : qsizetype(size);
            length -= length % 2;
            if (pcm)
                *pcm = file.mid(body, length);
            return true;
        }
        at = body + qsizetype(size) + (size % 2); // chunks are padded to even sizes
    }
    return fail(haveFormat ? "The WAV file has no audio." : "The WAV file has no format block.");
}

float pcmLevel(const QByteArray& pcm)
{
    const qsizetype samples = pcm.size() / 2;
    if (samples == 0)
        return 0.0f;
    double sum = 0;
    const char* data = pcm.constData();
    for (qsizetype i = 0; i < samples; ++i) {
        const double s = qFromLittleEndian<qint16>(data + 2 * i) / 32768.0;
        sum += s * s;
    }
    return float(std::sqrt(sum / double(samples)));
}

} // namespace caseyos::voice
