#include "jarvis/ChatDelegate.h"

#include "jarvis/ChatModel.h"

#include <QAbstractTextDocumentLayout>
#include <QMouseEvent>
#include <QPainter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int kMargin = 6; // around a bubble
constexpr int kBubblePadding = 8; // inside it
constexpr double kMaxBubbleShare = 0.85; // of the row's width

bool isUser(const QModelIndex& index)
{
    return index.data(ChatModel::SpeakerRole).toString() == u"user"_s;
}

} // namespace

void ChatDelegate::layout(
    QTextDocument& doc, const QStyleOptionViewItem& option, const QModelIndex& index, QRect* bubble) const
{
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(0);
    const QString text = index.data(ChatModel::MarkdownRole).toString();
    if (isUser(index))
        doc.setPlainText(text); // what the user typed is shown as typed
    else
        doc.setMarkdown(text);
    const int available = qMax(80, int((option.rect.width() - 2 * kMargin) * kMaxBubbleShare) - 2 * kBubblePadding);
    doc.setTextWidth(available);
    const int width = qMin(available, int(doc.idealWidth()) + 1) + 2 * kBubblePadding;
    const int height = int(doc.size().height()) + 2 * kBubblePadding;
    const int left = isUser(index) ? option.rect.right() - kMargin - width : option.rect.left() + kMargin;
    *bubble = QRect(left, option.rect.top() + kMargin, width, height);
}

void ChatDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QTextDocument doc;
    QRect bubble;
    layout(doc, option, index, &bubble);
    const QPalette& palette = option.palette;
    QColor fill = isUser(index) ? palette.color(QPalette::Highlight).lighter(185) : palette.color(QPalette::AlternateBase);
    if (index.data(ChatModel::FailedRole).toBool())
        fill = QColor(0xfd, 0xec, 0xea);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(option.state & QStyle::State_HasFocus ? palette.color(QPalette::Highlight)
                                                           : palette.color(QPalette::Mid));
    painter->setBrush(fill);
    painter->drawRoundedRect(bubble, 8, 8);
    painter->translate(bubble.topLeft() + QPoint(kBubblePadding, kBubblePadding));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = palette;
    context.palette.setColor(QPalette::Text,
        index.data(ChatModel::PendingRole).toBool() ? palette.color(QPalette::PlaceholderText)
                                                    : palette.color(QPalette::Text));
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize ChatDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QTextDocument doc;
    QRect bubble;
    layout(doc, option, index, &bubble);
    return { option.rect.width(), bubble.height() + 2 * kMargin };
}

bool ChatDelegate::editorEvent(
    QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        QTextDocument doc;
        QRect bubble;
        layout(doc, option, index, &bubble);
        const QPointF inDoc = mouse->position() - QPointF(bubble.topLeft() + QPoint(kBubblePadding, kBubblePadding));
        const QString anchor = doc.documentLayout()->anchorAt(inDoc);
        if (!anchor.isEmpty()) {
            Q_EMIT linkActivated(QUrl(anchor));
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace caseyos
