// The agents' language step (PRODUCT.md §6: "an LLM step only where language is the product"), against an
// in-process OpenAI-compatible server: the deterministic result goes to the model as data, what it writes is
// stored with the run, a model that fails leaves the deterministic result standing, the "agents may use the
// cloud" switch keeps a hosted model out, and the draft writer's template is tailored and checked again.
#include "FakeClock.h"
#include "FakeLlmServer.h"
#include "LlmTestSupport.h"
#include "WaitFor.h"
#include "agents/AgentRegistry.h"
#include "agents/AgentRunRepository.h"
#include "jarvis/AgentModelStep.h"
#include "jarvis/AgentRun.h"
#include "llm/ProviderFactory.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace caseyos;
using namespace caseyos::test;
using namespace Qt::StringLiterals;

namespace {

const QJsonObject kProspectInput { { u"text"_s,
    u"Hi, what is your pricing for 20 seats? We have budget this quarter and need it live by March."_s } };

class LlmAgents : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_server.listen()); }

    Result<AgentRunOutcome> run(const QString& agent, const QJsonObject& input, const jarvis::LlmConfig& config)
    {
        jarvis::AgentRunSetup setup;
        setup.llm = config;
        return run(agent, input, setup, SystemClock::instance());
    }
    Result<AgentRunOutcome> run(
        const QString& agent, const QJsonObject& input, const jarvis::AgentRunSetup& setup, const Clock& clock)
    {
        std::optional<Result<AgentRunOutcome>> ended;
        QObject scope;
        jarvis::runAgent(m_jarvis.db(), clock, m_http, setup, agent, input, &scope,
            [&ended](Result<AgentRunOutcome> outcome) { ended = std::move(outcome); });
        EXPECT_TRUE(waitFor([&] { return ended.has_value(); }, 15000)) << "the run did not finish";
        return ended.value_or(Result<AgentRunOutcome>::failure(u"no result"_s));
    }

    AgentRunRecord stored(const QString& agent)
    {
        QString error;
        const std::optional<AgentRunRecord> run = AgentRunRepository(m_jarvis.db()).latestRun(agent, &error);
        EXPECT_TRUE(run.has_value()) << error.toStdString();
        return run.value_or(AgentRunRecord {});
    }

    FakeLlmServer m_server;
    JarvisHarness m_jarvis;
    HttpClient m_http { SystemClock::instance() };
};

} // namespace

TEST_F(LlmAgents, TheModelWritesTheRepliesAndTheRunKeepsThem)
{
    const QString replies = u"**Suggested reply:** Thanks for asking — for 20 seats the annual plan fits; "
                            "shall we book 20 minutes to plan a March go-live?"_s;
    m_server.setHandler([&replies](const LlmRequest&, int) { return LlmReply::sse(sse::openAiText({ replies })); });
    const Result<AgentRunOutcome> outcome
        = run(u"prospecting"_s, kProspectInput, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    ASSERT_TRUE(outcome) << outcome.error().toStdString();
    const AgentResult& r = outcome.value().result;
    EXPECT_EQ(r.status, AgentStatus::Ok) << r.summary.toStdString();
    EXPECT_EQ(r.output.value("model_text"_L1).toString(), replies);
    EXPECT_TRUE(r.summary.contains("wrote the language part"_L1)) << r.summary.toStdString();
    EXPECT_FALSE(r.findings.isEmpty()); // the deterministic scoring is still there
    const AgentRunRecord kept = stored(u"prospecting"_s);
    EXPECT_EQ(kept.status, AgentStatus::Ok);
    EXPECT_EQ(kept.result.value("output"_L1).toObject().value("model_text"_L1).toString(), replies);
    // The model got the agent's task and its data, and no tools.
    ASSERT_EQ(m_server.requests().size(), 1);
    const QJsonObject body = m_server.requests().first().json();
    const QJsonArray messages = body.value("messages"_L1).toArray();
    EXPECT_TRUE(messages.first().toObject().value("content"_L1).toString().contains("prospecting agent"_L1));
    EXPECT_TRUE(messages.last().toObject().value("content"_L1).toString().contains("budget this quarter"_L1));
    EXPECT_FALSE(body.contains("tools"_L1));
}

TEST_F(LlmAgents, AFailingModelLeavesTheDeterministicResultStanding)
{
    m_server.setHandler([](const LlmRequest&, int) {
        return LlmReply::json(400, R"({"error":{"message":"This model does not exist"}})");
    });
    const Result<AgentRunOutcome> outcome
        = run(u"prospecting"_s, kProspectInput, JarvisHarness::openAiAt(m_server.url(u"/v1"_s)));
    ASSERT_TRUE(outcome) << outcome.error().toStdString();
    EXPECT_EQ(outcome.value().result.status, AgentStatus::NeedsModel);
    EXPECT_TRUE(outcome.value().result.summary.contains("The language part was not written"_L1))
        << outcome.value().result.summary.toStdString();
    EXPECT_FALSE(outcome.value().result.output.contains("model_text"_L1));
    EXPECT_EQ(stored(u"prospecting"_s).status, AgentStatus::NeedsModel);
}

TEST_F(LlmAgents, WithTheAgentsSwitchOffAHostedModelIsNeverCalled)
{
    jarvis::LlmConfig config;
    config.settings.provider = llm::ProviderKind::OpenAi; // its real address: nothing may go there
    config.settings.cloudChat = true; // chat may use the cloud; agents may not
    config.key = fixedToken(llmCanaryKey());
    std::optional<Result<AgentRunOutcome>> ended;
    QObject scope;
    jarvis::AgentRunSetup setup;
    setup.llm = config;
    jarvis::runAgent(m_jarvis.db(), SystemClock::instance(), m_http, setup, u"prospecting"_s, kProspectInput,
        &scope, [&ended](Result<AgentRunOutcome> outcome) { ended = std::move(outcome); });
    ASSERT_TRUE(ended.has_value()); // at once: no model call was started
    ASSERT_TRUE(ended->ok());
    EXPECT_EQ(ended->value().result.status, AgentStatus::NeedsModel);
    EXPECT_TRUE(m_server.requests().isEmpty());
}

TEST_F(LlmAgents, TheDraftWritersTemplateIsTailoredAndCheckedAgain)
{
    m_server.setHandler([](const LlmRequest&, int index) {
        if (index == 0)
            return LlmReply::sse(sse::openAiText({ u"```json\n{\"subject\": \"Dana, your pricing question\", "_s,
                u"\"body\": \"Hi Dana,\\n\\nYou asked about annual pricing for Acme. Would Tuesday 10:00 or "_s,
                u"Wednesday 14:00 work for 20 minutes?\\n\\nBest,\\nSam\"}\n```"_s }));
        return LlmReply::sse(sse::openAiText({ u"Here you go: a friendlier draft for Dana."_s }));
    });
    const AgentDefinition* writer = AgentRegistry::instance().find(u"draft_writer"_s);
    ASSERT_NE(writer, nullptr);
    AgentResult result;
    result.output = { { u"to"_s, u"dana@acme.com"_s }, { u"subject"_s, u"Quick question, Dana"_s },
        { u"body"_s, u"Hi Dana,\n\nTemplate text. Tuesday 10:00 or Wednesday 14:00?\n\nBest,\nSam"_s } };
    result.summary = u"Drafted from the template."_s;
    EXPECT_TRUE(jarvis::wantsModel(writer->info, result));

    const auto tailor = [&](const AgentResult& input) {
        llm::ProviderChoice choice = llm::chooseChatProvider(
            JarvisHarness::openAiAt(m_server.url(u"/v1"_s)).settings, m_http, fixedToken(llmCanaryKey()));
        EXPECT_TRUE(choice.provider);
        jarvis::AgentModelStep step(std::move(choice.provider));
        std::optional<AgentResult> out;
        step.finish(writer->info, {}, input, [&out](AgentResult r) { out = std::move(r); });
        EXPECT_TRUE(waitFor([&] { return out.has_value(); }));
        return out.value_or(AgentResult {});
    };
    const AgentResult tailored = tailor(result);
    EXPECT_EQ(tailored.output.value("subject"_L1).toString(), u"Dana, your pricing question"_s);
    EXPECT_TRUE(tailored.output.value("body"_L1).toString().contains("annual pricing for Acme"_L1));
    EXPECT_EQ(tailored.output.value("template_subject"_L1).toString(), u"Quick question, Dana"_s);
    EXPECT_FALSE(tailored.output.value("validation"_L1).toString().isEmpty());
    EXPECT_TRUE(tailored.output.value("writer"_L1).toString().contains("gpt-4o-mini"_L1));
    EXPECT_TRUE(tailored.summary.contains("Dana, your pricing question"_L1)) << tailored.summary.toStdString();

    const AgentResult rambling = tailor(result); // the second answer is prose, not a draft
    EXPECT_EQ(rambling.output.value("subject"_L1).toString(), u"Quick question, Dana"_s);
    EXPECT_FALSE(rambling.output.contains("template_subject"_L1));
    EXPECT_TRUE(rambling.summary.contains("the template stands"_L1)) << rambling.summary.toStdString();
}

// The meeting-slot finder with a connected calendar: the live busy times (here a source answering like Google's
// freeBusy) are avoided on top of the meetings CaseyOS knows, in the working hours of the settings; a calendar
// that cannot be read leaves the known meetings and says so.
TEST_F(LlmAgents, MeetingSlotsAvoidTheLiveCalendarAndSayWhenItCannotBeRead)
{
    const FakeClock monday(QDateTime(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC)); // a Monday
    const auto at = [](int day, int hour) { return QDateTime(QDate(2026, 11, day), QTime(hour, 0), Qt::UTC); };
    jarvis::AgentRunSetup setup;
    setup.workingHours = { { u"zone"_s, u"UTC"_s }, { u"work_start"_s, u"09:00"_s }, { u"work_end"_s, u"17:00"_s } };
    QDateTime askedFrom;
    QDateTime askedTo;
    setup.busy = [&](const QDateTime& from, const QDateTime& to, QObject*,
                     std::function<void(Result<QList<agents::BusyInterval>>)> done) {
        askedFrom = from;
        askedTo = to;
        // All of Monday's working day, and Tuesday morning.
        done(Result<QList<agents::BusyInterval>>::success({ { at(30, 9), at(30, 17) },
            { QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC), QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC) } }));
    };
    const Result<AgentRunOutcome> live = run(u"meeting_slot"_s, {}, setup, monday);
    ASSERT_TRUE(live) << live.error().toStdString();
    EXPECT_EQ(askedFrom, monday.now());
    EXPECT_EQ(askedFrom.daysTo(askedTo), 14);
    const QJsonArray slots = live.value().result.output.value("slots"_L1).toArray();
    ASSERT_FALSE(slots.isEmpty()) << live.value().result.summary.toStdString();
    const QDateTime first = QDateTime::fromString(slots.first().toObject().value("start"_L1).toString(), Qt::ISODate);
    EXPECT_EQ(first, QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC)); // the first free half hour
    EXPECT_TRUE(live.value().result.output.value("busy_source"_L1).toString().contains("Google Calendar"_L1));
    EXPECT_TRUE(live.value().record.input.value("busy"_L1).isArray()); // the run keeps what it used

    setup.busy = [](const QDateTime&, const QDateTime&, QObject*,
                     std::function<void(Result<QList<agents::BusyInterval>>)> done) {
        done(Result<QList<agents::BusyInterval>>::failure(u"Google refused the token"_s));
    };
    const Result<AgentRunOutcome> known = run(u"meeting_slot"_s, {}, setup, monday);
    ASSERT_TRUE(known) << known.error().toStdString();
    EXPECT_TRUE(known.value().result.summary.contains("could not be read: Google refused the token"_L1))
        << known.value().result.summary.toStdString();
    const QDateTime firstKnown = QDateTime::fromString(
        known.value().result.output.value("slots"_L1).toArray().first().toObject().value("start"_L1).toString(),
        Qt::ISODate);
    EXPECT_EQ(firstKnown, at(30, 10)); // two hours' lead from 08:00, nothing known in the way
}
