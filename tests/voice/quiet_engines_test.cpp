// The engines print nothing: pocketsphinx logs its whole configuration and every utterance to stderr by
// default, and the app's stdout is the MCP channel in `caseyos mcp` and the CLI's output.
#include "SpeechFixtures.h"
#include "voice/OfflineRecognizer.h"
#include "voice/OfflineSynthesizer.h"
#include "voice/WakeWordSpotter.h"

#include <QFile>
#include <QTemporaryFile>
#include <cstdio>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace caseyos::voice;
using namespace caseyos::voice::test;

TEST(VoiceEngines, PrintNothingOnStdoutOrStderr)
{
    // The fixtures run flite first, outside the capture.
    const QByteArray speech = spokenPcm(u"hey jarvis, record an outcome"_s);
    ASSERT_FALSE(speech.isEmpty());

    QTemporaryFile capture;
    ASSERT_TRUE(capture.open());
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = dup(STDOUT_FILENO);
    const int savedErr = dup(STDERR_FILENO);
    dup2(capture.handle(), STDOUT_FILENO);
    dup2(capture.handle(), STDERR_FILENO);

    QString recognizerError;
    QString spotterError;
    QString synthesizerError;
    QString transcript;
    bool spotted = false;
    bool spoke = false;
    {
        auto recognizer = OfflineRecognizer::create(&recognizerError);
        if (recognizer) {
            recognizer->setVocabulary({ u"record an outcome"_s, u"priya"_s });
            transcript = recognizer->transcribe(speech, &recognizerError);
        }
        auto spotter = WakeWordSpotter::create(&spotterError);
        if (spotter)
            spotted = spotter->feed(speech + QByteArray(16000, '\0')).has_value();
        auto synthesizer = OfflineSynthesizer::create(&synthesizerError);
        if (synthesizer)
            spoke = synthesizer->synthesize(
                u"Done."_s, 1.0, [](const QByteArray&) { return true; }, &synthesizerError);
    }

    std::fflush(stdout);
    std::fflush(stderr);
    dup2(savedOut, STDOUT_FILENO);
    dup2(savedErr, STDERR_FILENO);
    close(savedOut);
    close(savedErr);

    EXPECT_TRUE(recognizerError.isEmpty()) << recognizerError.toStdString();
    EXPECT_TRUE(spotterError.isEmpty()) << spotterError.toStdString();
    EXPECT_TRUE(synthesizerError.isEmpty()) << synthesizerError.toStdString();
    EXPECT_TRUE(transcript.contains(u"outcome"_s)) << transcript.toStdString();
    EXPECT_TRUE(spotted);
    EXPECT_TRUE(spoke);
    QFile written(capture.fileName());
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_EQ(written.readAll().left(2000).toStdString(), std::string());
}
