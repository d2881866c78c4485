// The email safety checks of the original (§14.3).
#include "execution/EmailSafety.h"

#include <gtest/gtest.h>

using namespace caseyos;
using namespace Qt::StringLiterals;

namespace {

EmailPayload mail(const QString& text, const QString& to = u"ann@acme.com"_s)
{
    EmailPayload e;
    e.to = { to };
    e.subject = u"Next steps"_s;
    e.text = text + u"\n\nReply \"unsubscribe\" to hear no more."_s;
    return e;
}

} // namespace

TEST(EmailSafety, CleanEmailPasses)
{
    const SafetyReport r = checkEmailSafety(mail(u"Hi Ann, shall we talk on Tuesday?"_s));
    EXPECT_TRUE(r.ok()) << r.message().toStdString();
    EXPECT_TRUE(r.warnings.isEmpty());
}

TEST(EmailSafety, EveryProhibitedTermBlocks)
{
    const QStringList samples { u"We guarantee results"_s, u"It is guaranteed"_s, u"It's 100% free"_s,
        u"A risk-free trial"_s, u"There is no risk"_s, u"I promise"_s, u"as promised"_s,
        u"free money inside"_s, u"Act now!"_s, u"For a limited time"_s, u"Click here to book"_s,
        u"a cash bonus"_s, u"You have been selected"_s, u"You are a winner"_s, u"Congratulations, you won"_s,
        u"Claim your seat"_s };
    ASSERT_EQ(prohibitedTerms().size(), 14);
    for (const QString& sample : samples) {
        const SafetyReport r = checkEmailSafety(mail(sample));
        EXPECT_FALSE(r.ok()) << sample.toStdString();
        EXPECT_TRUE(r.message().contains(u"prohibited term"_s)) << r.message().toStdString();
    }
    // Whole words only: "promisedland.com" or "winners" in another word do not count.
    EXPECT_TRUE(checkEmailSafety(mail(u"Our winnerstrasse office"_s)).ok());
}

TEST(EmailSafety, NewEmailNeedsUnsubscribeWording)
{
    EmailPayload e;
    e.to = { u"ann@acme.com"_s };
    e.subject = u"Intro"_s;
    e.text = u"Hi Ann, a quick intro."_s;
    SafetyReport r = checkEmailSafety(e);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.message().contains(u"unsubscribe wording"_s));
    for (const QString& wording :
        { u"Unsubscribe here"_s, u"opt-out any time"_s, u"Manage your preferences"_s }) {
        e.text = u"Hi Ann. "_s + wording;
        EXPECT_TRUE(checkEmailSafety(e).ok()) << wording.toStdString();
    }
    // A reply in a thread is a conversation: not required by default, required with Always.
    e.text = u"Thanks Ann, see you then."_s;
    e.threadId = u"t1"_s;
    EXPECT_TRUE(checkEmailSafety(e).ok());
    EXPECT_FALSE(checkEmailSafety(e, UnsubscribePolicy::Always).ok());
    e.threadId.clear();
    EXPECT_TRUE(checkEmailSafety(e, UnsubscribePolicy::Never).ok());
}

TEST(EmailSafety, BlockedDomainsBlock)
{
    for (const QString& to :
        { u"x@donotreply.com"_s, u"x@noreply.com"_s, u"x@blackhole.com"_s, u"x@mail.noreply.com"_s }) {
        const SafetyReport r = checkEmailSafety(mail(u"Hello"_s, to));
        EXPECT_FALSE(r.ok()) << to.toStdString();
        EXPECT_TRUE(r.message().contains(u"blocked domain"_s));
    }
    EXPECT_TRUE(checkEmailSafety(mail(u"Hello"_s, u"x@notnoreply.com"_s)).ok());
}

TEST(EmailSafety, PiiAndStyle)
{
    EXPECT_FALSE(checkEmailSafety(mail(u"My SSN is 123-45-6789"_s)).ok());
    EXPECT_FALSE(checkEmailSafety(mail(u"Card 4111 1111 1111 1111"_s)).ok());
    EXPECT_TRUE(checkEmailSafety(mail(u"Order 4111 1111 1111 1112"_s)).ok()); // fails Luhn
    SafetyReport r = checkEmailSafety(mail(u"Ref 123456789"_s));
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.warnings.size(), 1);
    r = checkEmailSafety(mail(u"THIS IS A VERY LOUD EMAIL ABOUT OUR PRODUCT!!!!"_s));
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.warnings.size(), 2);
}
