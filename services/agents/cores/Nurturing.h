#pragma once

#include <QString>
#include <optional>

namespace caseyos::agents {

// The original's nurturing cadence (original-behaviour.md §8.2): stage → days until the next follow-up:
// initial_contact 3, engaged 5, qualified 2, proposal 7.
struct NurtureStep
{
    QString stage;
    int followUpDays = 0;
    QString nextAction; // what the follow-up should do
};

std::optional<NurtureStep> nurtureStep(const QString& stage); // nullopt for an unknown stage

// Which stage a contact is at from what the app knows: a deal at proposal or negotiation → proposal; a
// qualified or discovery deal → qualified; they have written to the user → engaged; else initial_contact.
QString nurtureStage(bool hasReplied, const QString& canonicalDealStage);

} // namespace caseyos::agents
