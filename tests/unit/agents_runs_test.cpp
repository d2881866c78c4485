// The agents as the registry runs them, on a snapshot built from signal payloads (no database) with a fake
// clock: payload spellings fold into one contact and deal, nurturing proposes exactly when a stage's days
// have passed, sync health proposes per failure episode, and the language-only agents say what they need.
#include "FakeClock.h"
#include "agents/AgentRegistry.h"
#include "agents/SnapshotLoader.h"

#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using namespace caseyos;

namespace {

const QDateTime kStart(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);

AgentResult run(
    const QString& name, const WorkspaceSnapshot& data, const Clock& clock, const QJsonObject& input = {})
{
    const AgentDefinition* agent = AgentRegistry::instance().find(name);
    EXPECT_NE(agent, nullptr) << name.toStdString();
    return agent ? agent->run(AgentContext { data, clock, input }) : AgentResult {};
}

} // namespace

TEST(AgentSnapshot, PayloadSpellingsFoldIntoOneContactAndDeal)
{
    SnapshotBuilder b;
    b.addSignal(u"form"_s, u"form_submitted"_s, kStart,
        { { u"email"_s, u"Dana@Acme.com"_s }, { u"name"_s, u"Dana Lee"_s }, { u"company_name"_s, u"Acme"_s },
            { u"phone"_s, u"555 010 2000"_s } });
    b.addSignal(u"hubspot"_s, u"deal_created"_s, kStart.addDays(1),
        { { u"deal_id"_s, u"7"_s }, { u"deal_name"_s, u"Acme - Pilot"_s },
            { u"dealstage"_s, u"qualifiedtobuy"_s }, { u"deal_amount"_s, u"$12,000"_s },
            { u"contact_email"_s, u"dana@acme.com"_s } });
    b.addSignal(u"hubspot"_s, u"deal_stage_changed"_s, kStart.addDays(2),
        { { u"deal_id"_s, u"7"_s }, { u"deal_stage"_s, u"presentationscheduled"_s },
            { u"contact_email"_s, u"dana@acme.com"_s } });
    b.addSignal(u"gmail"_s, u"message_sent"_s, kStart.addDays(3),
        { { u"to_email"_s, u"Dana Lee <dana@acme.com>"_s }, { u"thread_id"_s, u"t1"_s },
            { u"subject"_s, u"Pilot"_s } });
    b.addSignal(u"gmail"_s, u"reply_received"_s, kStart.addDays(4),
        { { u"from_email"_s, u"dana@acme.com"_s }, { u"thread_id"_s, u"t1"_s },
            { u"snippet"_s, u"We are also evaluating other vendors."_s } });
    b.addOutcome({ OutcomeType::EmailOpened, u"dana@acme.com"_s, {}, kStart.addDays(3) });
    const WorkspaceSnapshot s = b.finish();
    ASSERT_EQ(s.contacts.size(), 1);
    const ContactRecord& c = s.contacts.first();
    EXPECT_EQ(c.email, u"dana@acme.com"_s);
    EXPECT_EQ(c.company, u"Acme"_s);
    EXPECT_EQ(c.messagesOut, 1);
    EXPECT_EQ(c.messagesIn, 1);
    EXPECT_EQ(c.opens, 1);
    EXPECT_EQ(c.firstSeenAt, kStart);
    EXPECT_EQ(c.lastActivityAt, kStart.addDays(4));
    ASSERT_EQ(s.deals.size(), 1);
    EXPECT_EQ(s.deals.first().stage, u"presentationscheduled"_s);
    EXPECT_DOUBLE_EQ(*s.deals.first().amount, 12000);
    EXPECT_TRUE(s.deals.first().competitorMentioned); // "evaluating other" from the deal's contact
    EXPECT_EQ(s.deals.first().lastActivityAt, kStart.addDays(4));
    EXPECT_EQ(s.contact(u"dana@acme.com"_s), &s.contacts.first());
}

TEST(AgentRuns, NurturingProposesWhenTheStageDaysHavePassed)
{
    SnapshotBuilder b;
    // Replied (engaged: 5 days) on the 20th at 10:00.
    b.addSignal(u"gmail"_s, u"reply_received"_s, kStart,
        { { u"from_email"_s, u"ann@beta.io"_s }, { u"sender_name"_s, u"Ann"_s } });
    const WorkspaceSnapshot s = b.finish();
    test::FakeClock clock(kStart.addDays(5).addSecs(-1));
    EXPECT_TRUE(run(u"nurturing"_s, s, clock).moves.isEmpty());
    clock.set(kStart.addDays(5));
    const AgentResult due = run(u"nurturing"_s, s, clock);
    ASSERT_EQ(due.moves.size(), 1);
    EXPECT_EQ(due.moves.first().draft.actionType, u"email_follow_up"_s);
    EXPECT_EQ(due.moves.first().draft.contactEmail, u"ann@beta.io"_s);
    EXPECT_EQ(due.moves.first().evidence.value(u"follow_up_days"_s).toInt(), 5);
    EXPECT_EQ(due.moves.first().evidence.value(u"stage"_s).toString(), u"engaged"_s);
}

TEST(AgentRuns, SyncHealthProposesOncePerFailureEpisode)
{
    WorkspaceSnapshot s;
    SyncStreamState stream;
    stream.account = u"google:casey"_s;
    stream.stream = u"gmail"_s;
    stream.status = u"ok"_s;
    stream.lastSuccessAt = kStart;
    s.syncStreams = { stream };
    test::FakeClock clock(kStart.addSecs(899));
    AgentResult r = run(u"sync_health"_s, s, clock);
    EXPECT_TRUE(r.moves.isEmpty()); // degraded: a finding, no move
    ASSERT_EQ(r.findings.size(), 1);
    EXPECT_EQ(r.findings.first().evidence.value(u"health"_s).toString(), u"degraded"_s);
    clock.set(kStart.addSecs(900));
    r = run(u"sync_health"_s, s, clock);
    ASSERT_EQ(r.moves.size(), 1);
    const QString episode = r.moves.first().subject;
    clock.set(kStart.addSecs(4000)); // later in the same episode: the same subject (the runner skips it)
    EXPECT_EQ(run(u"sync_health"_s, s, clock).moves.first().subject, episode);
    EXPECT_EQ(
        run(u"sync_health"_s, s, clock).moves.first().evidence.value(u"severity"_s).toString(), u"high"_s);
    s.syncStreams.first().lastSuccessAt = kStart.addSecs(3000); // recovered, then failed again: a new episode
    EXPECT_NE(run(u"sync_health"_s, s, clock).moves.first().subject, episode);
}

TEST(AgentRuns, LanguageAgentsSayWhatTheyNeed)
{
    const WorkspaceSnapshot s;
    const test::FakeClock clock(kStart);
    EXPECT_EQ(run(u"content_repurpose"_s, s, clock).status, AgentStatus::NeedsModel);
    EXPECT_EQ(run(u"content_repurpose_v2"_s, s, clock).status, AgentStatus::NeedsModel);
    EXPECT_EQ(run(u"deep_research"_s, s, clock).status, AgentStatus::NeedsModel);
    EXPECT_EQ(run(u"market_trends"_s, s, clock).status, AgentStatus::NeedsAccount);
    EXPECT_EQ(run(u"asset_hunter"_s, s, clock).status, AgentStatus::NeedsAccount);
    EXPECT_EQ(run(u"enrichment_orchestrator"_s, s, clock).status, AgentStatus::NeedsAccount);
    EXPECT_EQ(run(u"pricing_calculator"_s, s, clock).status, AgentStatus::NeedsInput);
    // Prospecting scores locally; a message worth a reply makes the run say it needs a model for the reply.
    SnapshotBuilder b;
    b.addSignal(u"gmail"_s, u"reply_received"_s, kStart.addDays(-1),
        { { u"from_email"_s, u"ann@beta.io"_s }, { u"subject"_s, u"Pricing?"_s },
            { u"snippet"_s, u"Hi, what would it cost? Budget is set for Q1."_s } });
    const WorkspaceSnapshot inbox = b.finish();
    const AgentResult prospecting = run(u"prospecting"_s, inbox, clock);
    EXPECT_EQ(prospecting.status, AgentStatus::NeedsModel);
    EXPECT_EQ(prospecting.findings.size(), 1);
    const AgentResult research = run(u"research"_s, inbox, clock, { { u"contact"_s, u"ann@beta.io"_s } });
    EXPECT_EQ(research.status, AgentStatus::NeedsModel);
    EXPECT_EQ(research.output.value(u"people"_s).toArray().size(), 1);
    // What can be done locally still comes back: the thread split of the given text.
    const AgentResult local
        = run(u"content_repurpose"_s, s, clock, { { u"text"_s, QString(u"word "_s).repeated(100) } });
    EXPECT_EQ(local.output.value(u"twitter_thread"_s).toArray().size(), 2);
}

TEST(AgentRuns, RegistryCoversEveryDomainWithUniqueNames)
{
    const AgentRegistry& registry = AgentRegistry::instance();
    EXPECT_EQ(registry.all().size(), 31);
    const QStringList names = registry.names();
    EXPECT_EQ(QSet<QString>(names.cbegin(), names.cend()).size(), 31);
    for (AgentDomain d : allAgentDomains())
        EXPECT_TRUE(std::any_of(registry.all().cbegin(), registry.all().cend(),
            [d](const AgentDefinition& a) { return a.info.domain == d; }))
            << toString(d).toStdString();
    EXPECT_EQ(registry.find(u"duplicate_watcher"_s)->info.domain, AgentDomain::DataHygiene);
    EXPECT_EQ(registry.find(u"nope"_s), nullptr);
}
