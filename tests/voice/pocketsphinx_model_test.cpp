// The run-time phrase model (a well-formed ARPA trigram file whose probabilities sum to one), the words of a
// phrase, and the sentence for a missing model.
#include "voice/PhraseLanguageModel.h"
#include "voice/PocketSphinxModel.h"

#include <QMap>
#include <QString>
#include <QTemporaryDir>
#include <cmath>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::voice;

TEST(PhraseLanguageModel, IsAnArpaTrigramModelOfThePhrases)
{
    const QByteArray arpa = arpaTrigramModel({ { u"accept"_s, u"the"_s, u"top"_s, u"move"_s },
        { u"snooze"_s, u"the"_s, u"top"_s, u"move"_s }, { u"help"_s } });
    EXPECT_TRUE(arpa.startsWith("\\data\\\nngram 1=8\n")) << arpa.left(60).toStdString();
    EXPECT_TRUE(arpa.contains("\\3-grams:\n"));
    EXPECT_TRUE(arpa.contains(" accept the top\n"));
    EXPECT_TRUE(arpa.trimmed().endsWith("\\end\\"));

    // Unigram probabilities (without <s>) sum to one.
    double sum = 0;
    bool inUnigrams = false;
    for (const QByteArray& line : arpa.split('\n')) {
        if (line.startsWith("\\1-grams"))
            inUnigrams = true;
        else if (line.startsWith("\\2-grams"))
            break;
        else if (inUnigrams && !line.isEmpty() && !line.contains("<s>"))
            sum += std::pow(10.0, line.split(' ').first().toDouble());
    }
    EXPECT_NEAR(sum, 1.0, 1e-4);
    EXPECT_TRUE(arpaTrigramModel({}).contains("ngram 3=0"));
}

TEST(PocketSphinxModel, AMissingModelIsNamedByItsPackage)
{
    QTemporaryDir empty;
    ASSERT_TRUE(empty.isValid());
    QString error;
    EXPECT_FALSE(PocketSphinxModel::at(empty.path(), &error).isValid());
    EXPECT_EQ(error, u"The offline speech model is not installed (package pocketsphinx-en-us)."_s);
    error.clear();
    EXPECT_TRUE(PocketSphinxModel::installed(&error).isValid()) << error.toStdString();
}

TEST(PocketSphinxModel, PhraseWordsAreDictionarySpellings)
{
    EXPECT_EQ(phraseWords(u"Draft a follow-up to Sarah…"_s),
        (QStringList { u"draft"_s, u"a"_s, u"follow-up"_s, u"to"_s, u"sarah"_s }));
    EXPECT_EQ(phraseWords(u"What\u2019s up? 'quoted' -dash-"_s),
        (QStringList { u"what's"_s, u"up"_s, u"quoted"_s, u"dash"_s }));
    EXPECT_TRUE(phraseWords(u" ... "_s).isEmpty());
}
