#pragma once

#include <QString>
#include <QWidget>
#include <optional>

class QSettings;

namespace caseyos {

// Why a page cannot be saved: the field to highlight and a sentence for the user.
struct SettingsProblem
{
    QWidget* field = nullptr;
    QString message;
};

// One page of File ▸ Settings. The dialog loads every page from the same QSettings, validates them all
// before it writes anything, then saves them into it (so Cancel and a refused value change nothing). Each
// page reads and writes its keys through the helpers next to the code that uses them (LlmSettings,
// WorkingHours, SummaryPolicy, McpSettings, …): no key string lives here.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    virtual QString title() const = 0; // the entry in the dialog's list
    virtual void load(const QSettings& settings) = 0;
    virtual std::optional<SettingsProblem> validate() const = 0; // the first problem, top to bottom
    virtual void save(QSettings& settings) const = 0;

Q_SIGNALS:
    void edited(); // a field changed (the dialog checks again while a problem is shown)
};

} // namespace caseyos
