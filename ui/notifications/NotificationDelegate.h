#pragma once

#include <QStyledItemDelegate>

namespace caseyos {

// One notification as a card: a stripe in the priority's colour, the title in bold with the time at the
// right, and the message below it (two lines at most, elided).
class NotificationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace caseyos
