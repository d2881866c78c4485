#pragma once

// Internal to the signal rules: one function per source (PRODUCT.md §3 rules table) and the helpers
// they share. Only SignalRules.cpp dispatches to them.

#include "signals/PayloadReader.h"
#include "signals/SignalRules.h"

namespace caseyos::rules {

// The instant `due` offsets count from: occurred_at, or received_at when a caller left it unset.
QDateTime baseTime(const Signal& signal);

// A move with the signal's contact, times and action type filled; the rule adds title, text and context.
Move newMove(const Signal& signal, const QString& actionType, const payload::Contact& contact);

// Sets domain, components and APS (zero outcome adjustment) and wraps the move as CreateMove.
RuleOutcome finish(Move move, const ApsComponents& components, const ApsWeights& weights);

RuleOutcome ignored(QString reason);

// A component from the payload (clamped to [0, 1]) or the rule's fallback when absent or not numeric.
double componentOr(const QJsonObject& payload, payload::Keys keys, double fallback);

// "sales", except onboarding (cs) and opt-outs (marketing).
QString domainFor(QStringView actionType);

RuleOutcome formRule(const Signal& signal, const ApsWeights& weights);
RuleOutcome gmailRule(const Signal& signal, const ApsWeights& weights);
RuleOutcome hubspotRule(const Signal& signal, const ApsWeights& weights);
RuleOutcome calendarRule(const Signal& signal, const ApsWeights& weights);
RuleOutcome manualRule(const Signal& signal, const ApsWeights& weights);

} // namespace caseyos::rules
