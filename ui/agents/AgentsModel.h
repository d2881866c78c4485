#pragma once

#include "agents/Agent.h"
#include "jarvis/AgentsWorker.h"
#include "core/Clock.h"

#include <QAbstractItemModel>
#include <QList>
#include <optional>

namespace caseyos {

// Every registered agent (AgentRegistry), grouped under its domain in the registry's order: seven domain rows
// at the top level, the agents beneath. Each agent row carries what the agent is and needs, and its newest
// run once the worker has listed it (setLastRuns) or a run ended (setLastRun). A run asked for and not back
// yet shows as running.
class AgentsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { AgentColumn, NeedsColumn, LastRunColumn, ResultColumn, ColumnCount };
    enum Role {
        NameRole
        = Qt::UserRole + 1, // QString: the registry's key, "duplicate_watcher" (empty on a domain row)
        DomainRole, // QString: "data_hygiene" (agent and domain rows)
        IsDomainRole, // bool
        DescriptionRole, // QString
        NeedsDataRole, // QStringList: "contacts", "input", …
        NeedsAccountRole, // QString, empty: none
        NeedsModelRole, // bool: a language model for the part where language is the product
        NeedsTextRole, // QString: what the Needs column says
        LastRunAtRole, // QDateTime (UTC), invalid: never run
        LastRunTextRole, // QString: "Today 10:00", "Never", "Running…"
        LastStatusRole, // QString: "ok", "needs_model", …; empty: never run
        LastSummaryRole, // QString
        MovesCreatedRole, // int: moves the newest run added
        RunningRole, // bool
    };
    Q_ENUM(Role)

    explicit AgentsModel(const Clock& clock, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    int agentCount() const;
    QModelIndex indexOf(const QString& agent, int column = AgentColumn) const; // invalid: no such agent
    const AgentInfo* agentAt(const QModelIndex& index) const; // null on a domain row
    const AgentLastRun* lastRun(const QString& agent) const; // null: never run (or not listed yet)
    bool isRunning(const QString& agent) const;

public Q_SLOTS:
    void setLastRuns(const QList<caseyos::AgentLastRun>& runs); // the worker's listing: newest run per agent
    void setLastRun(const caseyos::AgentLastRun& run); // one agent's run that just ended
    void setRunning(const QString& agent, bool running);
    void clearRunning(); // the runs out were dropped (another workspace)

private:
    struct Entry
    {
        AgentInfo info;
        std::optional<AgentLastRun> last;
        bool running = false;
    };
    struct Group
    {
        AgentDomain domain;
        QList<Entry> agents;
    };

    const Entry* entryAt(const QModelIndex& index) const;
    bool locate(const QString& agent, int* groupRow, int* agentRow) const;
    void agentChanged(int groupRow, int agentRow);
    QVariant agentData(const Entry& entry, int column, int role) const;
    QVariant groupData(const Group& group, int column, int role) const;

    const Clock& m_clock;
    QList<Group> m_groups;
};

} // namespace caseyos
