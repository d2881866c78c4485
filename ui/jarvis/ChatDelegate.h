#pragma once

#include <QStyledItemDelegate>
#include <QUrl>

class QTextDocument;

namespace caseyos {

// Paints a chat turn as a bubble of rendered Markdown (the user's on the right, Jarvis's on the left) and
// turns a click on a link inside it into linkActivated (caseyos://move/12 opens the move).
class ChatDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;

Q_SIGNALS:
    void linkActivated(const QUrl& url);

private:
    // The laid-out document of a turn and where it sits inside the row.
    void layout(QTextDocument& doc, const QStyleOptionViewItem& option, const QModelIndex& index,
        QRect* bubble) const;
};

} // namespace caseyos
