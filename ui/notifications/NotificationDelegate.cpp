#include "NotificationDelegate.h"

#include "NotificationsModel.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int kStripe = 4;
constexpr int kNotificationPadding = 6;
constexpr int kMessageLines = 2;

QFont boldOf(QFont font)
{
    font.setBold(true);
    return font;
}

} // namespace

QSize NotificationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QFontMetrics title(boldOf(option.font));
    const QFontMetrics body(option.font);
    const bool hasMessage = !index.data(NotificationsModel::MessageRole).toString().isEmpty();
    const int height
        = kNotificationPadding + title.height() + (hasMessage ? 2 + body.lineSpacing() * kMessageLines : 0) + kNotificationPadding;
    return { 300, height };
}

void NotificationDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and selection

    painter->save();
    const QRect r = option.rect;
    painter->fillRect(QRect(r.left(), r.top() + 1, kStripe, r.height() - 2),
        index.data(NotificationsModel::PriorityColorRole).value<QColor>());

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QColor textColor = option.palette.color(textRole);
    QColor dimColor = textColor;
    if (!selected)
        dimColor.setAlphaF(0.7f);

    const QRect content = r.adjusted(kStripe + kNotificationPadding, kNotificationPadding, -kNotificationPadding, -kNotificationPadding);
    const QFont titleFont = boldOf(option.font);
    const QFontMetrics titleMetrics(titleFont);
    const QString time = index.data(NotificationsModel::TimeTextRole).toString();
    const int timeWidth = option.fontMetrics.horizontalAdvance(time);

    painter->setFont(option.font);
    painter->setPen(dimColor);
    painter->drawText(QRect(content.right() - timeWidth, content.top(), timeWidth, titleMetrics.height()),
        Qt::AlignRight | Qt::AlignVCenter, time);

    painter->setFont(titleFont);
    painter->setPen(textColor);
    const int titleWidth = qMax(0, content.width() - timeWidth - kNotificationPadding);
    painter->drawText(QRect(content.left(), content.top(), titleWidth, titleMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(
            index.data(NotificationsModel::TitleRole).toString(), Qt::ElideRight, titleWidth));

    const QString message = index.data(NotificationsModel::MessageRole).toString();
    if (!message.isEmpty()) {
        // Word-wrapped into at most two lines; the last one elided.
        painter->setFont(option.font);
        painter->setPen(dimColor);
        const QFontMetrics body(option.font);
        QTextLayout layout(message, option.font);
        layout.beginLayout();
        int y = content.top() + titleMetrics.height() + 2;
        int consumed = 0;
        for (int line = 0; line < kMessageLines; ++line) {
            QTextLine textLine = layout.createLine();
            if (!textLine.isValid())
                break;
            textLine.setLineWidth(content.width());
            QString text = message.mid(textLine.textStart(), textLine.textLength());
            consumed = textLine.textStart() + textLine.textLength();
            if (line == kMessageLines - 1 && consumed < message.size())
                text = body.elidedText(message.mid(textLine.textStart()), Qt::ElideRight, content.width());
            painter->drawText(QPoint(content.left(), y + body.ascent()), text.trimmed());
            y += body.lineSpacing();
        }
        layout.endLayout();
    }
    painter->restore();
}

} // namespace caseyos
