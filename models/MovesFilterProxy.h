#pragma once

#include "core/Move.h"
#include "moves/MoveRow.h"

#include <QSortFilterProxyModel>
#include <QStringList>

namespace caseyos {

class MovesModel;

// The list the user sees: MovesModel filtered by view (Today / All / Snoozed / Completed / Dismissed),
// domain, action type, source and search text. The source is already ranked, so by default the proxy does not
// sort (no QVariant comparisons over 200 000 rows); clicking a column header sorts by that column, with ties
// kept in rank order. Filtering reads the row structs directly.
class MovesFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class View { Today, All, Snoozed, Completed, Dismissed };
    Q_ENUM(View)
    static constexpr int TopCount = 10; // Today's first rows are shown prominently

    explicit MovesFilterProxy(QObject* parent = nullptr);

    void setMovesModel(MovesModel* model);
    MovesModel* movesModel() const { return m_model; }

    void setView(View view);
    View view() const { return m_view; }
    void setDomain(const QString& domain); // empty = every domain
    QString domain() const { return m_domain; }
    void setActionType(const QString& actionType); // empty = every type
    QString actionType() const { return m_actionType; }
    void setSource(const QString& source); // empty = every source
    QString source() const { return m_source; }
    // Case-insensitive; every whitespace-separated word must occur in the title, contact, company or action.
    void setSearchText(const QString& text);
    QString searchText() const { return m_searchText; }

    // Takes the clock's time again (snoozes that ran out now count as pending) and re-filters.
    void refreshTime();

    const MoveRow* moveAt(int proxyRow) const;
    qint64 moveIdAt(int proxyRow) const; // 0 when out of range
    QModelIndex indexOfMove(qint64 moveId, int column = 0) const;
    bool isRankOrder() const { return sortColumn() < 0; }
    // True for the first TopCount rows of the Today view in rank order.
    bool isTopRow(int proxyRow) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    static QString viewKey(View view); // "today", "all", … (settings)
    static View viewFromKey(QStringView key); // unknown → Today
    static QString viewLabel(View view);

    bool acceptsMove(const MoveRow& row) const; // the filter, on one row

Q_SIGNALS:
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    void refilter();

    MovesModel* m_model = nullptr;
    View m_view = View::Today;
    QString m_domain;
    QString m_actionType;
    QString m_source;
    QString m_searchText;
    QStringList m_searchWords; // case-folded
    qint64 m_nowMs = 0;
};

} // namespace caseyos
