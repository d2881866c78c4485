#pragma once

#include "agents/AgentTypes.h"
#include "agents/WorkspaceSnapshot.h"

#include <QDateTime>
#include <QJsonObject>

// Helpers the agent catalogues share (services/agents internal).
namespace caseyos::agents {

// A move proposal with the fields every agent fills the same way: the move's domain (sales, marketing, cs),
// an action type that gives the APS defaults, the contact or company it is about, and its evidence.
ProposedMove proposal(const QString& subject, const QString& title, const QString& actionType,
    const QString& moveDomain, const QString& description, const QJsonObject& evidence);

// Names the contact on the proposed move (email, name, company), so the move ranks with their outcomes.
void forContact(ProposedMove& move, const ContactRecord& contact);

// Moves that are still open (pending, snoozed, in progress) for a contact, at `now`.
bool hasOpenMove(const WorkspaceSnapshot& data, const QString& email, qint64 nowMs);

// Whole days from `since` to `now` (0 when `since` is invalid or later).
int daysSince(const QDateTime& since, const QDateTime& now);

// "3 contacts" / "1 contact".
QString plural(qsizetype count, const QString& singular, const QString& pluralForm = {});

} // namespace caseyos::agents
