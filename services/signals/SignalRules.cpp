#include "signals/SignalRules.h"

#include "signals/SignalRuleSet.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace rules {

QDateTime baseTime(const Signal& signal)
{
    return signal.occurredAt.isValid() ? signal.occurredAt.toUTC() : signal.receivedAt.toUTC();
}

Move newMove(const Signal& signal, const QString& actionType, const payload::Contact& contact)
{
    Move move;
    move.actionType = actionType;
    move.domain.clear(); // finish() derives it from the action type unless the rule sets one
    move.contactEmail = contact.email;
    move.contactName = contact.name;
    move.company = contact.company;
    move.status = MoveStatus::Pending;
    move.createdAt = signal.receivedAt.toUTC();
    move.updatedAt = move.createdAt;
    return move;
}

RuleOutcome finish(Move move, const ApsComponents& components, const ApsWeights& weights)
{
    if (move.domain.isEmpty())
        move.domain = domainFor(move.actionType);
    applyAps(move, computeAps(components, 0.0, weights));
    RuleOutcome outcome;
    outcome.kind = RuleOutcome::Kind::CreateMove;
    outcome.move = std::move(move);
    return outcome;
}

RuleOutcome ignored(QString reason)
{
    RuleOutcome outcome;
    outcome.kind = RuleOutcome::Kind::Ignored;
    outcome.reason = std::move(reason);
    return outcome;
}

double componentOr(const QJsonObject& payload, payload::Keys keys, double fallback)
{
    const auto value = payload::number(payload, keys);
    return value ? std::clamp(*value, 0.0, 1.0) : fallback;
}

QString domainFor(QStringView actionType)
{
    if (actionType == u"onboarding_kickoff")
        return u"cs"_s;
    if (actionType == u"unsubscribe_process")
        return u"marketing"_s;
    return u"sales"_s;
}

} // namespace rules

RuleOutcome applySignalRules(const Signal& signal, const ApsWeights& weights)
{
    if (signal.source == "form"_L1)
        return rules::formRule(signal, weights);
    if (signal.source == "gmail"_L1)
        return rules::gmailRule(signal, weights);
    if (signal.source == "hubspot"_L1)
        return rules::hubspotRule(signal, weights);
    if (signal.source == "calendar"_L1)
        return rules::calendarRule(signal, weights);
    if (signal.source == "manual"_L1)
        return rules::manualRule(signal, weights);
    return rules::ignored(u"no rule for "_s + signal.source + u'/' + signal.eventType);
}

} // namespace caseyos
