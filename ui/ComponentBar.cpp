#include "ComponentBar.h"

#include <QPainter>

using namespace Qt::StringLiterals;

namespace caseyos {

ComponentBar::ComponentBar(const QString& label, QColor color, QWidget* parent)
    : QWidget(parent)
    , m_label(label)
    , m_color(color)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ComponentBar::setValue(double fraction, const QString& valueText)
{
    m_value = std::clamp(fraction, 0.0, 1.0);
    m_valueText = valueText;
    setAccessibleName(m_label + u' ' + m_valueText);
    update();
}

QSize ComponentBar::sizeHint() const
{
    return QSize(260, fontMetrics().height() + 8);
}

QSize ComponentBar::minimumSizeHint() const
{
    return QSize(160, fontMetrics().height() + 8);
}

void ComponentBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetrics metrics = fontMetrics();
    const int labelWidth = metrics.horizontalAdvance(u"Strategic"_s) + 12;
    const int valueWidth = metrics.horizontalAdvance(u"100% easy"_s) + 8;
    const QRect area = rect();

    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, 0, labelWidth, area.height()), Qt::AlignLeft | Qt::AlignVCenter, m_label);
    painter.drawText(QRect(area.width() - valueWidth, 0, valueWidth, area.height()),
        Qt::AlignRight | Qt::AlignVCenter, m_valueText);

    const int barHeight = std::max(6, metrics.height() / 2);
    const QRect track(labelWidth, area.height() / 2 - barHeight / 2,
        std::max(0, area.width() - labelWidth - valueWidth - 8), barHeight);
    if (track.width() <= 0)
        return;
    QColor trackColor = palette().color(QPalette::Mid);
    trackColor.setAlpha(60);
    painter.setPen(Qt::NoPen);
    painter.setBrush(trackColor);
    painter.drawRoundedRect(track, barHeight / 2.0, barHeight / 2.0);
    if (m_value > 0.0) {
        QRect bar = track;
        bar.setWidth(std::max(barHeight, static_cast<int>(track.width() * m_value + 0.5)));
        painter.setBrush(m_color);
        painter.drawRoundedRect(bar, barHeight / 2.0, barHeight / 2.0);
    }
}

} // namespace caseyos
