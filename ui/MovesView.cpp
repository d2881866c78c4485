#include "MovesView.h"

#include "ApsBarDelegate.h"
#include "MovesFilterProxy.h"
#include "MovesModel.h"
#include "RankDelegate.h"

#include <QHeaderView>
#include <QMenu>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace caseyos {

MovesView::MovesView(QWidget* parent)
    : QTableView(parent)
{
    setObjectName(u"movesView"_s);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setCornerButtonEnabled(false);
    setTabKeyNavigation(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setItemDelegateForColumn(MovesModel::ApsColumn, new ApsBarDelegate(this));

    // Fixed row heights: with 200 000 rows the header must never measure rows one by one.
    QHeaderView* rows = verticalHeader();
    rows->setVisible(false);
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 14);
    rows->setMinimumSectionSize(fontMetrics().height() + 4);

    QHeaderView* columns = horizontalHeader();
    columns->setHighlightSections(false);
    columns->setSectionsMovable(true);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setMinimumSectionSize(32);
    columns->setStretchLastSection(false);
    columns->setSortIndicatorShown(true);
    // No sort indicator means rank order (the source's); clicking a header sorts by that column.
    columns->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QHeaderView::customContextMenuRequested, this, &MovesView::showHeaderMenu);

    connect(this, &QAbstractItemView::activated, this, [this] { Q_EMIT openDetailRequested(); });
}

void MovesView::setMovesProxy(MovesFilterProxy* proxy)
{
    m_proxy = proxy;
    setModel(proxy);
    setItemDelegateForColumn(MovesModel::RankColumn, new RankDelegate(proxy, this));
    applyDefaultColumnWidths();
    syncColumnsToView();
    connect(proxy, &MovesFilterProxy::filtersChanged, this, &MovesView::syncColumnsToView);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { Q_EMIT currentMoveChanged(m_proxy->moveIdAt(current.row())); });
}

void MovesView::applyDefaultColumnWidths()
{
    QHeaderView* columns = horizontalHeader();
    const QFontMetrics metrics = fontMetrics();
    auto width = [&](const QString& sample) { return metrics.horizontalAdvance(sample) + 24; };
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(MovesModel::TitleColumn, QHeaderView::Stretch);
    columns->resizeSection(MovesModel::RankColumn, width(u"000"_s));
    columns->resizeSection(MovesModel::ApsColumn, width(u"100.0"_s) + 60);
    columns->resizeSection(MovesModel::ActionColumn, width(u"Meeting follow up"_s));
    columns->resizeSection(MovesModel::ContactColumn, width(u"Northwind Logistics · dlee@"_s));
    columns->resizeSection(MovesModel::DueColumn, width(u"Yesterday 16:41"_s));
    columns->resizeSection(MovesModel::StatusColumn, width(u"Snoozed · Tomorrow 09:00"_s));
    columns->resizeSection(MovesModel::SourceColumn, width(u"Calendar"_s));
    columns->resizeSection(MovesModel::DomainColumn, width(u"Marketing"_s));
    columns->setSectionHidden(MovesModel::SourceColumn, true);
    columns->setSectionHidden(MovesModel::DomainColumn, true);
}

void MovesView::syncColumnsToView()
{
    if (m_proxy)
        horizontalHeader()->setSectionHidden(
            MovesModel::StatusColumn, m_proxy->view() == MovesFilterProxy::View::Today);
}

void MovesView::showHeaderMenu(const QPoint& position)
{
    auto* menu = new QMenu(this); // popup(), not exec(): no nested event loop
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QHeaderView* columns = horizontalHeader();
    for (int column = 0; column < MovesModel::ColumnCount; ++column) {
        if (column == MovesModel::TitleColumn)
            continue; // the move itself is always shown
        QString name = model()->headerData(column, Qt::Horizontal).toString();
        if (column == MovesModel::RankColumn)
            name = u"Rank (#)"_s;
        QAction* toggle = menu->addAction(name);
        toggle->setCheckable(true);
        toggle->setChecked(!columns->isSectionHidden(column));
        connect(toggle, &QAction::toggled, this,
            [columns, column](bool on) { columns->setSectionHidden(column, !on); });
    }
    menu->addSeparator();
    QAction* rankOrder = menu->addAction(u"Back to Rank Order"_s);
    rankOrder->setEnabled(m_proxy && !m_proxy->isRankOrder());
    connect(rankOrder, &QAction::triggered, this, [this] { sortByColumn(-1, Qt::AscendingOrder); });
    menu->popup(columns->viewport()->mapToGlobal(position));
}

qint64 MovesView::currentMoveId() const
{
    return m_proxy ? m_proxy->moveIdAt(currentRow()) : 0;
}

int MovesView::currentRow() const
{
    const QModelIndex current = selectionModel() ? selectionModel()->currentIndex() : QModelIndex();
    return current.isValid() ? current.row() : -1;
}

bool MovesView::selectMove(qint64 moveId)
{
    if (!m_proxy)
        return false;
    const QModelIndex index = m_proxy->indexOfMove(moveId, MovesModel::TitleColumn);
    if (!index.isValid())
        return false;
    selectRow(index.row());
    return true;
}

void MovesView::selectRow(int row)
{
    if (!m_proxy || m_proxy->rowCount() == 0)
        return;
    row = std::clamp(row, 0, m_proxy->rowCount() - 1);
    const QModelIndex index = m_proxy->index(row, MovesModel::TitleColumn);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
}

void MovesView::stepSelection(int delta)
{
    const int row = currentRow();
    selectRow(row < 0 ? 0 : row + delta);
}

qint64 MovesView::neighbourOfCurrent() const
{
    const int row = currentRow();
    if (!m_proxy || row < 0)
        return 0;
    if (row + 1 < m_proxy->rowCount())
        return m_proxy->moveIdAt(row + 1);
    return row > 0 ? m_proxy->moveIdAt(row - 1) : 0;
}

void MovesView::setPlaceholderText(const QString& text)
{
    m_placeholder = text;
    viewport()->update();
}

void MovesView::paintEvent(QPaintEvent* event)
{
    QTableView::paintEvent(event);
    if (m_proxy && m_proxy->rowCount() == 0 && !m_placeholder.isEmpty()) {
        QPainter painter(viewport());
        QColor color = palette().color(QPalette::Text);
        color.setAlphaF(0.55);
        painter.setPen(color);
        painter.drawText(
            viewport()->rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    // A rule under Today's tenth move: the top ten are what the day is about; the rest stays browsable.
    if (!m_proxy || !m_proxy->isTopRow(MovesFilterProxy::TopCount - 1)
        || m_proxy->rowCount() <= MovesFilterProxy::TopCount)
        return;
    const int y
        = rowViewportPosition(MovesFilterProxy::TopCount - 1) + rowHeight(MovesFilterProxy::TopCount - 1) - 1;
    if (y < 0 || y > viewport()->height())
        return;
    QPainter painter(viewport());
    QPen pen(palette().color(QPalette::Highlight));
    pen.setWidth(2);
    painter.setPen(pen);
    painter.drawLine(0, y, viewport()->width(), y);
}

void MovesView::keyboardSearch(const QString&) { }

} // namespace caseyos
