#include "MovesModel.h"

#include "MoveFormat.h"
#include "SortedMerge.h"
#include "scoring/ApsCalculator.h"

#include <QColor>
#include <QFont>
#include <QSet>
#include <QVariantMap>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

bool rowPtrRanksBefore(const MoveRow* a, const MoveRow* b)
{
    return ranksBefore(*a, *b);
}

} // namespace

MovesModel::MovesModel(const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
{
}

MovesModel::~MovesModel() = default;

int MovesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MovesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 MovesModel::nowMs() const
{
    return m_clock.now().toMSecsSinceEpoch();
}

Qt::ItemFlags MovesModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> MovesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(MoveIdRole, "moveId");
    names.insert(ApsRole, "aps");
    names.insert(StatusRole, "status");
    names.insert(DomainRole, "domain");
    names.insert(ActionTypeRole, "actionType");
    names.insert(SourceRole, "source");
    names.insert(SearchTextRole, "searchText");
    names.insert(ComponentsRole, "components");
    names.insert(OutcomeAdjustmentRole, "outcomeAdjustment");
    names.insert(ReasoningRole, "reasoning");
    names.insert(DueRole, "due");
    names.insert(SnoozedUntilRole, "snoozedUntil");
    names.insert(SortRole, "sort");
    return names;
}

QVariant MovesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case RankColumn:
            return u"#"_s;
        case ApsColumn:
            return u"APS"_s;
        case TitleColumn:
            return u"Move"_s;
        case ActionColumn:
            return u"Action"_s;
        case ContactColumn:
            return u"Contact"_s;
        case DueColumn:
            return u"Due"_s;
        case StatusColumn:
            return u"Status"_s;
        case SourceColumn:
            return u"Source"_s;
        case DomainColumn:
            return u"Domain"_s;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RankColumn:
            return u"Position in the list (Today's order: APS, then due date, then age)"_s;
        case ApsColumn:
            return u"Action Priority Score, 0–100: revenue, urgency, effort and strategic value"_s;
        }
    }
    if (role == Qt::TextAlignmentRole) {
        if (section == RankColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return QVariant();
}

QVariant MovesModel::displayData(const MoveRow& row, int column) const
{
    switch (column) {
    case RankColumn:
        return QVariant(); // positional: drawn by the view's delegate (a model value must not
                           // change when other rows come and go)
    case ApsColumn:
        return QString::number(row.aps, 'f', 1);
    case TitleColumn:
        return row.title;
    case ActionColumn:
        return actionTypeLabel(row.actionType);
    case ContactColumn:
        return contactLabel(row.company, row.contactEmail);
    case DueColumn:
        return formatShortTime(row.dueByMs, nowMs(), m_clock.localZone());
    case StatusColumn: {
        const qint64 now = nowMs();
        const MoveStatus status = row.effectiveStatus(now);
        if (status == MoveStatus::Snoozed && row.snoozedUntilMs != 0)
            return QString(statusLabel(status) + u" · "_s
                + formatShortTime(row.snoozedUntilMs, now, m_clock.localZone()));
        return statusLabel(status);
    }
    case SourceColumn:
        return sourceLabel(row.source);
    case DomainColumn:
        return domainLabel(row.domain);
    }
    return QVariant();
}

QVariant MovesModel::sortData(const MoveRow& row, int column, int rowNumber) const
{
    switch (column) {
    case RankColumn:
        return rowNumber;
    case ApsColumn:
        return row.aps;
    case TitleColumn:
        return row.title;
    case ActionColumn:
        return row.actionType;
    case ContactColumn:
        return contactLabel(row.company, row.contactEmail);
    case DueColumn:
        return row.dueByMs == 0 ? std::numeric_limits<qint64>::max() : row.dueByMs;
    case StatusColumn:
        return static_cast<int>(row.effectiveStatus(nowMs()));
    case SourceColumn:
        return row.source;
    case DomainColumn:
        return row.domain;
    }
    return QVariant();
}

QVariant MovesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    return rowData(rowAt(index.row()), index.column(), role, index.row());
}

QVariant MovesModel::rowData(const MoveRow& row, int column, int role, int rowNumber) const
{
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole: {
        const QString reasoning = apsReasoning(row.components, row.outcomeAdjustment);
        if (column == TitleColumn)
            return QString(row.title + u"\n"_s + reasoning);
        if (column == ApsColumn)
            return QString(u"APS "_s + QString::number(row.aps, 'f', 2) + u"\n"_s + reasoning);
        return reasoning;
    }
    case Qt::TextAlignmentRole:
        if (column == RankColumn || column == ApsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // An overdue open move's due time shows in red so it stands out while scanning.
        if (column == DueColumn && row.dueByMs != 0) {
            const qint64 now = nowMs();
            if (row.dueByMs < now && row.effectiveStatus(now) == MoveStatus::Pending)
                return QColor(0xc6, 0x28, 0x28);
        }
        if (column == RankColumn)
            return QColor(0x80, 0x86, 0x8f);
        return QVariant();
    case MoveIdRole:
        return row.id;
    case ApsRole:
        return row.aps;
    case StatusRole:
        return static_cast<int>(row.effectiveStatus(nowMs()));
    case DomainRole:
        return row.domain;
    case ActionTypeRole:
        return row.actionType;
    case SourceRole:
        return row.source;
    case SearchTextRole:
        return QStringList { row.title, row.contactEmail, row.company, row.actionType }.join(u'\n').toLower();
    case ComponentsRole:
        return QVariantMap { { u"revenue"_s, row.components.revenue },
            { u"urgency"_s, row.components.urgency }, { u"effort"_s, row.components.effort },
            { u"strategic"_s, row.components.strategic } };
    case OutcomeAdjustmentRole:
        return row.outcomeAdjustment;
    case ReasoningRole:
        return apsReasoning(row.components, row.outcomeAdjustment);
    case DueRole:
        return row.dueByMs;
    case SnoozedUntilRole:
        return row.snoozedUntilMs;
    case SortRole:
        return sortData(row, column, rowNumber);
    }
    return QVariant();
}

const MoveRow* MovesModel::findMove(qint64 moveId) const
{
    return m_byId.value(moveId);
}

int MovesModel::lowerBound(const MoveRow& row) const
{
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), row,
        [](const MoveRow* element, const MoveRow& value) { return ranksBefore(*element, value); });
    return static_cast<int>(it - m_rows.begin());
}

int MovesModel::rowOfMove(qint64 moveId) const
{
    const MoveRow* record = findMove(moveId);
    if (!record)
        return -1;
    const int row = lowerBound(*record);
    if (row < rowCount() && m_rows[static_cast<size_t>(row)] == record)
        return row;
    // Unreachable while the order invariant holds; a linear scan keeps a broken invariant from losing rows.
    const auto it = std::find(m_rows.begin(), m_rows.end(), record);
    return it == m_rows.end() ? -1 : static_cast<int>(it - m_rows.begin());
}

QModelIndex MovesModel::indexOfMove(qint64 moveId, int column) const
{
    const int row = rowOfMove(moveId);
    return row < 0 ? QModelIndex() : index(row, column);
}

QStringList MovesModel::actionTypes() const
{
    QStringList list = m_actionTypeCounts.keys();
    list.sort();
    return list;
}

QStringList MovesModel::sources() const
{
    QStringList list = m_sourceCounts.keys();
    list.sort();
    return list;
}

int MovesModel::countEffective(MoveStatus status) const
{
    const qint64 now = nowMs();
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(),
        [&](const MoveRow* row) { return row->effectiveStatus(now) == status; }));
}

bool MovesModel::isLargeBatch(qsizetype batchSize, qsizetype currentRows)
{
    // Row by row costs O(n) per row (the order vector shifts here, the proxy renumbers its mapping); past
    // ~20 M element moves in total one merge plus one layout change is cheaper.
    return batchSize >= 1000 || batchSize * currentRows > 20'000'000;
}

void MovesModel::countFacet(QHash<QString, int>& counts, const QString& key, int delta, bool* changed)
{
    int& count = counts[key];
    const bool wasPresent = count > 0;
    count += delta;
    if (count <= 0) {
        counts.remove(key);
        *changed = *changed || wasPresent;
    } else if (!wasPresent) {
        *changed = true;
    }
}

void MovesModel::countFacets(const MoveRow& row, int delta)
{
    countFacet(m_actionTypeCounts, row.actionType, delta, &m_facetsDirty);
    countFacet(m_sourceCounts, row.source, delta, &m_facetsDirty);
}

MovesModel::PreparedRows MovesModel::prepareRows(QList<MoveRow> rows)
{
    PreparedRows prepared;
    prepared.rows = std::move(rows); // moves the buffer: no row is copied
    const QList<MoveRow>& list = prepared.rows; // const access only, so a shared list never detaches
    prepared.order.reserve(static_cast<size_t>(list.size() + list.size() / 2));
    // Room to grow: rehashing 200 000 ids when the first import batch arrives would stall the UI thread.
    prepared.byId.reserve(static_cast<size_t>(list.size() + list.size() / 2 + 1024));
    bool duplicates = false;
    bool unused = false;
    for (const MoveRow& row : list) {
        if (const MoveRow* earlier = prepared.byId.insert(row.id, &row)) {
            duplicates = true; // the storage never sends one; the last version wins
            countFacet(prepared.actionTypeCounts, earlier->actionType, -1, &unused);
            countFacet(prepared.sourceCounts, earlier->source, -1, &unused);
        }
        countFacet(prepared.actionTypeCounts, row.actionType, +1, &unused);
        countFacet(prepared.sourceCounts, row.source, +1, &unused);
        prepared.order.push_back(&row);
    }
    if (duplicates) {
        prepared.order.clear();
        prepared.byId.forEachRecord([&](const MoveRow* row) { prepared.order.push_back(row); });
    }
    // The storage sends rank order already; sorting only when it does not keeps the load O(n).
    if (!std::is_sorted(prepared.order.begin(), prepared.order.end(), rowPtrRanksBefore))
        std::sort(prepared.order.begin(), prepared.order.end(), rowPtrRanksBefore);
    return prepared;
}

void MovesModel::setPreparedRows(PreparedRows prepared)
{
    beginResetModel();
    // Swaps keep the prepared list's buffer (and so every pointer into it) where it is.
    m_loaded.swap(prepared.rows);
    m_rows.swap(prepared.order);
    m_byId.swap(prepared.byId);
    m_actionTypeCounts.swap(prepared.actionTypeCounts);
    m_sourceCounts.swap(prepared.sourceCounts);
    QList<QList<MoveRow>> oldBatches;
    oldBatches.swap(m_batches);
    endResetModel();
    // Freeing 200 000 rows takes tens of milliseconds: the old lists go away on the thread pool.
    qsizetype oldRows = prepared.rows.size();
    for (const QList<MoveRow>& batch : std::as_const(oldBatches))
        oldRows += batch.size();
    if (oldRows > 20'000) {
        (void)QtConcurrent::run([rows = std::move(prepared.rows), batches = std::move(oldBatches)]() mutable {
            rows.clear();
            batches.clear();
        });
    }
    m_facetsDirty = false;
    Q_EMIT facetsChanged();
    Q_EMIT contentChanged();
}

void MovesModel::setRows(QList<MoveRow> rows)
{
    setPreparedRows(prepareRows(std::move(rows)));
}

void MovesModel::clear()
{
    setRows({});
}

void MovesModel::upsertRows(const QList<MoveRow>& rows)
{
    if (rows.isEmpty())
        return;
    // Keep the batch as it came (a shallow copy) and point at its rows; const access only, so it never
    // detaches.
    m_batches.append(rows);
    const QList<MoveRow>& kept = m_batches.constLast();
    if (isLargeBatch(kept.size(), rowCount()))
        upsertLarge(kept);
    else
        for (const MoveRow& row : kept)
            upsertOne(row);
    if (m_facetsDirty) {
        m_facetsDirty = false;
        Q_EMIT facetsChanged();
    }
    Q_EMIT contentChanged();
}

void MovesModel::upsertOne(const MoveRow& row)
{
    const MoveRow* existing = m_byId.value(row.id);
    if (!existing) {
        const int position = lowerBound(row);
        beginInsertRows(QModelIndex(), position, position);
        m_byId.insert(row.id, &row);
        countFacets(row, +1);
        m_rows.insert(m_rows.begin() + position, &row);
        endInsertRows();
        return;
    }

    const int oldRow = rowOfMove(row.id);
    // lower_bound runs over the current order, which still holds the old version of this row: if the old
    // version ranks before the new one it is counted in the position, so the final index is one less.
    const int position = lowerBound(row);
    const int newRow = position > oldRow ? position - 1 : position;
    countFacets(*existing, -1);
    countFacets(row, +1);
    const MoveRow* record = &row;
    m_byId.insert(row.id, record);
    if (newRow != oldRow) {
        beginMoveRows(QModelIndex(), oldRow, oldRow, QModelIndex(), newRow > oldRow ? newRow + 1 : newRow);
        m_rows.erase(m_rows.begin() + oldRow);
        m_rows.insert(m_rows.begin() + newRow, record);
        endMoveRows();
    } else {
        m_rows[static_cast<size_t>(oldRow)] = record;
    }
    // Only this row's data changed. The rank numbers of the rows it passed are positional: views repaint
    // them on the move itself, and a ranged dataChanged would make the proxy re-filter every row between.
    Q_EMIT dataChanged(index(newRow, 0), index(newRow, ColumnCount - 1));
}

void MovesModel::upsertLarge(const QList<MoveRow>& rows)
{
    // 1. New rows are appended in one insertion; the layout change below sorts them into place.
    QList<const MoveRow*> updates;
    QHash<qint64, qsizetype> freshIndex; // id → position in `fresh` (a batch may repeat an id)
    QList<const MoveRow*> fresh;
    for (const MoveRow& row : rows) {
        if (m_byId.contains(row.id)) {
            updates.append(&row);
        } else if (const auto it = freshIndex.constFind(row.id); it != freshIndex.cend()) {
            fresh[*it] = &row;
        } else {
            freshIndex.insert(row.id, fresh.size());
            fresh.append(&row);
        }
    }
    const int oldCount = rowCount();
    if (!fresh.isEmpty()) {
        beginInsertRows(QModelIndex(), oldCount, oldCount + static_cast<int>(fresh.size()) - 1);
        for (const MoveRow* row : std::as_const(fresh)) {
            m_byId.insert(row->id, row);
            countFacets(*row, +1);
            m_rows.push_back(row);
        }
        endInsertRows();
    }

    // 2. One layout change re-ranks everything: changed rows are sorted on their own and merged with the
    // untouched rows, which are still in order (O(n + k log k), and only pointers move).
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    QList<QPair<qint64, int>> persistentIds; // move id, column
    persistentIds.reserve(persistent.size());
    for (const QModelIndex& index : persistent)
        persistentIds.append({ rowAt(index.row()).id, index.column() });

    QSet<const MoveRow*> superseded; // records of the current order replaced by this batch
    QSet<qint64> updatedIds;
    superseded.reserve(updates.size());
    std::vector<const MoveRow*> changed(m_rows.begin() + oldCount, m_rows.end());
    for (const MoveRow* update : std::as_const(updates)) {
        const MoveRow* previous = m_byId.insert(update->id, update);
        if (updatedIds.contains(update->id)) // the same id twice in one batch: the later version wins
            changed.erase(std::find(changed.begin(), changed.end(), previous));
        else
            superseded.insert(previous);
        updatedIds.insert(update->id);
        countFacets(*previous, -1);
        countFacets(*update, +1);
        changed.push_back(update);
    }
    // Drop the superseded records from the ranked part (only when there are any: the common import batch
    // is all new rows), then merge the sorted changed rows in (O(n) pointer moves, O(k log n) comparisons).
    auto steadyEndIt = m_rows.begin() + oldCount; // the new rows after it are in `changed` already
    if (!superseded.isEmpty())
        steadyEndIt = std::remove_if(
            m_rows.begin(), steadyEndIt, [&](const MoveRow* record) { return superseded.contains(record); });
    m_rows.resize(static_cast<size_t>(steadyEndIt - m_rows.begin()));
    std::sort(changed.begin(), changed.end(), rowPtrRanksBefore);
    mergeSortedInto(m_rows, changed, rowPtrRanksBefore);

    QModelIndexList updated;
    updated.reserve(persistent.size());
    for (const auto& [id, column] : std::as_const(persistentIds))
        updated.append(index(rowOfMove(id), column));
    changePersistentIndexList(persistent, updated);
    m_replacedIds.clear();
    for (const MoveRow* update : std::as_const(updates))
        m_replacedIds.append(update->id);
    m_describingLayout = true;
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    m_describingLayout = false;
    m_replacedIds.clear();
}

bool MovesModel::removeMove(qint64 moveId)
{
    const int row = rowOfMove(moveId);
    if (row < 0)
        return false;
    beginRemoveRows(QModelIndex(), row, row);
    countFacets(*m_rows[static_cast<size_t>(row)], -1);
    m_byId.remove(moveId);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    if (m_facetsDirty) {
        m_facetsDirty = false;
        Q_EMIT facetsChanged();
    }
    Q_EMIT contentChanged();
    return true;
}

} // namespace caseyos
