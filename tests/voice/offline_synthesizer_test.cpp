// OfflineSynthesizer (espeak-ng): duration, speed, streaming chunks, interruption, empty text, and a round
// trip through OfflineRecognizer. Prints the time to the first chunk.
#include "CommandPhrases.h"
#include "SpeechFixtures.h"
#include "voice/OfflineRecognizer.h"
#include "voice/OfflineSynthesizer.h"
#include "voice/VoiceAudio.h"

#include <QElapsedTimer>
#include <cstdio>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::voice;
using namespace caseyos::voice::test;

namespace {

const QString kSentence = u"Your top move is to reply to Sarah"_s;

struct Spoken
{
    QByteArray pcm;
    int chunks = 0;
    double firstChunkMs = -1;
    bool ok = false;
    QString error;
};

Spoken speak(OfflineSynthesizer& synthesizer, const QString& text, double speed, int stopAfterChunks = -1)
{
    Spoken spoken;
    QElapsedTimer timer;
    timer.start();
    spoken.ok = synthesizer.synthesize(
        text, speed,
        [&](const QByteArray& pcm) {
            if (spoken.chunks == 0)
                spoken.firstChunkMs = double(timer.nsecsElapsed()) / 1e6;
            ++spoken.chunks;
            spoken.pcm += pcm;
            return stopAfterChunks < 0 || spoken.chunks < stopAfterChunks;
        },
        &spoken.error);
    return spoken;
}

double seconds(const OfflineSynthesizer& synthesizer, const QByteArray& pcm)
{
    return double(pcm.size() / 2) / synthesizer.sampleRate();
}

std::unique_ptr<OfflineSynthesizer> makeSynthesizer()
{
    QString error;
    auto synthesizer = OfflineSynthesizer::create(&error);
    EXPECT_NE(synthesizer, nullptr) << error.toStdString();
    return synthesizer;
}

} // namespace

TEST(OfflineSynthesizer, SpeaksInChunksAtAPlausibleLength)
{
    auto synthesizer = makeSynthesizer();
    ASSERT_NE(synthesizer, nullptr);
    EXPECT_GE(synthesizer->sampleRate(), 8000);
    const Spoken normal = speak(*synthesizer, kSentence, 1.0);
    ASSERT_TRUE(normal.ok) << normal.error.toStdString();
    const double length = seconds(*synthesizer, normal.pcm);
    EXPECT_GT(length, 1.0);
    EXPECT_LT(length, 5.0);
    EXPECT_GT(normal.chunks, 1) << "the audio came in one piece: playback could not start early";
    EXPECT_GT(pcmLevel(normal.pcm), 0.01f) << "silent";
    std::printf(
        "[ measured ] offline synthesis: %.2f s of speech in %d chunks, first chunk after %.1f ms (%d Hz)\n",
        length, normal.chunks, normal.firstChunkMs, synthesizer->sampleRate());
}

TEST(OfflineSynthesizer, DoubleSpeedIsMuchShorter)
{
    auto synthesizer = makeSynthesizer();
    ASSERT_NE(synthesizer, nullptr);
    const double normal = seconds(*synthesizer, speak(*synthesizer, kSentence, 1.0).pcm);
    const double fast = seconds(*synthesizer, speak(*synthesizer, kSentence, 2.0).pcm);
    const double slow = seconds(*synthesizer, speak(*synthesizer, kSentence, 0.5).pcm);
    std::printf("[ measured ] offline synthesis lengths: %.2f s at 0.5, %.2f s at 1.0, %.2f s at 2.0\n", slow,
        normal, fast);
    EXPECT_LE(fast, normal * 0.7);
    EXPECT_GT(slow, normal);
    // Out-of-range speeds are clamped, not refused.
    EXPECT_EQ(OfflineSynthesizer::wordsPerMinute(1.0), 175);
    EXPECT_EQ(OfflineSynthesizer::wordsPerMinute(100.0), OfflineSynthesizer::wordsPerMinute(4.0));
    EXPECT_EQ(OfflineSynthesizer::wordsPerMinute(0.0), OfflineSynthesizer::wordsPerMinute(0.25));
    EXPECT_TRUE(speak(*synthesizer, u"ok"_s, 100.0).ok);
}

TEST(OfflineSynthesizer, ReturningFalseFromTheCallbackStopsIt)
{
    auto synthesizer = makeSynthesizer();
    ASSERT_NE(synthesizer, nullptr);
    const QString longText = kSentence + u". "_s + kSentence + u". "_s + kSentence + u'.';
    const Spoken whole = speak(*synthesizer, longText, 1.0);
    ASSERT_GT(whole.chunks, 3);
    const Spoken stopped = speak(*synthesizer, longText, 1.0, 2);
    EXPECT_TRUE(stopped.ok) << stopped.error.toStdString();
    EXPECT_EQ(stopped.chunks, 2);
    EXPECT_LT(stopped.pcm.size(), whole.pcm.size() / 2);
    // The next synthesis starts afresh.
    const Spoken again = speak(*synthesizer, kSentence, 1.0);
    EXPECT_TRUE(again.ok);
    EXPECT_GT(seconds(*synthesizer, again.pcm), 1.0);
}

TEST(OfflineSynthesizer, EmptyTextIsAClearError)
{
    auto synthesizer = makeSynthesizer();
    ASSERT_NE(synthesizer, nullptr);
    for (const QString& text : { QString(), u"   "_s }) {
        const Spoken spoken = speak(*synthesizer, text, 1.0);
        EXPECT_FALSE(spoken.ok);
        EXPECT_FALSE(spoken.error.isEmpty());
        EXPECT_EQ(spoken.chunks, 0);
    }
}

// espeak-ng's voice is recognised badly by pocketsphinx (PLATFORM.md); with the command vocabulary most
// commands keep a key word. Both engines are deterministic, so the figure measured here (6/8) is stable.
TEST(OfflineSynthesizer, ItsSpeechIsPartlyRecognisedWithTheCommandVocabulary)
{
    auto synthesizer = makeSynthesizer();
    ASSERT_NE(synthesizer, nullptr);
    QString error;
    auto recognizer = OfflineRecognizer::create(&error);
    ASSERT_NE(recognizer, nullptr) << error.toStdString();
    recognizer->setVocabulary(commandVocabulary());
    const QList<std::pair<QString, QStringList>> commands {
        { u"accept the top move"_s, { u"accept"_s, u"top"_s, u"move"_s } },
        { u"record an outcome"_s, { u"record"_s, u"outcome"_s } },
        { u"what's up"_s, { u"what's"_s } },
        { u"run the duplicate watcher"_s, { u"duplicate"_s, u"watcher"_s } },
        { u"search memory for pricing"_s, { u"search"_s, u"memory"_s, u"pricing"_s } },
        { u"help"_s, { u"help"_s } },
        { u"show my notifications"_s, { u"notifications"_s } },
        { u"snooze the second one until tomorrow"_s, { u"snooze"_s, u"second"_s, u"tomorrow"_s } },
    };
    int withKeyWord = 0;
    for (const auto& [text, keyWords] : commands) {
        const QByteArray spoken = speak(*synthesizer, text, 1.0).pcm;
        const QString transcript = recognizer->transcribe(
            silencePcm(200) + resampledTo16k(spoken, synthesizer->sampleRate()) + silencePcm(300), &error);
        EXPECT_TRUE(error.isEmpty());
        const QStringList heard = transcript.split(u' ');
        const bool ok = std::any_of(
            keyWords.begin(), keyWords.end(), [&](const QString& w) { return heard.contains(w); });
        withKeyWord += ok ? 1 : 0;
        std::printf("  espeak \"%s\" -> \"%s\"%s\n", qPrintable(text), qPrintable(transcript),
            ok ? "" : " (no key word)");
    }
    std::printf("[ measured ] espeak-ng speech recognised with a key word: %d/%d\n", withKeyWord,
        int(commands.size()));
    EXPECT_GE(withKeyWord, 5);
}
