#include "agents/AgentTypes.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos {

QString toString(AgentDomain domain)
{
    switch (domain) {
    case AgentDomain::Sales:
        return u"sales"_s;
    case AgentDomain::Content:
        return u"content"_s;
    case AgentDomain::Fulfillment:
        return u"fulfillment"_s;
    case AgentDomain::Contracts:
        return u"contracts"_s;
    case AgentDomain::Ops:
        return u"ops"_s;
    case AgentDomain::Research:
        return u"research"_s;
    case AgentDomain::DataHygiene:
        return u"data_hygiene"_s;
    }
    return {};
}

const QList<AgentDomain>& allAgentDomains()
{
    static const QList<AgentDomain> domains { AgentDomain::Sales, AgentDomain::Content,
        AgentDomain::Fulfillment, AgentDomain::Contracts, AgentDomain::Ops, AgentDomain::Research,
        AgentDomain::DataHygiene };
    return domains;
}

QString toString(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Ok:
        return u"ok"_s;
    case AgentStatus::NeedsModel:
        return u"needs_model"_s;
    case AgentStatus::NeedsAccount:
        return u"needs_account"_s;
    case AgentStatus::NeedsInput:
        return u"needs_input"_s;
    case AgentStatus::Failed:
        return u"failed"_s;
    }
    return {};
}

std::optional<AgentStatus> agentStatusFromString(QStringView text)
{
    for (AgentStatus s : { AgentStatus::Ok, AgentStatus::NeedsModel, AgentStatus::NeedsAccount,
             AgentStatus::NeedsInput, AgentStatus::Failed })
        if (text == toString(s))
            return s;
    return std::nullopt;
}

AgentResult AgentResult::needs(AgentStatus status, QString summary, QJsonObject localOutput)
{
    AgentResult result;
    result.status = status;
    result.summary = std::move(summary);
    result.output = std::move(localOutput);
    return result;
}

QJsonObject findingToJson(const Finding& finding)
{
    return { { u"severity"_s, finding.severity }, { u"subject"_s, finding.subject },
        { u"text"_s, finding.text }, { u"evidence"_s, finding.evidence } };
}

QJsonObject agentResultToJson(const AgentResult& result)
{
    QJsonArray findings;
    for (const Finding& f : result.findings)
        findings.append(findingToJson(f));
    QJsonArray proposed;
    for (const ProposedMove& m : result.moves)
        proposed.append(QJsonObject { { u"subject"_s, m.subject }, { u"title"_s, m.draft.title },
            { u"action_type"_s, m.draft.actionType }, { u"evidence"_s, m.evidence } });
    return { { u"status"_s, toString(result.status) }, { u"summary"_s, result.summary },
        { u"findings"_s, findings }, { u"proposed"_s, proposed }, { u"output"_s, result.output } };
}

} // namespace caseyos
