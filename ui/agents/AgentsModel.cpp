#include "AgentsModel.h"

#include "AgentText.h"
#include "MoveFormat.h"
#include "agents/AgentRegistry.h"

#include <QColor>
#include <QFont>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace caseyos {

// An index's internal id says where it is: 0 for a domain row, the domain's row + 1 for an agent row.

AgentsModel::AgentsModel(const Clock& clock, QObject* parent)
    : QAbstractItemModel(parent)
    , m_clock(clock)
{
    const QList<AgentDefinition>& agents = AgentRegistry::instance().all();
    for (AgentDomain domain : allAgentDomains()) {
        Group group { domain, {} };
        for (const AgentDefinition& agent : agents)
            if (agent.info.domain == domain)
                group.agents.append({ agent.info, std::nullopt, false });
        if (!group.agents.isEmpty())
            m_groups.append(std::move(group));
    }
}

QModelIndex AgentsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_groups.size())
        return {}; // agents have no children
    return row < m_groups.at(parent.row()).agents.size()
        ? createIndex(row, column, quintptr(parent.row() + 1))
        : QModelIndex();
}

QModelIndex AgentsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int AgentsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_groups.at(parent.row()).agents.size());
}

int AgentsModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

Qt::ItemFlags AgentsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant AgentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AgentColumn:
        return tr("Agent");
    case NeedsColumn:
        return tr("Needs");
    case LastRunColumn:
        return tr("Last run");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

const AgentsModel::Entry* AgentsModel::entryAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return nullptr;
    const int group = int(index.internalId() - 1);
    if (group >= m_groups.size() || index.row() >= m_groups.at(group).agents.size())
        return nullptr;
    return &m_groups.at(group).agents.at(index.row());
}

QVariant AgentsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (index.internalId() == 0)
        return index.row() < m_groups.size() ? groupData(m_groups.at(index.row()), index.column(), role)
                                             : QVariant();
    const Entry* entry = entryAt(index);
    return entry ? agentData(*entry, index.column(), role) : QVariant();
}

QVariant AgentsModel::groupData(const Group& group, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == AgentColumn)
            return u"%1 (%2)"_s.arg(AgentText::domainLabel(group.domain)).arg(group.agents.size());
        return {};
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case DomainRole:
        return toString(group.domain);
    case IsDomainRole:
        return true;
    default:
        return {};
    }
}

namespace {

QString agentsResultText(const AgentRunRecord& record)
{
    QString text = record.status == AgentStatus::Ok
        ? record.summary
        : AgentText::statusLabel(record.status) + u": "_s + record.summary;
    if (record.movesCreated == 1)
        text = AgentsModel::tr("+1 move · ") + text;
    else if (record.movesCreated > 1)
        text = AgentsModel::tr("+%1 moves · ").arg(record.movesCreated) + text;
    return text;
}

} // namespace

QVariant AgentsModel::agentData(const Entry& entry, int column, int role) const
{
    const AgentInfo& info = entry.info;
    const AgentRunRecord* last = entry.last ? &entry.last->record : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case AgentColumn:
            return AgentText::displayName(info.name);
        case NeedsColumn:
            return AgentText::needsText(info.needs);
        case LastRunColumn:
            return agentData(entry, column, LastRunTextRole);
        case ResultColumn:
            return entry.running ? tr("Running…") : last ? agentsResultText(*last) : QString();
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case AgentColumn:
            return u"%1 — %2"_s.arg(info.name, info.description);
        case NeedsColumn:
            return tr("Needs: %1").arg(AgentText::needsText(info.needs));
        case ResultColumn:
            return last ? agentsResultText(*last) : QVariant();
        }
        return {};
    case Qt::ForegroundRole:
        if (column == ResultColumn && last && !entry.running
            && AgentText::statusColor(last->status).isValid())
            return AgentText::statusColor(last->status);
        if (column == LastRunColumn && !last && !entry.running)
            return QPalette().color(QPalette::Disabled, QPalette::Text);
        return {};
    case NameRole:
        return info.name;
    case DomainRole:
        return toString(info.domain);
    case IsDomainRole:
        return false;
    case DescriptionRole:
        return info.description;
    case NeedsDataRole:
        return info.needs.data;
    case NeedsAccountRole:
        return info.needs.account;
    case NeedsModelRole:
        return info.needs.model;
    case NeedsTextRole:
        return AgentText::needsText(info.needs);
    case LastRunAtRole:
        return last ? last->finishedAt : QDateTime();
    case LastRunTextRole:
        if (entry.running)
            return tr("Running…");
        if (!last)
            return tr("Never");
        return formatShortTime(
            last->finishedAt.toMSecsSinceEpoch(), m_clock.now().toMSecsSinceEpoch(), m_clock.localZone());
    case LastStatusRole:
        return last ? toString(last->status) : QString();
    case LastSummaryRole:
        return last ? last->summary : QString();
    case MovesCreatedRole:
        return last ? last->movesCreated : 0;
    case RunningRole:
        return entry.running;
    default:
        return {};
    }
}

int AgentsModel::agentCount() const
{
    int count = 0;
    for (const Group& group : m_groups)
        count += int(group.agents.size());
    return count;
}

bool AgentsModel::locate(const QString& agent, int* groupRow, int* agentRow) const
{
    for (int g = 0; g < m_groups.size(); ++g)
        for (int a = 0; a < m_groups.at(g).agents.size(); ++a)
            if (m_groups.at(g).agents.at(a).info.name == agent) {
                *groupRow = g;
                *agentRow = a;
                return true;
            }
    return false;
}

QModelIndex AgentsModel::indexOf(const QString& agent, int column) const
{
    int g = 0;
    int a = 0;
    if (!locate(agent, &g, &a))
        return {};
    return createIndex(a, column, quintptr(g + 1));
}

const AgentInfo* AgentsModel::agentAt(const QModelIndex& index) const
{
    const Entry* entry = entryAt(index);
    return entry ? &entry->info : nullptr;
}

const AgentLastRun* AgentsModel::lastRun(const QString& agent) const
{
    int g = 0;
    int a = 0;
    if (!locate(agent, &g, &a))
        return nullptr;
    const Entry& entry = m_groups.at(g).agents.at(a);
    return entry.last ? &*entry.last : nullptr;
}

bool AgentsModel::isRunning(const QString& agent) const
{
    int g = 0;
    int a = 0;
    return locate(agent, &g, &a) && m_groups.at(g).agents.at(a).running;
}

void AgentsModel::agentChanged(int groupRow, int agentRow)
{
    Q_EMIT dataChanged(createIndex(agentRow, 0, quintptr(groupRow + 1)),
        createIndex(agentRow, ColumnCount - 1, quintptr(groupRow + 1)));
}

void AgentsModel::setLastRuns(const QList<AgentLastRun>& runs)
{
    for (const AgentLastRun& run : runs)
        setLastRun(run);
}

void AgentsModel::setLastRun(const AgentLastRun& run)
{
    int g = 0;
    int a = 0;
    if (!locate(run.record.agent, &g, &a))
        return; // an agent this build no longer has
    Entry* entry = &m_groups[g].agents[a];
    // A listing read before a run ended may arrive after it: the newer run (higher id) stays.
    if (entry->last && entry->last->record.id > run.record.id)
        return;
    entry->last = run;
    agentChanged(g, a);
}

void AgentsModel::setRunning(const QString& agent, bool running)
{
    int g = 0;
    int a = 0;
    if (!locate(agent, &g, &a) || m_groups.at(g).agents.at(a).running == running)
        return;
    Entry* entry = &m_groups[g].agents[a];
    entry->running = running;
    agentChanged(g, a);
}

void AgentsModel::clearRunning()
{
    for (int g = 0; g < m_groups.size(); ++g)
        for (int a = 0; a < m_groups.at(g).agents.size(); ++a)
            if (m_groups.at(g).agents.at(a).running) {
                m_groups[g].agents[a].running = false;
                agentChanged(g, a);
            }
}

} // namespace caseyos
