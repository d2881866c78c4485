#include "jarvis/AgentRun.h"

#include "agents/AgentRegistry.h"
#include "agents/SnapshotLoader.h"
#include "connectors/clients/GoogleCalendarClient.h"
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "execution/AccountPerformers.h"
#include "execution/MeetingSlots.h"
#include "jarvis/AgentModelStep.h"
#include "llm/ProviderFactory.h"

#include <QJsonArray>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos::jarvis {

namespace {

using RunDone = std::function<void(Result<AgentRunOutcome>)>;

constexpr int kBusyHorizonDays = 14; // the slot finder's horizon (agents::SlotRequest::horizonDays)

bool offersSlots(const QString& agent)
{
    return agent == "meeting_slot"_L1 || agent == "draft_writer"_L1;
}

// Steps 2–4 of runAgent: the agent, its prose, its moves and the stored run.
void evaluateAndCommit(Database& db, const Clock& clock, HttpClient& http, const LlmConfig& llmConfig,
    const AgentDefinition* agent, const QJsonObject& input, const QString& note, QObject* context, RunDone done)
{
    const Result<WorkspaceSnapshot> data = loadWorkspaceSnapshot(db);
    if (!data) {
        done(Result<AgentRunOutcome>::failure(u"Could not read the workspace: "_s + data.error()));
        return;
    }
    auto runner = std::make_shared<AgentRunner>(db, clock);
    const QDateTime startedAt = clock.now();
    AgentResult result = runner->evaluate(*agent, data.value(), input);
    if (!note.isEmpty())
        result.summary += u' ' + note;
    if (wantsModel(agent->info, result) && agentModelAllowed(llmConfig.settings)) {
        llm::LlmSettings settings = llmConfig.settings;
        settings.cloudChat = settings.cloudAgents; // the agents' own switch decides, not chat's
        llm::ProviderChoice choice = llm::chooseChatProvider(settings, http, llmConfig.key);
        if (choice.provider) {
            auto* step = new AgentModelStep(std::move(choice.provider), context);
            step->finish(agent->info, input, std::move(result),
                [step, runner, agent, input, startedAt, done](AgentResult written) {
                    done(runner->commit(*agent, input, std::move(written), startedAt));
                    step->deleteLater();
                });
            return;
        }
        result.summary += u" ("_s + choice.offlineReason + u')';
    }
    done(runner->commit(*agent, input, std::move(result), startedAt));
}

} // namespace

CalendarBusy googleCalendarBusy(
    HttpClient& http, const QList<Account>& accounts, TokenStore* tokens, const QSettings& settings)
{
    const std::optional<Account> google = usableAccount(accounts, u"google"_s);
    if (!google)
        return {};
    const ClientConfig config = accountClientConfig(
        *google, tokens, settings, u"sync/calendar/baseUrl"_s, u"https://www.googleapis.com/calendar/v3"_s);
    HttpClient* client = &http;
    return [client, config](const QDateTime& from, const QDateTime& to, QObject* context,
               std::function<void(Result<QList<agents::BusyInterval>>)> done) {
        GoogleCalendarClient(*client, config)
            .freeBusy(from, to, { u"primary"_s }, {}, context, [done](const ClientResult<FreeBusy>& r) {
                if (!r.ok()) {
                    done(Result<QList<agents::BusyInterval>>::failure(r.error.message));
                    return;
                }
                if (!r.value.errors.value(u"primary"_s).isEmpty()) {
                    done(Result<QList<agents::BusyInterval>>::failure(
                        u"Google could not tell (%1)"_s.arg(r.value.errors.value(u"primary"_s).join(u", "_s))));
                    return;
                }
                QList<agents::BusyInterval> busy;
                for (const BusySlot& slot : r.value.busy.value(u"primary"_s))
                    busy.append({ slot.start, slot.end });
                done(Result<QList<agents::BusyInterval>>::success(busy));
            });
    };
}

AgentRunSetup agentRunSetup(HttpClient& http, const QList<Account>& accounts, TokenStore* tokens,
    const TokenSource& modelKey, const QSettings& settings, const Clock& clock)
{
    AgentRunSetup setup;
    setup.llm.settings = llm::LlmSettings::load(settings);
    setup.llm.key = modelKey;
    setup.busy = googleCalendarBusy(http, accounts, tokens, settings);
    const WorkingHours hours = WorkingHours::fromSettings(settings, clock);
    setup.workingHours = { { u"zone"_s, QString::fromUtf8(hours.zone.id()) },
        { u"work_start"_s, hours.start.toString(u"HH:mm"_s) }, { u"work_end"_s, hours.end.toString(u"HH:mm"_s) } };
    return setup;
}

void runAgent(Database& db, const Clock& clock, HttpClient& http, const AgentRunSetup& setup, const QString& name,
    const QJsonObject& input, QObject* context, RunDone done)
{
    const AgentDefinition* agent = AgentRegistry::instance().find(name.trimmed());
    if (!agent) {
        done(Result<AgentRunOutcome>::failure(u"No agent named \"%1\". Agents: %2"_s.arg(
            name.trimmed(), AgentRegistry::instance().names().join(u", "_s))));
        return;
    }
    QJsonObject in = input;
    if (offersSlots(agent->info.name))
        for (auto it = setup.workingHours.begin(); it != setup.workingHours.end(); ++it)
            if (!in.contains(it.key()))
                in.insert(it.key(), it.value());
    if (!offersSlots(agent->info.name) || in.contains(u"busy"_s) || !setup.busy) {
        evaluateAndCommit(db, clock, http, setup.llm, agent, in, {}, context, std::move(done));
        return;
    }
    const QDateTime from = clock.now();
    const LlmConfig llmConfig = setup.llm;
    setup.busy(from, from.addDays(kBusyHorizonDays), context,
        [&db, &clock, &http, llmConfig, agent, in, context, done](Result<QList<agents::BusyInterval>> busy) mutable {
            QString note;
            if (busy) {
                QJsonArray intervals;
                for (const agents::BusyInterval& b : busy.value())
                    intervals.append(QJsonObject { { u"start"_s, toIsoUtc(b.start) }, { u"end"_s, toIsoUtc(b.end) } });
                in.insert(u"busy"_s, intervals);
                in.insert(u"busy_source"_s, u"Google Calendar free/busy"_s);
            } else {
                note = u"(Google Calendar's free/busy could not be read: %1 — only the meetings CaseyOS knows "
                       "were avoided.)"_s.arg(busy.error());
            }
            evaluateAndCommit(db, clock, http, llmConfig, agent, in, note, context, std::move(done));
        });
}

} // namespace caseyos::jarvis
