#pragma once

#include "execution/ActionPayloads.h"

#include <QStringList>

namespace caseyos {

// The email safety checks of the original (original-behaviour.md §14.3), run before anything is sent.
// Violations block the send; warnings are shown in the preview and recorded, but do not block.
//  - prohibited terms (whole words/phrases, any case): guarantee(d), 100% free, risk-free, no risk,
//    promise(d), free money, act now, limited time, click here, cash bonus, you have been selected, winner,
//    congratulations you, claim your;
//  - unsubscribe wording ("unsubscribe", "opt-out" or "preferences") where required (see below);
//  - blocked recipient domains: donotreply.com, noreply.com, blackhole.com (and their subdomains);
//  - PII: a US SSN pattern or a card number (13–19 digits passing the Luhn check) → violation; a bare
//    9-digit number → warning;
//  - more than 30 % capital letters, or more than 3 "!" → warnings.
struct SafetyReport
{
    QStringList violations;
    QStringList warnings;
    bool ok() const { return violations.isEmpty(); }
    QString message() const; // "Blocked by the email safety checks: …"
};

// When the opt-out wording is required. The original checked every outbound email; a reply inside a thread
// the contact started is a conversation, not outreach, so by default only new threads need it.
enum class UnsubscribePolicy { NewThreads, Always, Never };

SafetyReport checkEmailSafety(
    const EmailPayload& email, UnsubscribePolicy policy = UnsubscribePolicy::NewThreads);

const QStringList& prohibitedTerms(); // as listed above, for tests and the settings page
const QStringList& blockedDomains();

} // namespace caseyos
