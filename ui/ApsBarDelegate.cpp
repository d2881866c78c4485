#include "ApsBarDelegate.h"

#include "MovesModel.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::StringLiterals;

namespace caseyos {

ApsBarDelegate::ApsBarDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

QColor ApsBarDelegate::bandColor(double aps)
{
    if (aps >= 70.0)
        return QColor(0x2e, 0x7d, 0x32); // green
    if (aps >= 40.0)
        return QColor(0xe0, 0x8a, 0x00); // amber
    return QColor(0x90, 0x9a, 0xa6); // slate
}

void ApsBarDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget); // background and selection

    const double aps = std::clamp(index.data(MovesModel::ApsRole).toDouble(), 0.0, 100.0);
    const QString text = QString::number(aps, 'f', 1);
    const QRect cell = option.rect.adjusted(6, 0, -6, 0);
    const int textWidth = option.fontMetrics.horizontalAdvance(u"100.0"_s);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    painter->setPen(
        selected ? option.palette.color(QPalette::HighlightedText) : option.palette.color(QPalette::Text));
    painter->setFont(option.font);
    const QRect textRect(cell.left(), cell.top(), textWidth, cell.height());
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, text);

    const int barHeight = std::max(6, option.fontMetrics.height() / 2);
    const QRect track(textRect.right() + 8, cell.center().y() - barHeight / 2 + 1,
        std::max(0, cell.right() - textRect.right() - 8), barHeight);
    if (track.width() > 4) {
        QColor trackColor = option.palette.color(QPalette::Mid);
        trackColor.setAlpha(60);
        painter->setPen(Qt::NoPen);
        painter->setBrush(trackColor);
        painter->drawRoundedRect(track, barHeight / 2.0, barHeight / 2.0);
        QRect bar = track;
        bar.setWidth(std::max(barHeight, static_cast<int>(track.width() * aps / 100.0 + 0.5)));
        painter->setBrush(bandColor(aps));
        painter->drawRoundedRect(bar, barHeight / 2.0, barHeight / 2.0);
    }
    painter->restore();
}

QSize ApsBarDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(option.fontMetrics.horizontalAdvance(u"100.0"_s) + 80);
    return size;
}

} // namespace caseyos
