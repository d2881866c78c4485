#pragma once

#include "MoveIndex.h"
#include "core/Move.h"
#include "moves/MoveRow.h"

#include <QAbstractProxyModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <functional>
#include <vector>

namespace caseyos {

class MovesModel;

// The list the user sees: MovesModel filtered by view (Today / All / Snoozed / Completed / Dismissed),
// domain, action type, source and search text, in rank order or sorted by a clicked column.
//
// It keeps its own ordered list of row records instead of QSortFilterProxyModel's row-number mapping, which
// every structural change of the source rebuilt over all 200 000 rows (tens of milliseconds on the UI thread
// per import batch). Here a change touches only the moves it concerns: a few are moved, inserted or removed
// row by row; a batch of new or re-ranked moves is filtered, sorted on its own and merged in one pass over
// pointers, as one layout change. The source's own re-ranking does not concern this list at all.
class MovesFilterProxy : public QAbstractProxyModel
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
    // Rank order: no column sort (sort(-1)), or the rank column ascending.
    bool isRankOrder() const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // True for the first TopCount rows of the Today view in rank order.
    bool isTopRow(int proxyRow) const;

    bool acceptsMove(const MoveRow& row) const; // the filter, on one row

    static QString viewKey(View view); // "today", "all", … (settings)
    static View viewFromKey(QStringView key); // unknown → Today
    static QString viewLabel(View view);

    // A change to more moves than this is applied as one merge and one layout change instead of row signals.
    static constexpr qsizetype kRowByRowLimit = 32;

    // QAbstractItemModel / QAbstractProxyModel
    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // column < 0: rank order. Ties in a column keep rank order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void filtersChanged();

private:
    void setSourceModel(QAbstractItemModel* model) override; // use setMovesModel
    bool displaysBefore(const MoveRow* a, const MoveRow* b) const;
    int compareColumn(const MoveRow& a, const MoveRow& b) const;
    int positionOf(const MoveRow* record) const; // -1 when not listed
    int insertionPoint(const MoveRow* record) const;
    void relayout(const std::function<void()>& change); // `change` as one layout change
    void refilter(); // filters or order changed: rebuild as one layout change
    void rebuild(); // m_visible and m_visibleById from every source row
    void applyChanges(std::vector<qint64> ids); // re-place these moves (new, changed or gone)
    void applyOne(qint64 id);
    void applyMany(std::vector<qint64> ids);
    void sourceRowsInserted(int first, int last);
    void sourceRowsAboutToGo(int first, int last);
    void sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);
    void sourceLayoutChanged();

    MovesModel* m_model = nullptr;
    View m_view = View::Today;
    QString m_domain;
    QString m_actionType;
    QString m_source;
    QString m_searchText;
    QStringList m_searchWords; // case-folded
    qint64 m_nowMs = 0;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    std::vector<const MoveRow*> m_visible; // display order; records owned by the source model
    MoveIndex m_visibleById; // the record listed for a move id
    std::vector<qint64> m_goingIds; // rows the source is about to remove or move
};

} // namespace caseyos
