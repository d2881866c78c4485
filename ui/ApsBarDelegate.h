#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace caseyos {

// Draws the APS cell as the score next to a horizontal bar whose length is the score (0–100) and whose
// colour is its band: ≥ 70 high, ≥ 40 medium, otherwise low.
class ApsBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ApsBarDelegate(QObject* parent = nullptr);

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    static QColor bandColor(double aps);
};

} // namespace caseyos
