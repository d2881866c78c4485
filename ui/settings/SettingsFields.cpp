#include "SettingsFields.h"

#include <QLabel>
#include <QPalette>
#include <QSpinBox>
#include <QWidget>

namespace caseyos::settingsui {

namespace {
const char* const kSettingsInvalidProperty = "settingsInvalid";
}

QLabel* hintLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText); // the style's muted text colour, light or dark theme
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    label->setFont(font);
    return label;
}

QLabel* buddyLabel(const QString& text, QWidget* buddy)
{
    auto* label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

QSpinBox* rangeSpinBox(int min, int typedMax, const QString& suffix, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(min, typedMax);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    box->setMinimumWidth(96);
    return box;
}

void markInvalid(QWidget* field, bool invalid)
{
    if (!field || isMarkedInvalid(field) == invalid)
        return;
    field->setProperty(kSettingsInvalidProperty, invalid);
    // A tint of the field's own base colour rather than a style sheet, which would replace the native frame.
    QPalette palette = field->palette();
    if (invalid) {
        const QColor base = palette.color(QPalette::Base);
        const QColor red(0xd9, 0x30, 0x25);
        palette.setColor(QPalette::Base,
            QColor::fromRgbF(base.redF() * 0.8 + red.redF() * 0.2, base.greenF() * 0.8 + red.greenF() * 0.2,
                base.blueF() * 0.8 + red.blueF() * 0.2));
        field->setPalette(palette);
    } else {
        field->setPalette(QPalette());
    }
}

bool isMarkedInvalid(const QWidget* field)
{
    return field && field->property(kSettingsInvalidProperty).toBool();
}

} // namespace caseyos::settingsui
