#pragma once

#include "core/Clock.h"
#include "MoveIndex.h"
#include "moves/MoveRow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <vector>

namespace caseyos {

// Every move the workspace holds, one row each, always in Today's rank order (ranksBefore). The list is
// live: updates from the storage thread are applied row by row (dataChanged / move / insert) so views keep
// their selection and scroll position; a large batch (an import) becomes one layout change instead.
//
// Rows live at stable addresses; an id → row record hash gives the record at once, and the row number is
// found by binary search over the ranked order (the order is total: ties end on the id). Keeping row numbers
// in the hash instead would cost O(n) per insertion to renumber, which an import of thousands of rows into
// 200 000 cannot afford.
class MovesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RankColumn, // no display value: the position in the list is drawn by the view
        ApsColumn,
        TitleColumn,
        ActionColumn,
        ContactColumn,
        DueColumn,
        StatusColumn,
        SourceColumn,
        DomainColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        MoveIdRole = Qt::UserRole + 1, // qint64
        ApsRole, // double, 0..100
        StatusRole, // int(MoveStatus), effective: an expired snooze reads as pending
        DomainRole, // raw: sales, marketing, cs
        ActionTypeRole, // raw action type
        SourceRole, // signal source or "manual"
        SearchTextRole, // title, contact, company and action type, lowercased, for searching
        ComponentsRole, // QVariantMap revenue, urgency, effort, strategic (0..1)
        OutcomeAdjustmentRole, // double
        ReasoningRole, // "Revenue 60% · Urgency 90% · …"
        DueRole, // qint64 ms since epoch UTC, 0 = none
        SnoozedUntilRole, // qint64 ms, 0 = none
        SortRole, // a value that orders the column
    };
    Q_ENUM(Role)

    explicit MovesModel(const Clock& clock, QObject* parent = nullptr);
    ~MovesModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A full list made ready to show: ranked, indexed by id, facets counted. Building it is O(n) with a hash
    // insert per row (~100 ms for 200 000 rows), so prepareRows() is pure and runs on any thread; applying
    // the result is O(1) on the UI thread.
    struct PreparedRows
    {
        QList<MoveRow> rows; // only ever read: the pointers below point into its buffer
        std::vector<const MoveRow*> order;
        MoveIndex byId;
        QHash<QString, int> actionTypeCounts;
        QHash<QString, int> sourceCounts;
    };
    static PreparedRows prepareRows(QList<MoveRow> rows);

    // Replaces everything (initial load, reload): a model reset.
    void setPreparedRows(PreparedRows prepared);
    void setRows(QList<MoveRow> rows); // prepare + apply, on the calling thread
    // Inserts or updates rows by id, keeping rank order. Small batches go row by row; large ones (see
    // isLargeBatch) are one insertion at the end plus one layout change.
    void upsertRows(const QList<MoveRow>& rows);
    bool removeMove(qint64 moveId);
    void clear();

    // data() for a record, wherever it is listed (the filter proxy keeps its own order); rowNumber is the
    // position it is shown at (for SortRole on the rank column).
    QVariant rowData(const MoveRow& row, int column, int role, int rowNumber) const;

    // Inside a layout change made by upsertRows (between layoutAboutToBeChanged and layoutChanged): the ids
    // whose record that change replaced, so a proxy with an order of its own re-places just those (new rows
    // arrive before, as an insertion). Null for any other layout change.
    const QList<qint64>* layoutChangeReplacedIds() const { return m_describingLayout ? &m_replacedIds : nullptr; }

    // O(1) access for the proxy and delegates (no QVariant on the hot path).
    const MoveRow& rowAt(int row) const { return *m_rows[static_cast<size_t>(row)]; }
    const MoveRow* findMove(qint64 moveId) const;
    int rowOfMove(qint64 moveId) const; // -1 when absent; O(log n)
    QModelIndex indexOfMove(qint64 moveId, int column = 0) const;

    QStringList actionTypes() const; // distinct action types present, sorted
    QStringList sources() const; // distinct sources present, sorted
    int countEffective(MoveStatus status) const; // O(n)

    const Clock& clock() const { return m_clock; }
    qint64 nowMs() const;

    // A batch this large (absolute, or relative to the current size) is applied as a layout change.
    static bool isLargeBatch(qsizetype batchSize, qsizetype currentRows);

Q_SIGNALS:
    void facetsChanged(); // the set of action types or sources changed
    void contentChanged(); // any insert, update, removal or reset (for counts)

private:
    void upsertOne(const MoveRow& row);
    void upsertLarge(const QList<MoveRow>& rows);
    int lowerBound(const MoveRow& row) const;
    void countFacets(const MoveRow& row, int delta);
    static void countFacet(QHash<QString, int>& counts, const QString& key, int delta, bool* changed);
    QVariant displayData(const MoveRow& row, int column) const;
    QVariant sortData(const MoveRow& row, int column, int rowNumber) const;

    const Clock& m_clock;
    // Rows are immutable records: an update brings a new record and the order and the index are repointed at
    // it. Records stay in the lists they arrived in — the last full load and every update batch since —
    // which are kept as received: shared with the sender, never written, so no row is copied or freed on
    // this thread. Superseded records go with their batch at the next full load.
    QList<MoveRow> m_loaded;
    QList<QList<MoveRow>> m_batches;
    std::vector<const MoveRow*> m_rows; // rank order
    MoveIndex m_byId;
    QHash<QString, int> m_actionTypeCounts;
    QHash<QString, int> m_sourceCounts;
    bool m_facetsDirty = false;
    bool m_describingLayout = false;
    QList<qint64> m_replacedIds;
};

} // namespace caseyos
