// The data hygiene cores with the original's thresholds (original-behaviour.md §8.2): duplicate scores,
// contact validation, decay buckets, sync health.
#include "agents/cores/ContactValidation.h"
#include "agents/cores/DataDecay.h"
#include "agents/cores/DuplicateMatcher.h"
#include "agents/cores/SyncHealth.h"

#include <QDateTime>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos::agents;

// Expected values are Python's difflib.SequenceMatcher(None, a, b).ratio().
TEST(SequenceRatio, MatchesDifflib)
{
    EXPECT_DOUBLE_EQ(sequenceRatio(u"john smith"_s, u"jon smith"_s), 0.9473684210526315);
    EXPECT_DOUBLE_EQ(sequenceRatio(u"dana lee"_s, u"dana leigh"_s), 0.7777777777777778);
    EXPECT_DOUBLE_EQ(sequenceRatio(u"acme corp"_s, u"acme corporation"_s), 0.72);
    EXPECT_DOUBLE_EQ(sequenceRatio(u"katherine"_s, u"catherine"_s), 0.8888888888888888);
    EXPECT_DOUBLE_EQ(sequenceRatio(u"northwind"_s, u"northwind logistics"_s), 0.6428571428571429);
    EXPECT_DOUBLE_EQ(sequenceRatio(u"abcdefghij"_s, u"abcdefgxyz"_s), 0.7);
    EXPECT_DOUBLE_EQ(sequenceRatio(u"abc"_s, u"xyz"_s), 0.0);
    EXPECT_DOUBLE_EQ(sequenceRatio(u"xabcdefghij"_s, u"abcdefghij"_s), 0.9523809523809523);
    // difflib says 1.0 for two empty strings; "no company" on both sides must not count as a match.
    EXPECT_DOUBLE_EQ(sequenceRatio({}, {}), 0.0);
}

TEST(SequenceRatio, TextSimilarityIgnoresCaseAccentsAndSpaces)
{
    EXPECT_DOUBLE_EQ(textSimilarity(u"  José   Núñez "_s, u"jose nunez"_s), 1.0);
}

TEST(DuplicateMatcher, ExactEmailScoresOne)
{
    const auto m = matchContacts(
        { u"Dana@Acme.com"_s, u"Dana"_s, {}, {} }, { u"dana@acme.com"_s, u"D. Lee"_s, {}, {} });
    ASSERT_TRUE(m);
    EXPECT_DOUBLE_EQ(m->score, 1.0);
    EXPECT_EQ(m->reason, u"same_email"_s);
}

TEST(DuplicateMatcher, SamePhoneScoresPointNine)
{
    const auto m = matchContacts({ u"a@x.com"_s, u"Ann"_s, {}, u"+1 (555) 010-2000"_s },
        { u"b@y.com"_s, u"Bob"_s, {}, u"15550102000"_s });
    ASSERT_TRUE(m);
    EXPECT_DOUBLE_EQ(m->score, 0.9);
    EXPECT_EQ(m->reason, u"same_phone"_s);
}

TEST(DuplicateMatcher, SameDomainNeedsNameSimilarityOfPointSeven)
{
    // Name similarity exactly 0.7: the rule applies (≥).
    const auto at = matchContacts(
        { u"p@acme.com"_s, u"abcdefghij"_s, {}, {} }, { u"q@acme.com"_s, u"abcdefgxyz"_s, {}, {} });
    ASSERT_TRUE(at);
    EXPECT_DOUBLE_EQ(at->score, 0.85);
    EXPECT_EQ(at->reason, u"same_domain_similar_name"_s);
    // 0.667: below; no other rule applies.
    EXPECT_FALSE(matchContacts(
        { u"p@acme.com"_s, u"abcdefghij"_s, {}, {} }, { u"q@acme.com"_s, u"abcdefgxyzw"_s, {}, {} }));
    // A similar name at another domain is not this rule.
    EXPECT_FALSE(matchContacts(
        { u"p@acme.com"_s, u"abcdefghij"_s, {}, {} }, { u"q@beta.com"_s, u"abcdefgxyz"_s, {}, {} }));
}

TEST(DuplicateMatcher, SimilarCompanyAndNameScoresSevenTenthsOfTheMean)
{
    // company 0.72, name 0.8421…: 0.7 × mean = 0.5468 ≥ 0.5, reported.
    const auto m = matchContacts({ u"j@one.com"_s, u"jon smith"_s, u"acme corp"_s, {} },
        { u"js@two.com"_s, u"john smyth"_s, u"acme corporation"_s, {} });
    ASSERT_TRUE(m);
    EXPECT_EQ(m->reason, u"similar_company_and_name"_s);
    EXPECT_NEAR(m->score, 0.7 * (0.72 + 0.8421052631578947) / 2.0, 1e-12);
    // Same company (1.0) and name exactly 0.7: 0.7 × 0.85 = 0.595.
    const auto edge = matchContacts({ u"a@one.com"_s, u"abcdefghij"_s, u"Acme"_s, {} },
        { u"b@two.com"_s, u"abcdefgxyz"_s, u"acme"_s, {} });
    ASSERT_TRUE(edge);
    EXPECT_NEAR(edge->score, 0.595, 1e-12);
    // Company exactly 0.6 qualifies but 0.7 × mean(0.6, 0.7) = 0.455 < 0.5: not reported.
    EXPECT_FALSE(matchContacts({ u"a@one.com"_s, u"abcdefghij"_s, u"abcde"_s, {} },
        { u"b@two.com"_s, u"abcdefgxyz"_s, u"abcxy"_s, {} }));
    // Company 0.5 (< 0.6): the rule does not apply at all.
    EXPECT_FALSE(matchContacts(
        { u"a@one.com"_s, u"dana"_s, u"ab"_s, {} }, { u"b@two.com"_s, u"dana"_s, u"ac"_s, {} }));
}

TEST(DuplicateMatcher, TheHighestRuleWins)
{
    const auto m = matchContacts({ u"dana@acme.com"_s, u"Dana Lee"_s, u"Acme"_s, u"5550102000"_s },
        { u"dlee@acme.com"_s, u"Dana Leigh"_s, u"Acme"_s, u"555-010-2000"_s });
    ASSERT_TRUE(m);
    EXPECT_DOUBLE_EQ(m->score, 0.9); // phone beats domain+name (0.85) and company+name
}

TEST(ContactValidation, EmailRules)
{
    EXPECT_TRUE(isValidEmailFormat(u"dana.lee+crm@acme.co.uk"_s));
    for (const QString& bad : { u"dana"_s, u"dana@"_s, u"@acme.com"_s, u"dana@acme"_s, u"da na@acme.com"_s,
             u"dana..lee@acme.com"_s, u"dana@acme.c"_s })
        EXPECT_FALSE(isValidEmailFormat(bad)) << bad.toStdString();
    EXPECT_TRUE(isDisposableDomain(u"Mailinator.com"_s));
    EXPECT_FALSE(isDisposableDomain(u"acme.com"_s));
    EXPECT_TRUE(hasGenericPrefix(u"info@acme.com"_s));
    EXPECT_FALSE(hasGenericPrefix(u"information.officer@acme.com"_s));
}

TEST(ContactValidation, PhoneNeedsTenDigitsForThePlusForm)
{
    EXPECT_EQ(normalisePhone(u"(555) 010-2000"_s), u"+5550102000"_s); // exactly 10
    EXPECT_EQ(normalisePhone(u"555 010 200"_s), QString()); // 9
    EXPECT_EQ(normalisePhone(u"+44 20 7946 0958"_s), u"+442079460958"_s);
}

TEST(ContactValidation, SeveritiesPerRule)
{
    auto find = [](const QList<ValidationIssue>& issues, const QString& code) {
        for (const ValidationIssue& i : issues)
            if (i.code == code)
                return i.severity;
        return QString();
    };
    const QList<ValidationIssue> issues
        = validateContact({ u"info@mailinator.com"_s, {}, {}, u"12345"_s, u"vp sales"_s });
    EXPECT_EQ(find(issues, u"disposable_domain"_s), u"error"_s);
    EXPECT_EQ(find(issues, u"generic_prefix"_s), u"warning"_s);
    EXPECT_EQ(find(issues, u"too_short"_s), u"warning"_s);
    EXPECT_EQ(find(issues, u"standardise"_s), u"info"_s);
    EXPECT_EQ(validateContact({ {}, u"Dana"_s, u"Acme"_s, {}, {} }).value(0).severity, u"error"_s);
    EXPECT_TRUE(
        validateContact({ u"dana@acme.com"_s, u"Dana Lee"_s, u"Acme"_s, u"+15550102000"_s, u"VP Sales"_s })
            .isEmpty());
}

TEST(ContactValidation, JobTitles)
{
    EXPECT_EQ(standardiseJobTitle(u"vp sales"_s), u"VP Sales"_s);
    EXPECT_EQ(standardiseJobTitle(u"Vice President of Marketing"_s), u"VP of Marketing"_s);
    EXPECT_EQ(standardiseJobTitle(u"sr. mgr"_s), u"Senior Manager"_s);
    EXPECT_EQ(standardiseJobTitle(u"DevOps lead"_s), u"DevOps Lead"_s);
}

namespace {
const QDateTime kHygieneNow(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
DecayAssessment decayAfter(int days, bool bad = false, bool engaged = true)
{
    return assessDecay({ kHygieneNow.addDays(-days), {}, bad, engaged }, kHygieneNow);
}
} // namespace

TEST(DataDecay, BucketsAtTheirBoundaries)
{
    EXPECT_EQ(decayBucket(89), u"fresh"_s);
    EXPECT_EQ(decayBucket(90), u"stale"_s);
    EXPECT_EQ(decayBucket(179), u"stale"_s);
    EXPECT_EQ(decayBucket(180), u"decayed"_s);
    EXPECT_EQ(decayBucket(364), u"decayed"_s);
    EXPECT_EQ(decayBucket(365), u"zombie"_s);
}

TEST(DataDecay, ScoresAddUpAndCapAtOne)
{
    EXPECT_DOUBLE_EQ(decayAfter(89).score, 0.0);
    EXPECT_DOUBLE_EQ(decayAfter(90).score, 0.2);
    EXPECT_DOUBLE_EQ(decayAfter(180).score, 0.5);
    EXPECT_DOUBLE_EQ(decayAfter(365).score, 0.8);
    EXPECT_DOUBLE_EQ(decayAfter(10, true).score, 0.2); // a bounce on a fresh record
    EXPECT_DOUBLE_EQ(decayAfter(10, false, false).score, 0.0); // no engagement only counts when not fresh
    EXPECT_DOUBLE_EQ(decayAfter(90, false, false).score, 0.3);
    EXPECT_DOUBLE_EQ(decayAfter(365, true, false).score, 1.0); // 0.8 + 0.2 + 0.1 capped
}

TEST(DataDecay, DaysFallBackToCreationThenNineNineNine)
{
    EXPECT_EQ(assessDecay({ {}, kHygieneNow.addDays(-200), false, true }, kHygieneNow).days, 200);
    const DecayAssessment unknown = assessDecay({ {}, {}, false, true }, kHygieneNow);
    EXPECT_EQ(unknown.days, 999);
    EXPECT_EQ(unknown.bucket, u"zombie"_s);
    // 89 days and 23 hours is still 89 whole days: fresh.
    EXPECT_EQ(assessDecay({ kHygieneNow.addSecs(-(90 * 86400 - 3600)), {}, false, true }, kHygieneNow).bucket, u"fresh"_s);
}

TEST(DataDecay, Actions)
{
    EXPECT_EQ(decayAfter(10).action, u"none"_s);
    EXPECT_EQ(decayAfter(100).action, u"enrich"_s);
    EXPECT_EQ(decayAfter(200).action, u"enrich"_s);
    EXPECT_EQ(decayAfter(400).action, u"archive"_s);
    EXPECT_EQ(decayAfter(10, true).action, u"verify_email"_s);
    EXPECT_EQ(decayAfter(400, true).action, u"delete"_s);
    EXPECT_EQ(decayAfter(400, true).priority, 1);
    EXPECT_EQ(decayAfter(10).priority, 5);
}

TEST(SyncHealth, LagThresholds)
{
    EXPECT_EQ(lagStatus(299), u"healthy"_s);
    EXPECT_EQ(lagStatus(300), u"degraded"_s);
    EXPECT_EQ(lagStatus(899), u"degraded"_s);
    EXPECT_EQ(lagStatus(900), u"failing"_s);
    EXPECT_EQ(lagAlertSeverity(1800), u"medium"_s);
    EXPECT_EQ(lagAlertSeverity(1801), u"high"_s);
    EXPECT_EQ(lagAlertSeverity(299), u"none"_s);
}

TEST(SyncHealth, RateLimitAndErrorRate)
{
    EXPECT_FALSE(rateLimitWarning(79, 100));
    EXPECT_TRUE(rateLimitWarning(80, 100));
    EXPECT_EQ(errorRateLevel(0, 100), u"ok"_s);
    EXPECT_EQ(errorRateLevel(1, 101), u"ok"_s); // 0.99 %
    EXPECT_EQ(errorRateLevel(1, 100), u"flag"_s);
    EXPECT_EQ(errorRateLevel(4, 100), u"flag"_s);
    EXPECT_EQ(errorRateLevel(5, 100), u"over_threshold"_s);
}

TEST(SyncHealth, Streams)
{
    EXPECT_EQ(streamHealth(u"never"_s, {}, {}, kHygieneNow).status, u"never"_s);
    EXPECT_EQ(streamHealth(u"ok"_s, kHygieneNow.addSecs(-60), {}, kHygieneNow).status, u"healthy"_s);
    const StreamHealth late = streamHealth(u"ok"_s, kHygieneNow.addSecs(-2000), {}, kHygieneNow);
    EXPECT_EQ(late.status, u"failing"_s);
    EXPECT_EQ(late.severity, u"high"_s);
    EXPECT_EQ(*late.lagSeconds, 2000);
    // A failed last sync is failing even when the last success is recent.
    EXPECT_EQ(streamHealth(u"error"_s, kHygieneNow.addSecs(-60), u"401"_s, kHygieneNow).status, u"failing"_s);
    EXPECT_EQ(streamHealth(u"error"_s, {}, u"401"_s, kHygieneNow).severity, u"high"_s);
}
