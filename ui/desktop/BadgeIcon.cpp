#include "BadgeIcon.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

const QColor kBadgeFill(0xd3, 0x2f, 0x2f); // red that stays readable on light and dark panels
const QColor kBadgeOutline(Qt::white);

} // namespace

QString BadgeIcon::badgeText(int count)
{
    if (count <= 0)
        return {};
    return count > 99 ? u"99+"_s : QString::number(count);
}

QRectF BadgeIcon::badgeRect(int count, int size)
{
    const QString text = badgeText(count);
    if (text.isEmpty())
        return {};
    // The disc takes a bit more than half the icon so the digits stay legible at 16 px; longer text widens
    // it into a pill, still inside the icon.
    const qreal height = size * 0.6;
    const qreal width = qMin<qreal>(size, height * (text.size() <= 1 ? 1.0 : text.size() == 2 ? 1.25 : 1.6));
    return QRectF(size - width, 0, width, height);
}

QImage BadgeIcon::render(const QIcon& base, int count, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    base.paint(&painter, QRect(0, 0, size, size));

    const QString text = badgeText(count);
    if (!text.isEmpty()) {
        const QRectF rect = badgeRect(count, size);
        const qreal outline = qMax<qreal>(1.0, size / 24.0);
        painter.setPen(QPen(kBadgeOutline, outline));
        painter.setBrush(kBadgeFill);
        const QRectF disc = rect.adjusted(outline / 2, outline / 2, -outline / 2, -outline / 2);
        painter.drawRoundedRect(disc, disc.height() / 2, disc.height() / 2);

        QFont font;
        font.setBold(true);
        font.setPixelSize(qMax(6, int(rect.height() * (text.size() >= 3 ? 0.5 : 0.7))));
        // Shrink until the digits fit inside the disc.
        while (font.pixelSize() > 6 && QFontMetricsF(font).horizontalAdvance(text) > disc.width() - outline)
            font.setPixelSize(font.pixelSize() - 1);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(disc, Qt::AlignCenter, text);
    }
    painter.end();
    return image;
}

QIcon BadgeIcon::icon(const QIcon& base, int count)
{
    QIcon result;
    for (const int size : kSizes)
        result.addPixmap(QPixmap::fromImage(render(base, count, size)));
    return result;
}

} // namespace caseyos
