#pragma once

#include "core/Move.h"
#include "core/Signal.h"
#include "scoring/ApsCalculator.h"

#include <QString>

namespace caseyos {

// What a rule (PRODUCT.md §3 rules table) makes of one signal.
struct RuleOutcome
{
    enum class Kind {
        CreateMove, // `move` is filled (no id, created/updated times from the signal's receivedAt)
        Ignored, // no rule for this source/event, or the payload lacks what the rule needs; `reason` says which
    };
    Kind kind = Kind::Ignored;
    Move move;
    QString reason;
};

// Applies the rules table to a signal. Pure: reads only the signal (occurredAt, receivedAt, payload).
// The move gets a human title, action_type, domain, components, due_by, contact and the APS with a zero
// outcome adjustment (callers that know the contact's adjustment re-score).
RuleOutcome applySignalRules(const Signal& signal, const ApsWeights& weights = {});

} // namespace caseyos
