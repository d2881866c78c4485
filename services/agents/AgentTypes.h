#pragma once

#include "core/Move.h"
#include "scoring/ApsCalculator.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace caseyos {

// The seven groups of PRODUCT.md §6 (the original's domain labels).
enum class AgentDomain { Sales, Content, Fulfillment, Contracts, Ops, Research, DataHygiene };
QString toString(AgentDomain domain); // "sales", …, "data_hygiene"
const QList<AgentDomain>& allAgentDomains();

// How a run ended. NeedsModel / NeedsAccount / NeedsInput are honest "cannot do this here" answers that still
// carry what could be done locally; they are not failures.
enum class AgentStatus { Ok, NeedsModel, NeedsAccount, NeedsInput, Failed };
QString toString(AgentStatus status); // ok, needs_model, needs_account, needs_input, failed
std::optional<AgentStatus> agentStatusFromString(QStringView text);

// One thing an agent noticed, with the data that made it say so.
struct Finding
{
    QString severity; // critical, high, medium, low, info (or the core's own scale: error, warning)
    QString subject; // whom or what it is about: an email, a deal id, a stream
    QString text; // one line for people
    QJsonObject evidence;
};

// A move an agent wants in the queue. `subject` identifies what it is about for this agent ("dana@acme.com",
// "deal:42"): the runner proposes each (agent, subject) once, ever (dismissing it does not bring it back).
struct ProposedMove
{
    QString subject;
    Move draft; // title, description, action type, domain, contact, company, deal, due
    ApsInput components;
    QJsonObject evidence; // stored in action_context.agent_evidence
};

struct AgentResult
{
    AgentStatus status = AgentStatus::Ok;
    QString summary; // one or two sentences
    QList<Finding> findings;
    QList<ProposedMove> moves;
    QJsonObject output; // the core's full answer (a price, a proposal, slots, a draft …)

    static AgentResult needs(AgentStatus status, QString summary, QJsonObject localOutput = {});
};

// What an agent needs to do its full job, for the registry listing.
struct AgentNeeds
{
    QStringList
        data; // "contacts", "deals", "messages", "meetings", "moves", "outcomes", "sync_state", "input"
    QString account; // a connected account ("google_drive", "x") or empty
    bool model = false; // a language model for the part where language is the product
};

QJsonObject findingToJson(const Finding& finding);
QJsonObject agentResultToJson(
    const AgentResult& result); // status, summary, findings, proposed (titles), output

} // namespace caseyos
