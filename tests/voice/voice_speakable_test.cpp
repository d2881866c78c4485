// What a voice reads of Jarvis's Markdown answers.
#include "voice/SpeakableText.h"

#include <gtest/gtest.h>

using namespace caseyos::voice;

TEST(SpeakableText, LinksReadAsTheirWordsAndMarkupIsSilent)
{
    EXPECT_EQ(speakableText(QStringLiteral("**Top move:** [Reply to Sarah](caseyos://move/3) — *today*")),
        QStringLiteral("Top move: Reply to Sarah — today"));
    EXPECT_EQ(speakableText(QStringLiteral("See https://example.com/x?y=1 for `details`")),
        QStringLiteral("See for details"));
}

TEST(SpeakableText, ListItemsBecomeSentencesAndHeadingsLoseTheirHashes)
{
    EXPECT_EQ(speakableText(QStringLiteral("## Today\n1. Call Acme\n2. Email Bob!\n- Done:\n\n> quoted")),
        QStringLiteral("Today Call Acme. Email Bob! Done: quoted"));
}

TEST(SpeakableText, SentencesAreCutAtTheirEndsAndLongOnesAtACommaBeforeTheLimit)
{
    EXPECT_EQ(speakableSentences(QStringLiteral("One. Two? Three! Four")),
        (QStringList { QStringLiteral("One."), QStringLiteral("Two?"), QStringLiteral("Three!"), QStringLiteral("Four") }));
    QString lengthy = QStringLiteral("A long list of things to do, ");
    while (lengthy.size() < 400)
        lengthy += QStringLiteral("another thing to do, ");
    const QStringList parts = speakableSentences(lengthy);
    ASSERT_GE(parts.size(), 2);
    for (const QString& part : parts)
        EXPECT_LE(part.size(), 221);
    EXPECT_TRUE(parts.first().endsWith(u','));
    EXPECT_EQ(parts.join(u' ').simplified(), lengthy.simplified());
}

TEST(SpeakableText, NothingToSayGivesNoSentences)
{
    EXPECT_TRUE(speakableSentences(speakableText(QStringLiteral("  **  \n - \n"))).isEmpty());
}
