#pragma once

#include <QString>

class QLabel;
class QSpinBox;
class QWidget;

namespace caseyos::settingsui {

// Small building blocks shared by the settings pages, so they look alike.

// A grey, wrapped sentence under or beside a field: what it means, its range.
QLabel* hintLabel(const QString& text, QWidget* parent = nullptr);

// A form label whose mnemonic (&x) moves the focus to `buddy`; QFormLayout sets the buddy by itself only when
// the row's field is a widget, not a layout (a field with its hint beside it).
QLabel* buddyLabel(const QString& text, QWidget* buddy);

// A spin box whose own range is wider than the accepted one (`typedMax`), so a value that is too large can be
// typed and then refused with a sentence instead of silently not being taken; `suffix` e.g. " s".
QSpinBox* rangeSpinBox(int min, int typedMax, const QString& suffix, QWidget* parent = nullptr);

// Tints a field that cannot be saved (and clears the tint); the "settingsInvalid" property says which is.
void markInvalid(QWidget* field, bool invalid);
bool isMarkedInvalid(const QWidget* field);

} // namespace caseyos::settingsui
