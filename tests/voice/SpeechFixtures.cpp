#include "SpeechFixtures.h"

#include "voice/VoiceAudio.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;

namespace caseyos::voice::test {

namespace {

bool run(const QString& program, const QStringList& arguments)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        ADD_FAILURE() << program.toStdString() << " is not installed: the speech fixtures need the packages "
                      << "flite and sox (apt-get install flite sox).";
        return false;
    }
    QProcess process;
    process.start(path, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        ADD_FAILURE() << program.toStdString() << ' ' << arguments.join(u' ').toStdString()
                      << " failed: " << process.readAllStandardError().toStdString();
        return false;
    }
    return true;
}

} // namespace

QByteArray spokenPcm(const QString& text, const QString& fliteVoice)
{
    static QHash<QString, QByteArray> cache;
    const QString key = fliteVoice + u'\n' + text;
    if (const auto found = cache.constFind(key); found != cache.constEnd())
        return *found;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        ADD_FAILURE() << "no temporary folder for the speech fixtures";
        return {};
    }
    const QString spoken = dir.filePath(u"tmp.wav"_s);
    const QString converted = dir.filePath(u"out.wav"_s);
    if (!run(u"flite"_s, { u"-voice"_s, fliteVoice, u"-t"_s, text, u"-o"_s, spoken })
        || !run(u"sox"_s, { spoken, u"-r"_s, u"16000"_s, u"-c"_s, u"1"_s, u"-b"_s, u"16"_s, converted }))
        return {};
    QFile file(converted);
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "sox wrote no " << converted.toStdString();
        return {};
    }
    QByteArray pcm;
    int rate = 0;
    QString error;
    if (!readWav(file.readAll(), &pcm, &rate, &error) || rate != kCaptureSampleRate) {
        ADD_FAILURE() << "unreadable speech fixture: " << error.toStdString() << " (rate " << rate << ')';
        return {};
    }
    cache.insert(key, pcm);
    return pcm;
}

QByteArray silencePcm(int milliseconds)
{
    return QByteArray(pcmBytes(kCaptureSampleRate, milliseconds), '\0');
}

QByteArray resampledTo16k(const QByteArray& pcm, int sampleRate)
{
    const qsizetype inSamples = pcm.size() / 2;
    if (inSamples < 2 || sampleRate <= 0)
        return {};
    const auto sample
        = [&](qsizetype i) { return double(qFromLittleEndian<qint16>(pcm.constData() + 2 * i)); };
    const qsizetype outSamples = inSamples * kCaptureSampleRate / sampleRate;
    QByteArray out(outSamples * 2, Qt::Uninitialized);
    for (qsizetype j = 0; j < outSamples; ++j) {
        const double at = double(j) * sampleRate / kCaptureSampleRate;
        const auto i = std::min(qsizetype(at), inSamples - 2);
        const double t = at - double(i);
        qToLittleEndian(qint16(sample(i) * (1 - t) + sample(i + 1) * t), out.data() + 2 * j);
    }
    return out;
}

} // namespace caseyos::voice::test
