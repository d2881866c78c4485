#pragma once

#include "jarvis/Intent.h"
#include "jarvis/Words.h"

#include <optional>

namespace caseyos::jarvis {

// Slot readers for the offline router. Each one marks the words it took as used, so what is left over can
// name a move or a contact.

// "for an hour", "until tomorrow", "till monday", "for 3 days".
SnoozeSpec takeSnooze(Words& words);
// "this week" → 7, "last 30 days" → 30, "today" → 1, "this month" → 30, "quarter" → 90 (clamped to 1–90).
int takePeriodDays(Words& words);
// "replied", "no response", "booked a meeting", "won", "no-show", …
std::optional<OutcomeType> takeOutcome(Words& words);
// The first email address, or empty.
QString takeEmail(Words& words);
// "#12", "id 12", "the second one", "top", "number 3", "3", "the last one", "it": a place, an id or the
// previous move. Kind None when none of these is said.
MoveReference takePositionOrId(Words& words);
// The unused words that are not filler, lowercase and space-joined ("acme", "dana lee"); possessive 's
// dropped.
QString leftoverText(const Words& words);
// The text after "because", "since" or "reason", as typed; those words are marked used.
QString takeReason(Words& words);

} // namespace caseyos::jarvis
