#include "MovesFilterProxy.h"

#include "MovesModel.h"

#include <QFont>
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
    : QSortFilterProxyModel(parent)
{
    setSortRole(MovesModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void MovesFilterProxy::setMovesModel(MovesModel* model)
{
    m_model = model;
    if (m_model) {
        m_nowMs = m_model->nowMs();
        // A reload re-filters every row anyway: take the time again so expired snoozes count as pending.
        connect(
            m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_nowMs = m_model->nowMs(); });
    }
    setSourceModel(model);
}

void MovesFilterProxy::refilter()
{
    if (m_model)
        m_nowMs = m_model->nowMs();
    // invalidate(), not invalidateFilter(): the latter removes and inserts every scattered run of rows one
    // signal at a time, each O(n) in the mapping — minutes for a search over 200 000 rows. invalidate()
    // rebuilds the mapping in one pass and reports one layout change (persistent indexes are kept).
    invalidate();
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

bool MovesFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return false;
    return acceptsMove(m_model->rowAt(sourceRow));
}

bool MovesFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const MoveRow& a = m_model->rowAt(left.row());
    const MoveRow& b = m_model->rowAt(right.row());
    auto compareStrings
        = [](const QString& x, const QString& y) { return x.compare(y, Qt::CaseInsensitive); };
    int order = 0;
    switch (left.column()) {
    case MovesModel::RankColumn:
        break;
    case MovesModel::ApsColumn:
        order = a.aps < b.aps ? -1 : (a.aps > b.aps ? 1 : 0);
        break;
    case MovesModel::TitleColumn:
        order = compareStrings(a.title, b.title);
        break;
    case MovesModel::ActionColumn:
        order = compareStrings(a.actionType, b.actionType);
        break;
    case MovesModel::ContactColumn: {
        order = compareStrings(a.company, b.company);
        if (order == 0)
            order = compareStrings(a.contactEmail, b.contactEmail);
        break;
    }
    case MovesModel::DueColumn: {
        // No due date sorts after every date.
        const qint64 x = a.dueByMs == 0 ? std::numeric_limits<qint64>::max() : a.dueByMs;
        const qint64 y = b.dueByMs == 0 ? std::numeric_limits<qint64>::max() : b.dueByMs;
        order = x < y ? -1 : (x > y ? 1 : 0);
        break;
    }
    case MovesModel::StatusColumn:
        order = static_cast<int>(a.effectiveStatus(m_nowMs)) - static_cast<int>(b.effectiveStatus(m_nowMs));
        break;
    case MovesModel::SourceColumn:
        order = compareStrings(a.source, b.source);
        break;
    case MovesModel::DomainColumn:
        order = compareStrings(a.domain, b.domain);
        break;
    }
    if (order != 0)
        return order < 0;
    return left.row() < right.row(); // ties stay in rank order
}

const MoveRow* MovesFilterProxy::moveAt(int proxyRow) const
{
    if (!m_model || proxyRow < 0 || proxyRow >= rowCount())
        return nullptr;
    return &m_model->rowAt(mapToSource(index(proxyRow, 0)).row());
}

qint64 MovesFilterProxy::moveIdAt(int proxyRow) const
{
    const MoveRow* row = moveAt(proxyRow);
    return row ? row->id : 0;
}

QModelIndex MovesFilterProxy::indexOfMove(qint64 moveId, int column) const
{
    if (!m_model)
        return QModelIndex();
    return mapFromSource(m_model->indexOfMove(moveId, column));
}

bool MovesFilterProxy::isTopRow(int proxyRow) const
{
    return m_view == View::Today && isRankOrder() && proxyRow >= 0 && proxyRow < TopCount;
}

QVariant MovesFilterProxy::data(const QModelIndex& index, int role) const
{
    if (role == Qt::FontRole && index.isValid() && isTopRow(index.row())
        && (index.column() == MovesModel::RankColumn || index.column() == MovesModel::TitleColumn)) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return QSortFilterProxyModel::data(index, role);
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
