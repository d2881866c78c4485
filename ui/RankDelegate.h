#pragma once

#include <QStyledItemDelegate>

namespace caseyos {

class MovesFilterProxy;

// Draws a row's position in the list (1, 2, 3…). The number is positional, so it is not model data; Today's
// top ten are drawn bold in the text colour, the rest muted.
class RankDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RankDelegate(MovesFilterProxy* proxy, QObject* parent = nullptr);
    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    MovesFilterProxy* m_proxy;
};

} // namespace caseyos
