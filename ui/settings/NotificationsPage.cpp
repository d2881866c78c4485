#include "NotificationsPage.h"

#include "SettingsFields.h"
#include "checks/BackgroundScheduler.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/QuietHours.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace caseyos {

namespace {
constexpr int kTypedMaxIntervalMinutes = 7 * 24 * 60; // accepted: BackgroundScheduler::kMaxIntervalMinutes
}

NotificationsPage::NotificationsPage(QWidget* parent)
    : SettingsPage(parent)
{
    setObjectName(QStringLiteral("notificationsPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* quiet = new QGroupBox(tr("Quiet hours"));
    auto* quietLayout = new QVBoxLayout(quiet);
    m_quiet = new QCheckBox(tr("&Hold desktop pop-ups from"));
    m_quiet->setObjectName(QStringLiteral("quietHoursBox"));
    m_quietStart = new QTimeEdit;
    m_quietStart->setObjectName(QStringLiteral("quietStartEdit"));
    m_quietStart->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietEnd = new QTimeEdit;
    m_quietEnd->setObjectName(QStringLiteral("quietEndEdit"));
    m_quietEnd->setDisplayFormat(QStringLiteral("HH:mm"));
    auto* range = new QHBoxLayout;
    range->addWidget(m_quiet);
    range->addWidget(m_quietStart);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(m_quietEnd);
    range->addStretch(1);
    quietLayout->addLayout(range);
    quietLayout->addWidget(settingsui::hintLabel(tr(
        "The notifications still arrive in the panel; their pop-ups come when the quiet hours end. A range "
        "like 22:00 to 07:00 runs over midnight.")));
    layout->addWidget(quiet);

    auto* background = new QGroupBox(tr("In the background"));
    auto* form = new QFormLayout(background);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_interval = settingsui::rangeSpinBox(1, kTypedMaxIntervalMinutes, tr(" min"));
    m_interval->setObjectName(QStringLiteral("checkIntervalBox"));
    auto* interval = new QHBoxLayout;
    interval->addWidget(m_interval);
    interval->addWidget(
        settingsui::hintLabel(tr("new leads, replies, overdue moves and meetings soon; 1 to %1 "
                                 "min")
                                  .arg(BackgroundScheduler::kMaxIntervalMinutes)),
        1);
    form->addRow(settingsui::buddyLabel(tr("Check &every:"), m_interval), interval);
    m_closeToTray = new QCheckBox(tr("&Keep running in the tray when the window is closed"));
    m_closeToTray->setObjectName(QStringLiteral("closeToTrayBox"));
    form->addRow(m_closeToTray);
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_closeToTray->setEnabled(false);
        form->addRow(
            settingsui::hintLabel(tr("This desktop has no system tray: closing the window quits CaseyOS.")));
    }
    layout->addWidget(background);
    layout->addStretch(1);

    connect(m_quiet, &QCheckBox::toggled, this, [this](bool on) {
        m_quietStart->setEnabled(on);
        m_quietEnd->setEnabled(on);
        Q_EMIT edited();
    });
    connect(m_quietStart, &QTimeEdit::timeChanged, this, &SettingsPage::edited);
    connect(m_quietEnd, &QTimeEdit::timeChanged, this, &SettingsPage::edited);
    connect(m_interval, &QSpinBox::valueChanged, this, &SettingsPage::edited);
    connect(m_closeToTray, &QCheckBox::toggled, this, &SettingsPage::edited);
}

void NotificationsPage::load(const QSettings& settings)
{
    const QuietHours hours = QuietHours::load(settings);
    m_quiet->setChecked(hours.enabled);
    m_quietStart->setTime(hours.start);
    m_quietEnd->setTime(hours.end);
    m_quietStart->setEnabled(hours.enabled);
    m_quietEnd->setEnabled(hours.enabled);
    m_interval->setValue(BackgroundScheduler::intervalFromSettings(settings));
    m_closeToTray->setChecked(settings.value(DesktopIntegration::closeToTrayKey(), true).toBool());
}

std::optional<SettingsProblem> NotificationsPage::validate() const
{
    if (m_quiet->isChecked() && m_quietStart->time() == m_quietEnd->time())
        return SettingsProblem { m_quietEnd,
            tr("Quiet hours that start and end at the same time are empty.") };
    if (m_interval->value() > BackgroundScheduler::kMaxIntervalMinutes)
        return SettingsProblem { m_interval,
            tr("The checks run at least once a day: at most %1 minutes.")
                .arg(BackgroundScheduler::kMaxIntervalMinutes) };
    return std::nullopt;
}

void NotificationsPage::save(QSettings& settings) const
{
    QuietHours hours;
    hours.enabled = m_quiet->isChecked();
    hours.start = m_quietStart->time();
    hours.end = m_quietEnd->time();
    hours.save(settings);
    settings.setValue(BackgroundScheduler::kIntervalSettingsKey, m_interval->value());
    if (m_closeToTray->isEnabled())
        settings.setValue(DesktopIntegration::closeToTrayKey(), m_closeToTray->isChecked());
}

} // namespace caseyos
