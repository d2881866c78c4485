#include "AgentsFilterProxy.h"

#include "AgentsModel.h"

using namespace Qt::StringLiterals;

namespace caseyos {

AgentsFilterProxy::AgentsFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    // A domain row passes when one of its agents does (filterAcceptsRow never passes it by itself).
    setRecursiveFilteringEnabled(true);
}

void AgentsFilterProxy::setFilterText(const QString& text)
{
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool AgentsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!sourceParent.isValid())
        return false; // a domain: shown through its agents
    const QModelIndex agent = sourceModel()->index(sourceRow, AgentsModel::AgentColumn, sourceParent);
    const QString haystack = QStringList { agent.data(Qt::DisplayRole).toString(),
        agent.data(AgentsModel::NameRole).toString(), agent.data(AgentsModel::DescriptionRole).toString(),
        agent.data(AgentsModel::DomainRole).toString(), sourceParent.data(Qt::DisplayRole).toString(),
        agent.data(AgentsModel::NeedsTextRole).toString() }
                                 .join(u'\n');
    for (const QString& word : m_words)
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}

} // namespace caseyos
