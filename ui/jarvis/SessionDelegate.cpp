#include "jarvis/SessionDelegate.h"

#include "jarvis/SessionsModel.h"

#include <QApplication>
#include <QPainter>

namespace caseyos {

namespace {

constexpr int kSessionRowPadding = 6; // around the two lines
constexpr int kSessionLineGap = 2;
constexpr int kSessionRowMinWidth = 280; // room for "last active yesterday 18:05 · 12 messages · ended"

QFont detailFont(const QFont& base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.88);
    return font;
}

} // namespace

void SessionDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear(); // the style paints the background, selection and focus; the two lines are drawn here
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QRect area = opt.rect.adjusted(kSessionRowPadding, kSessionRowPadding, -kSessionRowPadding, 0);
    const QFont small = detailFont(opt.font);
    const QFontMetrics titleMetrics(opt.font);
    const QFontMetrics detailMetrics(small);

    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(area.left(), area.top() + titleMetrics.ascent(),
        titleMetrics.elidedText(title, Qt::ElideRight, area.width()));
    painter->setFont(small);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(area.left(),
        area.top() + titleMetrics.height() + kSessionLineGap + detailMetrics.ascent(),
        detailMetrics.elidedText(
            index.data(SessionsModel::DetailRole).toString(), Qt::ElideRight, area.width()));
    painter->restore();
}

QSize SessionDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics titleMetrics(option.font);
    const QFontMetrics detailMetrics(detailFont(option.font));
    const int width = qMax(titleMetrics.horizontalAdvance(index.data(Qt::DisplayRole).toString()),
        detailMetrics.horizontalAdvance(index.data(SessionsModel::DetailRole).toString()));
    return { qMax(kSessionRowMinWidth, width + 2 * kSessionRowPadding),
        titleMetrics.height() + kSessionLineGap + detailMetrics.height() + 2 * kSessionRowPadding };
}

} // namespace caseyos
