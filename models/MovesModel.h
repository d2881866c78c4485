#pragma once

#include "core/Clock.h"
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

    // Replaces everything (initial load, reload): a model reset.
    void setRows(QList<MoveRow> rows);
    // Inserts or updates rows by id, keeping rank order. Small batches go row by row; large ones (see
    // isLargeBatch) are one insertion at the end plus one layout change.
    void upsertRows(const QList<MoveRow>& rows);
    bool removeMove(qint64 moveId);
    void clear();

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
    QVariant displayData(const MoveRow& row, int column, int rowNumber) const;
    QVariant sortData(const MoveRow& row, int column, int rowNumber) const;

    const MoveRow* storeRecord(const MoveRow& row);

    const Clock& m_clock;
    // Rows are immutable records: an update stores a new record and repoints the order and the index at it.
    // The last full load is kept as received — shared with the sender's list, never written, so loading
    // 200 000 rows copies none of them; rows arriving later go to an arena whose chunks never reallocate.
    // Superseded records stay until the next full load (updates are few next to the list's size).
    QList<MoveRow> m_loaded;
    std::vector<std::vector<MoveRow>> m_arena;
    std::vector<const MoveRow*> m_rows; // rank order
    QHash<qint64, const MoveRow*> m_byId;
    QHash<QString, int> m_actionTypeCounts;
    QHash<QString, int> m_sourceCounts;
    bool m_facetsDirty = false;
};

} // namespace caseyos
