#pragma once

#include "SettingsPage.h"

class QCheckBox;
class QSpinBox;
class QTimeEdit;

namespace caseyos {

// Settings ▸ Notifications: quiet hours for desktop pop-ups (QuietHours), how often the background checks run
// (BackgroundScheduler, checks/intervalMinutes) and whether closing the window keeps CaseyOS in the tray
// (DesktopIntegration::closeToTrayKey, the same option as View ▸ Keep running in the tray). The window
// passes a change on to the tray and the scheduler when the dialog saves (MainWindow::settingsChanged).
class NotificationsPage : public SettingsPage
{
    Q_OBJECT
public:
    explicit NotificationsPage(QWidget* parent = nullptr);

    QString title() const override { return tr("Notifications"); }
    void load(const QSettings& settings) override;
    std::optional<SettingsProblem> validate() const override;
    void save(QSettings& settings) const override;

    QCheckBox* quietHoursBox() const { return m_quiet; }
    QTimeEdit* quietStartEdit() const { return m_quietStart; }
    QTimeEdit* quietEndEdit() const { return m_quietEnd; }
    QSpinBox* intervalBox() const { return m_interval; }
    QCheckBox* closeToTrayBox() const { return m_closeToTray; }

private:
    QCheckBox* m_quiet = nullptr;
    QTimeEdit* m_quietStart = nullptr;
    QTimeEdit* m_quietEnd = nullptr;
    QSpinBox* m_interval = nullptr;
    QCheckBox* m_closeToTray = nullptr;
};

} // namespace caseyos
