#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace caseyos {

// The Agents view's filter line over an AgentsModel: an agent is shown when every word typed appears in its
// name, description, domain or needs ("hygiene contacts", "model"); a domain is shown while one of its agents
// is.
class AgentsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AgentsFilterProxy(QObject* parent = nullptr);

    void setFilterText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace caseyos
