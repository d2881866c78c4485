// OfflineRecognizer on commands and free speech spoken by flite: accuracy with and without the command
// vocabulary, silence, noise, and the real-time factor of decoding. Prints "[ measured ]" lines.
#include "CommandPhrases.h"
#include "SpeechFixtures.h"
#include "voice/OfflineRecognizer.h"
#include "voice/VoiceAudio.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtEndian>
#include <cstdio>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::voice;
using namespace caseyos::voice::test;

namespace {

struct Utterance
{
    QString text;
    QString voice;
    QStringList keyWords; // all must be in the transcript
};

// 32 commands in three flite voices. Key words are what the intent router needs to act.
QList<Utterance> commandTable()
{
    const QList<std::pair<QString, QStringList>> commands {
        { u"what's up"_s, { u"what's"_s, u"up"_s } },
        { u"accept the top move"_s, { u"accept"_s, u"top"_s } },
        { u"accept the second move"_s, { u"accept"_s, u"second"_s } },
        { u"snooze the second one until tomorrow"_s, { u"snooze"_s, u"second"_s, u"tomorrow"_s } },
        { u"snooze the top move until monday"_s, { u"snooze"_s, u"top"_s, u"monday"_s } },
        { u"dismiss the third move"_s, { u"dismiss"_s, u"third"_s } },
        { u"draft a follow-up to sarah chen"_s, { u"draft"_s, u"follow-up"_s, u"sarah"_s } },
        { u"draft a follow-up to david miller"_s, { u"draft"_s, u"follow-up"_s, u"david"_s } },
        { u"record an outcome"_s, { u"record"_s, u"outcome"_s } },
        { u"run the duplicate watcher"_s, { u"duplicate"_s, u"watcher"_s } },
        { u"search memory for pricing"_s, { u"search"_s, u"memory"_s, u"pricing"_s } },
        { u"help"_s, { u"help"_s } },
        { u"show my notifications"_s, { u"notifications"_s } },
        { u"list my agents"_s, { u"agents"_s } },
        { u"show contacts at globex"_s, { u"contacts"_s, u"globex"_s } },
        { u"summarize the acme deal"_s, { u"summarize"_s, u"acme"_s } },
    };
    const QStringList voices { u"rms"_s, u"slt"_s, u"awb"_s };
    QList<Utterance> table;
    for (qsizetype i = 0; i < commands.size(); ++i) {
        // Each command twice, by two different voices.
        table.append({ commands[i].first, voices[i % 3], commands[i].second });
        table.append({ commands[i].first, voices[(i + 1) % 3], commands[i].second });
    }
    return table;
}

// Hyphens count as spaces: the general model writes "follow up" where the dictionary also has "follow-up".
bool hasAllWords(const QString& transcript, const QStringList& words)
{
    const QStringList heard = QString(transcript).replace(u'-', u' ').split(u' ', Qt::SkipEmptyParts);
    for (const QString& word : words) {
        for (const QString& part : QString(word).replace(u'-', u' ').split(u' ', Qt::SkipEmptyParts)) {
            if (!heard.contains(part))
                return false;
        }
    }
    return true;
}

struct TableResult
{
    int correct = 0;
    double audioSeconds = 0;
    double decodeSeconds = 0;
};

} // namespace

// Outside the anonymous namespace: the TEST_F classes derive from it (-Wsubobject-linkage in unity builds).
class OfflineRecognizerTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        QString error;
        QElapsedTimer timer;
        timer.start();
        s_recognizer = OfflineRecognizer::create(&error).release();
        s_createError = error;
        std::printf("[ measured ] offline recogniser loaded in %lld ms\n", qint64(timer.elapsed()));
    }
    static void TearDownTestSuite()
    {
        delete s_recognizer;
        s_recognizer = nullptr;
    }
    void SetUp() override
    {
        ASSERT_NE(s_recognizer, nullptr) << s_createError.toStdString();
        s_recognizer->setVocabulary({});
    }

    static TableResult runTable(const QList<Utterance>& table)
    {
        TableResult result;
        for (const Utterance& utterance : table) {
            const QByteArray pcm = spokenPcm(utterance.text, utterance.voice);
            QString error;
            QElapsedTimer timer;
            timer.start();
            const QString transcript = s_recognizer->transcribe(pcm, &error);
            result.decodeSeconds += double(timer.nsecsElapsed()) / 1e9;
            result.audioSeconds += double(pcmMilliseconds(kCaptureSampleRate, pcm.size())) / 1000;
            EXPECT_TRUE(error.isEmpty()) << error.toStdString();
            const bool ok = hasAllWords(transcript, utterance.keyWords);
            result.correct += ok ? 1 : 0;
            if (!ok)
                std::printf("  missed (%s): \"%s\" -> \"%s\"\n", qPrintable(utterance.voice),
                    qPrintable(utterance.text), qPrintable(transcript));
        }
        return result;
    }

    static inline OfflineRecognizer* s_recognizer = nullptr;
    static inline QString s_createError;
};

TEST_F(OfflineRecognizerTest, CommandsAreRecognisedAndTheVocabularyHelps)
{
    const QList<Utterance> table = commandTable();
    ASSERT_GE(table.size(), 30);

    const TableResult general = runTable(table);
    s_recognizer->setVocabulary(commandVocabulary());
    const TableResult biased = runTable(table);

    std::printf("[ measured ] offline recognition, %d commands (flite rms/slt/awb): %d/%d with the command "
                "vocabulary, %d/%d without\n",
        int(table.size()), biased.correct, int(table.size()), general.correct, int(table.size()));
    std::printf("[ measured ] offline recognition real-time factor: %.3f with the vocabulary, %.3f without "
                "(%.1f s of audio)\n",
        biased.decodeSeconds / biased.audioSeconds, general.decodeSeconds / general.audioSeconds,
        biased.audioSeconds);
    RecordProperty("accuracy_with_vocabulary", biased.correct);
    RecordProperty("accuracy_without_vocabulary", general.correct);

    EXPECT_GE(biased.correct, general.correct);
    EXPECT_GE(biased.correct, int(table.size()) - 2); // the floor measured on this machine, less a margin
}

TEST_F(OfflineRecognizerTest, NamesMissingFromTheDictionaryAreLeftOutOfTheVocabulary)
{
    s_recognizer->setVocabulary(commandVocabulary());
    EXPECT_TRUE(s_recognizer->unknownWords().contains(u"priya"_s));
    EXPECT_TRUE(s_recognizer->unknownWords().contains(u"initech"_s));
    EXPECT_FALSE(s_recognizer->unknownWords().contains(u"patel"_s));
    // The rest of that phrase still counts.
    QString error;
    const QString transcript
        = s_recognizer->transcribe(spokenPcm(u"schedule a meeting with priya patel"_s), &error);
    EXPECT_TRUE(error.isEmpty());
    EXPECT_TRUE(hasAllWords(transcript, { u"schedule"_s, u"meeting"_s })) << transcript.toStdString();
}

TEST_F(OfflineRecognizerTest, FreeSpeechOutsideTheVocabularyIsStillTranscribed)
{
    const QList<std::pair<QString, QString>> sentences {
        { u"the weather is nice today and i would like a cup of coffee"_s, u"slt"_s },
        { u"please tell me about the history of the city"_s, u"rms"_s },
        { u"my sister bought a new bicycle last summer"_s, u"awb"_s },
    };
    for (const bool withVocabulary : { false, true }) {
        s_recognizer->setVocabulary(withVocabulary ? commandVocabulary() : QStringList());
        int found = 0;
        int total = 0;
        for (const auto& [sentence, voice] : sentences) {
            QString error;
            const QString transcript = s_recognizer->transcribe(spokenPcm(sentence, voice), &error);
            EXPECT_TRUE(error.isEmpty());
            const QStringList heard = transcript.split(u' ');
            for (const QString& word : sentence.split(u' ')) {
                ++total;
                found += heard.contains(word) ? 1 : 0;
            }
            std::printf("  free speech%s: \"%s\" -> \"%s\"\n", withVocabulary ? " (vocabulary)" : "",
                qPrintable(sentence), qPrintable(transcript));
        }
        std::printf("[ measured ] free speech words %s the vocabulary: %d/%d\n",
            withVocabulary ? "with" : "without", found, total);
        EXPECT_GE(found * 10, total * 6) << "fewer than 60 % of the words";
    }
}

TEST_F(OfflineRecognizerTest, SilenceGivesNothingAndNoError)
{
    for (const bool withVocabulary : { false, true }) {
        s_recognizer->setVocabulary(withVocabulary ? commandVocabulary() : QStringList());
        QString error = u"stale"_s;
        EXPECT_EQ(s_recognizer->transcribe(silencePcm(2000), &error), QString());
        EXPECT_EQ(error, QString());
        EXPECT_EQ(s_recognizer->transcribe({}, &error), QString());
        EXPECT_EQ(error, QString());
    }
}

TEST_F(OfflineRecognizerTest, NoiseAndScrapsOfAudioDoNotBreakIt)
{
    s_recognizer->setVocabulary(commandVocabulary());
    QByteArray noise(pcmBytes(kCaptureSampleRate, 1500), Qt::Uninitialized);
    auto* random = QRandomGenerator::global();
    for (qsizetype i = 0; i < noise.size() / 2; ++i)
        qToLittleEndian(qint16(random->bounded(-8000, 8000)), noise.data() + 2 * i);
    QString error;
    (void)s_recognizer->transcribe(noise, &error); // any words, but no crash and no error
    EXPECT_EQ(error, QString());
    EXPECT_EQ(s_recognizer->transcribe(noise.left(20), &error), QString());
    EXPECT_EQ(s_recognizer->transcribe(noise.left(3), &error), QString()); // odd byte count
    EXPECT_EQ(error, QString());
    // Still works afterwards.
    EXPECT_TRUE(hasAllWords(
        s_recognizer->transcribe(spokenPcm(u"record an outcome"_s), &error), { u"record"_s, u"outcome"_s }));
}
