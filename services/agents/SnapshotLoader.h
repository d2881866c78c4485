#pragma once

#include "agents/WorkspaceSnapshot.h"
#include "core/Result.h"

namespace caseyos {

class Database;
struct Signal;

// Builds the agents' WorkspaceSnapshot from the database: contacts, deals, messages and meetings from the
// signals' payloads (lenient keys, PayloadReader), moves, outcomes, sync_state and approvals. Synchronous, on
// the thread that owns the Database.
Result<WorkspaceSnapshot> loadWorkspaceSnapshot(Database& db);

// The payload part, separately so tests can build a snapshot from signals without a database. Signals are
// applied in the order given (oldest first); finish() sorts and links contacts to deals.
class SnapshotBuilder
{
public:
    void addSignal(const QString& source, const QString& eventType, const QDateTime& occurredAt,
        const QJsonObject& payload);
    void addOutcome(const OutcomeRecord& outcome);
    WorkspaceSnapshot finish();

private:
    ContactRecord& touchContact(const QString& email, const QDateTime& at, bool activity);
    QHash<QString, ContactRecord> m_contacts;
    QHash<QString, DealRecord> m_deals;
    WorkspaceSnapshot m_snapshot;
};

} // namespace caseyos
