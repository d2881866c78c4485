#pragma once

#include <QStyledItemDelegate>

namespace caseyos {

// A row of the session list: the session's title, and below it, smaller, when it was last active, how many
// messages it holds and whether it ended (SessionsModel::DetailRole).
class SessionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace caseyos
