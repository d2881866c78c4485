#include "RankDelegate.h"

#include "MovesFilterProxy.h"

#include <QApplication>
#include <QPainter>

namespace caseyos {

RankDelegate::RankDelegate(MovesFilterProxy* proxy, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_proxy(proxy)
{
}

void RankDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool top = m_proxy->isTopRow(index.row());
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    QColor color = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (!top && !selected)
        color.setAlphaF(0.5);
    QFont font = option.font;
    font.setBold(top);
    painter->save();
    painter->setFont(font);
    painter->setPen(color);
    painter->drawText(option.rect.adjusted(4, 0, -8, 0), Qt::AlignRight | Qt::AlignVCenter,
        QString::number(index.row() + 1));
    painter->restore();
}

} // namespace caseyos
