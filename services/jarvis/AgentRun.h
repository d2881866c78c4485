#pragma once

#include "accounts/Account.h"
#include "agents/AgentRunner.h"
#include "agents/cores/MeetingSlots.h"
#include "core/Result.h"
#include "jarvis/LlmTurn.h"

#include <functional>

class QSettings;

namespace caseyos {

class Clock;
class Database;
class HttpClient;
class TokenStore;

namespace jarvis {

// The busy times of the user's calendar between two instants, from a live source (Google Calendar's freeBusy),
// answered once through `done` (never after `context` is gone). Empty function: no calendar is connected.
using CalendarBusy = std::function<void(const QDateTime& from, const QDateTime& to, QObject* context,
    std::function<void(Result<QList<agents::BusyInterval>>)> done)>;

// The primary calendar of the first usable Google account, through GoogleCalendarClient::freeBusy (base URL:
// the setting sync/calendar/baseUrl). Empty when there is no Google account. `http` and `tokens` must
// outlive it.
CalendarBusy googleCalendarBusy(
    HttpClient& http, const QList<Account>& accounts, TokenStore* tokens, const QSettings& settings);

// What a run may use beyond the workspace: the language model (jarvis/cloud/agents), the live calendar, and
// the working hours (execution/meetings/* settings, the same as book_meeting's).
struct AgentRunSetup
{
    LlmConfig llm;
    CalendarBusy busy;
    QJsonObject workingHours; // {"zone", "work_start", "work_end"}; an input's own values win
};

// The setup of the app and the CLI: LlmSettings and the working hours from `settings`, the model's key and the
// Google Calendar from the accounts (the keychain is touched only when a key or token is asked for).
AgentRunSetup agentRunSetup(HttpClient& http, const QList<Account>& accounts, TokenStore* tokens,
    const TokenSource& modelKey, const QSettings& settings, const Clock& clock);

// One agent run as the Agents view and `caseyos agent run` do it:
//  1. the agents that offer meeting slots (meeting_slot, draft_writer) get the live busy times of the next
//     14 days and the working hours added to their input — a calendar that cannot be read leaves the known
//     meetings, and the summary says so;
//  2. the agent runs on a fresh snapshot of the workspace;
//  3. its prose is written by the model when wantsModel and agentModelAllowed (AgentModelStep);
//  4. its moves are proposed and the run stored (AgentRunner::commit).
// `done` runs once — at once when nothing asynchronous is involved, later otherwise (never after `context`
// is destroyed). `db`, `clock` and `http` must outlive the run.
void runAgent(Database& db, const Clock& clock, HttpClient& http, const AgentRunSetup& setup, const QString& name,
    const QJsonObject& input, QObject* context, std::function<void(Result<AgentRunOutcome>)> done);

} // namespace jarvis
} // namespace caseyos
