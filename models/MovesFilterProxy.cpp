#include "MovesFilterProxy.h"

#include "MovesModel.h"
#include "SortedMerge.h"

#include <QFont>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

inline char16_t fold(char16_t c)
{
    if (c < 128)
        return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
    return QChar::toCaseFolded(c);
}

// Case-insensitive substring test against an already case-folded needle. A plain loop with an ASCII fast
// path: the fields are short, so per-call setup (QString::contains, QStringMatcher) would dominate — this
// keeps a search over 200 000 rows to tens of milliseconds.
bool containsFolded(QStringView haystack, QStringView needle)
{
    const qsizetype m = needle.size();
    const qsizetype n = haystack.size();
    if (m == 0)
        return true;
    const char16_t* h = haystack.utf16();
    const char16_t* s = needle.utf16();
    for (qsizetype i = 0; i + m <= n; ++i) {
        if (fold(h[i]) != s[0])
            continue;
        qsizetype j = 1;
        while (j < m && fold(h[i + j]) == s[j])
            ++j;
        if (j == m)
            return true;
    }
    return false;
}

} // namespace

MovesFilterProxy::MovesFilterProxy(QObject* parent)
    : QAbstractProxyModel(parent)
{
}

void MovesFilterProxy::setSourceModel(QAbstractItemModel* model)
{
    QAbstractProxyModel::setSourceModel(model);
}

void MovesFilterProxy::setMovesModel(MovesModel* model)
{
    beginResetModel();
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    QAbstractProxyModel::setSourceModel(model);
    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { sourceRowsInserted(first, last); });
        connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) { sourceRowsAboutToGo(first, last); });
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { applyChanges(std::move(m_goingIds)); });
        connect(m_model, &QAbstractItemModel::rowsAboutToBeMoved, this,
            [this](const QModelIndex&, int first, int last) { sourceRowsAboutToGo(first, last); });
        connect(m_model, &QAbstractItemModel::rowsMoved, this, [this] { applyChanges(std::move(m_goingIds)); });
        connect(m_model, &QAbstractItemModel::dataChanged, this, &MovesFilterProxy::sourceDataChanged);
        connect(m_model, &QAbstractItemModel::layoutChanged, this, &MovesFilterProxy::sourceLayoutChanged);
        // The records of the old rows are freed after a reset: let go of them before.
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            beginResetModel();
            m_visible.clear();
            m_visibleById.clear();
        });
        connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
            m_nowMs = m_model->nowMs(); // a reload re-filters every row anyway: expired snoozes count as pending
            rebuild();
            endResetModel();
        });
        connect(m_model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
        m_nowMs = m_model->nowMs();
    }
    rebuild();
    endResetModel();
}

// ---- filter and order ----

bool MovesFilterProxy::acceptsMove(const MoveRow& row) const
{
    const MoveStatus status = row.effectiveStatus(m_nowMs);
    switch (m_view) {
    case View::Today:
        if (status != MoveStatus::Pending)
            return false;
        break;
    case View::All:
        break;
    case View::Snoozed:
        if (status != MoveStatus::Snoozed)
            return false;
        break;
    case View::Completed:
        if (status != MoveStatus::Completed)
            return false;
        break;
    case View::Dismissed:
        if (status != MoveStatus::Dismissed)
            return false;
        break;
    }
    if (!m_domain.isEmpty() && row.domain != m_domain)
        return false;
    if (!m_actionType.isEmpty() && row.actionType != m_actionType)
        return false;
    if (!m_source.isEmpty() && row.source != m_source)
        return false;
    for (const QString& word : m_searchWords) {
        const bool found = containsFolded(row.title, word) || containsFolded(row.contactEmail, word)
            || containsFolded(row.company, word) || containsFolded(row.actionType, word);
        if (!found)
            return false;
    }
    return true;
}

int MovesFilterProxy::compareColumn(const MoveRow& a, const MoveRow& b) const
{
    auto compareStrings = [](const QString& x, const QString& y) { return x.compare(y, Qt::CaseInsensitive); };
    switch (m_sortColumn) {
    case MovesModel::ApsColumn:
        return a.aps < b.aps ? -1 : (a.aps > b.aps ? 1 : 0);
    case MovesModel::TitleColumn:
        return compareStrings(a.title, b.title);
    case MovesModel::ActionColumn:
        return compareStrings(a.actionType, b.actionType);
    case MovesModel::ContactColumn: {
        const int order = compareStrings(a.company, b.company);
        return order != 0 ? order : compareStrings(a.contactEmail, b.contactEmail);
    }
    case MovesModel::DueColumn: {
        // No due date sorts after every date.
        const qint64 x = a.dueByMs == 0 ? std::numeric_limits<qint64>::max() : a.dueByMs;
        const qint64 y = b.dueByMs == 0 ? std::numeric_limits<qint64>::max() : b.dueByMs;
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    case MovesModel::StatusColumn:
        return static_cast<int>(a.effectiveStatus(m_nowMs)) - static_cast<int>(b.effectiveStatus(m_nowMs));
    case MovesModel::SourceColumn:
        return compareStrings(a.source, b.source);
    case MovesModel::DomainColumn:
        return compareStrings(a.domain, b.domain);
    }
    return 0;
}

// A total order (ranksBefore ends on the id), so a record's position is found by binary search.
bool MovesFilterProxy::displaysBefore(const MoveRow* a, const MoveRow* b) const
{
    if (m_sortColumn <= MovesModel::RankColumn) {
        const bool descending = m_sortColumn == MovesModel::RankColumn && m_sortOrder == Qt::DescendingOrder;
        return descending ? ranksBefore(*b, *a) : ranksBefore(*a, *b);
    }
    const int order = compareColumn(*a, *b);
    if (order != 0)
        return m_sortOrder == Qt::AscendingOrder ? order < 0 : order > 0;
    return ranksBefore(*a, *b); // ties stay in rank order
}

bool MovesFilterProxy::isRankOrder() const
{
    return m_sortColumn < 0 || (m_sortColumn == MovesModel::RankColumn && m_sortOrder == Qt::AscendingOrder);
}

int MovesFilterProxy::insertionPoint(const MoveRow* record) const
{
    const auto it = std::lower_bound(m_visible.begin(), m_visible.end(), record,
        [this](const MoveRow* element, const MoveRow* value) { return displaysBefore(element, value); });
    return static_cast<int>(it - m_visible.begin());
}

int MovesFilterProxy::positionOf(const MoveRow* record) const
{
    if (!record)
        return -1;
    const int at = insertionPoint(record);
    if (at < static_cast<int>(m_visible.size()) && m_visible[static_cast<size_t>(at)] == record)
        return at;
    // Unreachable while the order invariant holds; a linear scan keeps a broken invariant from losing rows.
    const auto it = std::find(m_visible.begin(), m_visible.end(), record);
    return it == m_visible.end() ? -1 : static_cast<int>(it - m_visible.begin());
}

void MovesFilterProxy::rebuild()
{
    m_visible.clear();
    m_visibleById.clear();
    if (!m_model)
        return;
    const int rows = m_model->rowCount();
    m_visible.reserve(static_cast<size_t>(rows + rows / 2));
    for (int row = 0; row < rows; ++row) {
        const MoveRow& record = m_model->rowAt(row);
        if (acceptsMove(record))
            m_visible.push_back(&record);
    }
    // The source is in rank order except between an insertion and its re-ranking layout change.
    auto before = [this](const MoveRow* a, const MoveRow* b) { return displaysBefore(a, b); };
    if (!isRankOrder() || !std::is_sorted(m_visible.begin(), m_visible.end(), before))
        std::sort(m_visible.begin(), m_visible.end(), before);
    // Room to grow: rehashing 200 000 ids when the first import batch arrives would stall the UI thread.
    m_visibleById.reserve(m_visible.size() + m_visible.size() / 2 + 1024);
    for (const MoveRow* record : m_visible)
        m_visibleById.insert(record->id, record);
}

void MovesFilterProxy::relayout(const std::function<void()>& change)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    // Persistent indexes (selection, current row) follow their move, or become invalid when it left the list.
    const QModelIndexList persistent = persistentIndexList();
    QList<QPair<qint64, int>> persistentIds; // move id, column
    persistentIds.reserve(persistent.size());
    for (const QModelIndex& index : persistent)
        persistentIds.append({ m_visible[static_cast<size_t>(index.row())]->id, index.column() });
    change();
    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (const auto& [id, column] : std::as_const(persistentIds))
        moved.append(indexOfMove(id, column));
    changePersistentIndexList(persistent, moved);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void MovesFilterProxy::refilter()
{
    if (m_model)
        m_nowMs = m_model->nowMs();
    relayout([this] { rebuild(); });
    Q_EMIT filtersChanged();
}

void MovesFilterProxy::setView(View view)
{
    if (m_view == view)
        return;
    m_view = view;
    refilter();
}

void MovesFilterProxy::setDomain(const QString& domain)
{
    if (m_domain == domain)
        return;
    m_domain = domain;
    refilter();
}

void MovesFilterProxy::setActionType(const QString& actionType)
{
    if (m_actionType == actionType)
        return;
    m_actionType = actionType;
    refilter();
}

void MovesFilterProxy::setSource(const QString& source)
{
    if (m_source == source)
        return;
    m_source = source;
    refilter();
}

void MovesFilterProxy::setSearchText(const QString& text)
{
    const QString simplified = text.simplified();
    if (m_searchText == simplified)
        return;
    m_searchText = simplified;
    m_searchWords = simplified.toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    refilter();
}

void MovesFilterProxy::refreshTime()
{
    refilter();
}

void MovesFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (column >= MovesModel::ColumnCount)
        return;
    m_sortColumn = column < 0 ? -1 : column;
    m_sortOrder = order;
    refilter();
}

// ---- following the source ----

void MovesFilterProxy::sourceRowsInserted(int first, int last)
{
    std::vector<qint64> ids;
    ids.reserve(static_cast<size_t>(last - first + 1));
    for (int row = first; row <= last; ++row)
        ids.push_back(m_model->rowAt(row).id);
    applyChanges(std::move(ids));
}

void MovesFilterProxy::sourceRowsAboutToGo(int first, int last)
{
    m_goingIds.clear();
    for (int row = first; row <= last; ++row)
        m_goingIds.push_back(m_model->rowAt(row).id);
}

void MovesFilterProxy::sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    sourceRowsAboutToGo(topLeft.row(), bottomRight.row());
    applyChanges(std::move(m_goingIds));
}

void MovesFilterProxy::sourceLayoutChanged()
{
    // The source re-ranks its own rows; this list has its own order, so only replaced records matter.
    if (const QList<qint64>* replaced = m_model->layoutChangeReplacedIds()) {
        applyChanges(std::vector<qint64>(replaced->cbegin(), replaced->cend()));
        return;
    }
    refilter(); // a layout change nobody described: check every row
}

void MovesFilterProxy::applyChanges(std::vector<qint64> ids)
{
    m_goingIds.clear();
    if (!m_model || ids.empty())
        return;
    if (static_cast<qsizetype>(ids.size()) <= kRowByRowLimit) {
        for (qint64 id : ids)
            applyOne(id);
    } else {
        applyMany(std::move(ids));
    }
}

void MovesFilterProxy::applyOne(qint64 id)
{
    const MoveRow* listed = m_visibleById.value(id);
    const MoveRow* current = m_model->findMove(id);
    const bool show = current && acceptsMove(*current);
    if (!listed && !show)
        return;
    if (listed && !show) {
        const int row = positionOf(listed);
        beginRemoveRows(QModelIndex(), row, row);
        m_visible.erase(m_visible.begin() + row);
        m_visibleById.remove(id);
        endRemoveRows();
        return;
    }
    if (!listed) {
        const int row = insertionPoint(current);
        beginInsertRows(QModelIndex(), row, row);
        m_visible.insert(m_visible.begin() + row, current);
        m_visibleById.insert(id, current);
        endInsertRows();
        return;
    }
    const int oldRow = positionOf(listed);
    // The search runs over the list that still holds the old record: past it, the final index is one less.
    const int point = insertionPoint(current);
    const int newRow = point > oldRow ? point - 1 : point;
    if (newRow != oldRow) {
        beginMoveRows(QModelIndex(), oldRow, oldRow, QModelIndex(), newRow > oldRow ? newRow + 1 : newRow);
        m_visible.erase(m_visible.begin() + oldRow);
        m_visible.insert(m_visible.begin() + newRow, current);
        m_visibleById.insert(id, current);
        endMoveRows();
    } else {
        m_visible[static_cast<size_t>(oldRow)] = current;
        m_visibleById.insert(id, current);
    }
    Q_EMIT dataChanged(index(newRow, 0), index(newRow, MovesModel::ColumnCount - 1));
}

void MovesFilterProxy::applyMany(std::vector<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

    // What leaves (the listed versions of these moves) and what enters (their current versions that pass).
    std::vector<int> leaving;
    std::vector<const MoveRow*> entering;
    for (qint64 id : ids) {
        if (const MoveRow* listed = m_visibleById.value(id))
            leaving.push_back(positionOf(listed));
        const MoveRow* current = m_model->findMove(id);
        if (current && acceptsMove(*current))
            entering.push_back(current);
    }
    if (leaving.empty() && entering.empty())
        return;
    auto before = [this](const MoveRow* a, const MoveRow* b) { return displaysBefore(a, b); };
    std::sort(entering.begin(), entering.end(), before);

    relayout([&] {
        // Drop the leaving rows in one pass, then merge the entering ones in (O(n) pointer moves and
        // O(k log n) comparisons).
        std::sort(leaving.begin(), leaving.end());
        size_t write = leaving.empty() ? m_visible.size() : static_cast<size_t>(leaving.front());
        size_t next = 0;
        for (size_t read = write; read < m_visible.size(); ++read) {
            if (next < leaving.size() && static_cast<size_t>(leaving[next]) == read) {
                m_visibleById.remove(m_visible[read]->id);
                ++next;
                continue;
            }
            m_visible[write++] = m_visible[read];
        }
        m_visible.resize(write);
        mergeSortedInto(m_visible, entering, before);
        for (const MoveRow* record : entering)
            m_visibleById.insert(record->id, record);
    });
}

// ---- the model interface ----

QModelIndex MovesFilterProxy::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return QModelIndex();
    return createIndex(row, column);
}

QModelIndex MovesFilterProxy::parent(const QModelIndex&) const
{
    return QModelIndex();
}

QModelIndex MovesFilterProxy::sibling(int row, int column, const QModelIndex& idx) const
{
    return idx.isValid() ? index(row, column) : QModelIndex();
}

int MovesFilterProxy::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

int MovesFilterProxy::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_model ? 0 : MovesModel::ColumnCount;
}

bool MovesFilterProxy::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_visible.empty();
}

QModelIndex MovesFilterProxy::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this)
        return QModelIndex();
    return m_model->indexOfMove(m_visible[static_cast<size_t>(proxyIndex.row())]->id, proxyIndex.column());
}

QModelIndex MovesFilterProxy::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.model() != m_model)
        return QModelIndex();
    const MoveRow& record = m_model->rowAt(sourceIndex.row());
    if (m_visibleById.value(record.id) != &record)
        return QModelIndex();
    return index(positionOf(&record), sourceIndex.column());
}

Qt::ItemFlags MovesFilterProxy::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant MovesFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_model)
        return QVariant();
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    return m_model->headerData(section, orientation, role);
}

const MoveRow* MovesFilterProxy::moveAt(int proxyRow) const
{
    if (proxyRow < 0 || proxyRow >= rowCount())
        return nullptr;
    return m_visible[static_cast<size_t>(proxyRow)];
}

qint64 MovesFilterProxy::moveIdAt(int proxyRow) const
{
    const MoveRow* row = moveAt(proxyRow);
    return row ? row->id : 0;
}

QModelIndex MovesFilterProxy::indexOfMove(qint64 moveId, int column) const
{
    const int row = positionOf(m_visibleById.value(moveId));
    return row < 0 ? QModelIndex() : index(row, column);
}

bool MovesFilterProxy::isTopRow(int proxyRow) const
{
    return m_view == View::Today && isRankOrder() && proxyRow >= 0 && proxyRow < TopCount;
}

QVariant MovesFilterProxy::data(const QModelIndex& index, int role) const
{
    if (!m_model || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    if (role == Qt::FontRole && isTopRow(index.row())
        && (index.column() == MovesModel::RankColumn || index.column() == MovesModel::TitleColumn)) {
        QFont font;
        font.setBold(true);
        return font;
    }
    // Straight from the record: no mapping to a source row.
    return m_model->rowData(*m_visible[static_cast<size_t>(index.row())], index.column(), role, index.row());
}

QString MovesFilterProxy::viewKey(View view)
{
    switch (view) {
    case View::Today:
        return u"today"_s;
    case View::All:
        return u"all"_s;
    case View::Snoozed:
        return u"snoozed"_s;
    case View::Completed:
        return u"completed"_s;
    case View::Dismissed:
        return u"dismissed"_s;
    }
    return u"today"_s;
}

MovesFilterProxy::View MovesFilterProxy::viewFromKey(QStringView key)
{
    for (View view : { View::Today, View::All, View::Snoozed, View::Completed, View::Dismissed })
        if (key == viewKey(view))
            return view;
    return View::Today;
}

QString MovesFilterProxy::viewLabel(View view)
{
    switch (view) {
    case View::Today:
        return u"Today"_s;
    case View::All:
        return u"All moves"_s;
    case View::Snoozed:
        return u"Snoozed"_s;
    case View::Completed:
        return u"Completed"_s;
    case View::Dismissed:
        return u"Dismissed"_s;
    }
    return QString();
}

} // namespace caseyos
