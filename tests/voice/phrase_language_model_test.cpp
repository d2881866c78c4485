// The run-time phrase model: a well-formed ARPA trigram file whose probabilities sum to one.
#include "voice/PhraseLanguageModel.h"

#include <QMap>
#include <QString>
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
