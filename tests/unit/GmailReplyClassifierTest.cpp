// Gmail reply classes (PRODUCT.md §3): negative → meeting → interest → plain reply, whole words only.
#include "signals/GmailReplyClassifier.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

QString classOf(const QString& snippet, const QString& subject = {})
{
    return classifyGmailReply(subject, snippet).actionType;
}

} // namespace

TEST(GmailClass, EveryNegativePhrase)
{
    for (const QString& text :
        { u"Please unsubscribe me"_s, u"We are not interested."_s, u"remove me from this list"_s,
            u"Stop emailing me!"_s, u"No thanks"_s, u"Honestly it's not a fit for us"_s }) {
        const GmailReplyClass c = classifyGmailReply(QString(), text);
        EXPECT_EQ(c.actionType, u"unsubscribe_process"_s) << text.toStdString();
        EXPECT_FALSE(c.positive) << text.toStdString();
    }
}

TEST(GmailClass, EveryMeetingWord)
{
    for (const QString& text : { u"Happy to meet"_s, u"Let's set up a meeting"_s, u"Can we do a call?"_s,
             u"I'll schedule something"_s, u"Send a calendar invite"_s, u"I'm available Tuesday"_s,
             u"What is your availability"_s }) {
        const GmailReplyClass c = classifyGmailReply(QString(), text);
        EXPECT_EQ(c.actionType, u"schedule_meeting"_s) << text.toStdString();
        EXPECT_TRUE(c.positive);
        EXPECT_TRUE(c.hasMeetingWord);
    }
}

TEST(GmailClass, EveryInterestWord)
{
    for (const QString& text : { u"I'm interested"_s, u"Tell me more!"_s, u"What's the pricing?"_s,
             u"Could I get a demo"_s, u"Is there a trial"_s }) {
        const GmailReplyClass c = classifyGmailReply(QString(), text);
        EXPECT_EQ(c.actionType, u"email_follow_up"_s) << text.toStdString();
        EXPECT_TRUE(c.positive);
        EXPECT_FALSE(c.hasMeetingWord);
    }
    // Only pricing / demo / trial raise urgency.
    EXPECT_TRUE(classifyGmailReply({}, u"pricing please"_s).hasInterestWord);
    EXPECT_TRUE(classifyGmailReply({}, u"a demo"_s).hasInterestWord);
    EXPECT_TRUE(classifyGmailReply({}, u"free trial"_s).hasInterestWord);
    EXPECT_FALSE(classifyGmailReply({}, u"I'm interested"_s).hasInterestWord);
    EXPECT_FALSE(classifyGmailReply({}, u"tell me more"_s).hasInterestWord);
}

TEST(GmailClass, OtherwisePlainReply)
{
    EXPECT_EQ(classOf(u"Thanks, got it."_s), u"thread_reply"_s);
    EXPECT_EQ(classOf(QString()), u"thread_reply"_s);
    EXPECT_TRUE(classifyGmailReply({}, u"Thanks"_s).positive);
    EXPECT_TRUE(classifyGmailReply({}, u"Thanks"_s).matched.isEmpty());
}

TEST(GmailClass, WholeWordsOnly)
{
    EXPECT_EQ(classOf(u"I recall we spoke"_s), u"thread_reply"_s); // not "call"
    EXPECT_EQ(classOf(u"This will demonstrate the value"_s), u"thread_reply"_s); // not "demo"
    EXPECT_EQ(classOf(u"We met at the conference; a meetup maybe"_s), u"thread_reply"_s); // not "meet"
    EXPECT_EQ(classOf(u"Our trials ended and the callback worked"_s), u"thread_reply"_s);
    EXPECT_EQ(classOf(u"uninterested"_s), u"thread_reply"_s);
    EXPECT_EQ(classOf(u"call2action"_s), u"thread_reply"_s); // digits are word characters too
    EXPECT_EQ(classOf(u"écall"_s), u"thread_reply"_s); // so are non-ASCII letters
    EXPECT_EQ(classOf(u"(call)"_s), u"schedule_meeting"_s);
    EXPECT_EQ(classOf(u"demo."_s), u"email_follow_up"_s);
}

TEST(GmailClass, NegativePhrasesWin)
{
    // "interested" is an interest word, but "not interested" is negative and checked first.
    EXPECT_EQ(classOf(u"Not interested, thanks"_s), u"unsubscribe_process"_s);
    EXPECT_EQ(classOf(u"not interested in a call or a demo"_s), u"unsubscribe_process"_s);
    EXPECT_EQ(classifyGmailReply({}, u"not interested in a call or a demo"_s).matched, u"not interested"_s);
    // Meeting beats interest.
    EXPECT_EQ(classOf(u"Interested — can we schedule a demo call?"_s), u"schedule_meeting"_s);
}

TEST(GmailClass, SubjectCountsAndCaseDoesNot)
{
    EXPECT_EQ(classOf(QString(), u"PRICING question"_s), u"email_follow_up"_s);
    EXPECT_EQ(classOf(u"see below"_s, u"Re: Unsubscribe"_s), u"unsubscribe_process"_s);
    // Subject and snippet are joined with a space: words do not glue across them.
    EXPECT_EQ(classOf(u"all about it"_s, u"re"_s), u"thread_reply"_s); // "re all" ≠ "recall"
    EXPECT_EQ(classOf(u"all me"_s, u"Quick c"_s), u"thread_reply"_s);
}

TEST(GmailClass, PhrasesMatchAcrossPunctuationAndLineBreaks)
{
    EXPECT_EQ(classOf(u"No, thanks."_s), u"unsubscribe_process"_s);
    EXPECT_EQ(classOf(u"Please tell\nme  more"_s), u"email_follow_up"_s);
    EXPECT_EQ(classOf(u"not\tinterested"_s), u"unsubscribe_process"_s);
}

TEST(GmailClass, MatchedNamesTheDecidingWord)
{
    EXPECT_EQ(classifyGmailReply({}, u"I'm interested in pricing"_s).matched, u"pricing"_s);
    EXPECT_EQ(classifyGmailReply({}, u"Can we hop on a call?"_s).matched, u"call"_s);
    EXPECT_EQ(classifyGmailReply({}, u"No thanks"_s).matched, u"no thanks"_s);
}

TEST(GmailUrgency, BaseBonusesAndCap)
{
    EXPECT_DOUBLE_EQ(gmailReplyUrgency(true, false, false), 0.85);
    EXPECT_DOUBLE_EQ(gmailReplyUrgency(false, false, false), 0.5);
    EXPECT_DOUBLE_EQ(gmailReplyUrgency(true, true, false), 0.95);
    EXPECT_DOUBLE_EQ(gmailReplyUrgency(true, false, true), 0.95);
    EXPECT_DOUBLE_EQ(gmailReplyUrgency(true, true, true), 0.95); // 1.05 capped
    EXPECT_DOUBLE_EQ(gmailReplyUrgency(false, true, false), 0.6);
    EXPECT_DOUBLE_EQ(gmailReplyUrgency(false, true, true), 0.7);
}

TEST(WholePhrase, Boundaries)
{
    EXPECT_TRUE(containsWholePhrase(u"call", u"call"));
    EXPECT_TRUE(containsWholePhrase(u"a call.", u"call"));
    EXPECT_TRUE(containsWholePhrase(u"recall, then call", u"call")); // a later whole occurrence counts
    EXPECT_FALSE(containsWholePhrase(u"recall", u"call"));
    EXPECT_FALSE(containsWholePhrase(u"calls", u"call"));
    EXPECT_FALSE(containsWholePhrase(u"anything", u""));
    EXPECT_TRUE(containsWholePhrase(u"well, tell me more!", u"tell me more"));
    EXPECT_FALSE(containsWholePhrase(u"tell me moreover", u"tell me more"));
}
