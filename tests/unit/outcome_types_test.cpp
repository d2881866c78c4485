// The outcome catalogue of PRODUCT.md §4: 20 types, their categories and impacts, names, confidence scaling.
#include "outcomes/Outcome.h"

#include <QSet>
#include <cmath>
#include <gtest/gtest.h>
#include <limits>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

struct Expected
{
    const char* name;
    OutcomeCategory category;
    double impact;
};

// Typed in from the table of PRODUCT.md §4 (not derived from the code under test). The original's values
// differ for bounced (−5), unsubscribed (−8), regressed (−5), lost (−7) and negative response (−6) ⚠.
const Expected kTable[] = {
    { "email_sent", OutcomeCategory::Email, 0 },
    { "email_opened", OutcomeCategory::Email, 2 },
    { "email_clicked", OutcomeCategory::Email, 4 },
    { "email_replied", OutcomeCategory::Email, 8 },
    { "email_bounced", OutcomeCategory::Email, -4 },
    { "email_unsubscribed", OutcomeCategory::Email, -5 },
    { "meeting_booked", OutcomeCategory::Meeting, 10 },
    { "meeting_held", OutcomeCategory::Meeting, 9 },
    { "meeting_no_show", OutcomeCategory::Meeting, -4 },
    { "meeting_rescheduled", OutcomeCategory::Meeting, 1 },
    { "deal_created", OutcomeCategory::Deal, 10 },
    { "deal_stage_advanced", OutcomeCategory::Deal, 7 },
    { "deal_stage_regressed", OutcomeCategory::Deal, -4 },
    { "deal_won", OutcomeCategory::Deal, 10 },
    { "deal_lost", OutcomeCategory::Deal, -5 },
    { "task_completed", OutcomeCategory::Task, 3 },
    { "task_overdue", OutcomeCategory::Task, -2 },
    { "positive_response", OutcomeCategory::General, 6 },
    { "negative_response", OutcomeCategory::General, -5 },
    { "no_response", OutcomeCategory::General, -1 },
};

TEST(OutcomeTypes, EveryTypeHasTheProductsCategoryAndImpact)
{
    ASSERT_EQ(allOutcomeTypes().size(), 20);
    ASSERT_EQ(std::size(kTable), 20u);
    QSet<QString> seen;
    for (const Expected& e : kTable) {
        const QString name = QString::fromLatin1(e.name);
        SCOPED_TRACE(e.name);
        const auto type = outcomeTypeFromString(name);
        ASSERT_TRUE(type.has_value());
        EXPECT_EQ(toString(*type), name);
        EXPECT_EQ(categoryOf(*type), e.category);
        EXPECT_EQ(defaultImpact(*type), e.impact);
        EXPECT_FALSE(outcomeTypeLabel(*type).isEmpty());
        seen.insert(name);
    }
    // The catalogue lists each type once, in the table's order.
    EXPECT_EQ(seen.size(), 20);
    for (int i = 0; i < 20; ++i)
        EXPECT_EQ(toString(allOutcomeTypes().at(i)), QString::fromLatin1(kTable[i].name));
}

TEST(OutcomeTypes, ImpactsStayWithinTheProductRange)
{
    double lowest = 0, highest = 0;
    for (OutcomeType type : allOutcomeTypes()) {
        lowest = std::min(lowest, defaultImpact(type));
        highest = std::max(highest, defaultImpact(type));
    }
    EXPECT_EQ(lowest, -5.0);
    EXPECT_EQ(highest, 10.0);
}

TEST(OutcomeTypes, FiveCategoriesAndFiveSources)
{
    ASSERT_EQ(allOutcomeCategories().size(), 5);
    QStringList categories;
    for (OutcomeCategory c : allOutcomeCategories())
        categories << toString(c);
    EXPECT_EQ(categories, (QStringList { u"email"_s, u"meeting"_s, u"deal"_s, u"task"_s, u"general"_s }));
    QStringList sources;
    for (OutcomeSource s : allOutcomeSources()) {
        sources << toString(s);
        EXPECT_EQ(outcomeSourceFromString(toString(s)), s);
    }
    EXPECT_EQ(sources, (QStringList { u"gmail"_s, u"hubspot"_s, u"calendar"_s, u"manual"_s, u"system"_s }));
    // Every category holds at least one type.
    for (OutcomeCategory c : allOutcomeCategories()) {
        int n = 0;
        for (OutcomeType t : allOutcomeTypes())
            n += categoryOf(t) == c ? 1 : 0;
        EXPECT_GT(n, 0) << qPrintable(toString(c));
    }
}

TEST(OutcomeTypes, NamesAreReadLenientlyButUnknownOnesAreRejected)
{
    EXPECT_EQ(outcomeTypeFromString(u"  Email-Replied "), OutcomeType::EmailReplied);
    EXPECT_EQ(outcomeTypeFromString(u"MEETING_NO_SHOW"), OutcomeType::MeetingNoShow);
    EXPECT_FALSE(outcomeTypeFromString(u"email_replyed").has_value());
    EXPECT_FALSE(outcomeTypeFromString(u"").has_value());
    EXPECT_FALSE(outcomeSourceFromString(u"slack").has_value());
    EXPECT_TRUE(outcomeTypeNames().contains(u"deal_stage_regressed"_s));
    EXPECT_EQ(outcomeTypeNames().count(u',') + 1, 20);
}

TEST(OutcomeTypes, RecordedImpactIsDefaultTimesConfidence)
{
    EXPECT_DOUBLE_EQ(scaledImpact(OutcomeType::EmailReplied, 1.0), 8.0);
    EXPECT_DOUBLE_EQ(scaledImpact(OutcomeType::EmailReplied, 0.5), 4.0);
    // 8 × 0.3 is 2.4000000000000004 in binary floating point; stored as 2.4.
    EXPECT_EQ(scaledImpact(OutcomeType::EmailReplied, 0.3), 2.4);
    EXPECT_DOUBLE_EQ(scaledImpact(OutcomeType::DealLost, 0.3), -1.5);
    EXPECT_DOUBLE_EQ(scaledImpact(OutcomeType::MeetingBooked, 0.25), 2.5);
    // Confidence 0 records the outcome with no weight either way (and no "-0").
    EXPECT_EQ(scaledImpact(OutcomeType::EmailUnsubscribed, 0.0), 0.0);
    EXPECT_FALSE(std::signbit(scaledImpact(OutcomeType::EmailUnsubscribed, 0.0)));
}

TEST(OutcomeTypes, ConfidenceMustLieInZeroToOne)
{
    EXPECT_TRUE(isValidConfidence(0.0));
    EXPECT_TRUE(isValidConfidence(1.0));
    EXPECT_TRUE(isValidConfidence(0.75));
    EXPECT_FALSE(isValidConfidence(-0.01));
    EXPECT_FALSE(isValidConfidence(1.01));
    EXPECT_FALSE(isValidConfidence(std::numeric_limits<double>::quiet_NaN()));
    EXPECT_FALSE(isValidConfidence(std::numeric_limits<double>::infinity()));
}

TEST(OutcomeTypes, ContactEmailsAreComparedTrimmedAndLowercased)
{
    EXPECT_EQ(normalizeContactEmail(u"  Dana.Lee@Acme.COM "_s), u"dana.lee@acme.com"_s);
    EXPECT_TRUE(normalizeContactEmail(u"   "_s).isEmpty());
}

} // namespace
