#include "WorkingHoursBox.h"

#include "SettingsFields.h"
#include "SettingsPage.h"
#include "core/Clock.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QTimeEdit>

namespace caseyos {

namespace {
constexpr int kTypedMaxSearchDays = 365; // accepted: WorkingHours::kMaxSearchDays
}

WorkingHoursBox::WorkingHoursBox(const Clock& clock, QWidget* parent)
    : QGroupBox(tr("Meeting slots"), parent)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("workingHoursBox"));
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(settingsui::hintLabel(tr("When “book a meeting” has no start time, it takes the first free "
                                          "half hour within these working hours.")));

    m_start = new QTimeEdit;
    m_start->setObjectName(QStringLiteral("workdayStartEdit"));
    m_start->setDisplayFormat(QStringLiteral("HH:mm"));
    m_end = new QTimeEdit;
    m_end->setObjectName(QStringLiteral("workdayEndEdit"));
    m_end->setDisplayFormat(QStringLiteral("HH:mm"));
    auto* hours = new QHBoxLayout;
    hours->addWidget(m_start);
    hours->addWidget(new QLabel(tr("to")));
    hours->addWidget(m_end);
    hours->addStretch(1);
    form->addRow(settingsui::buddyLabel(tr("Working &hours:"), m_start), hours);

    auto* days = new QHBoxLayout;
    days->setSpacing(10);
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto* box = new QCheckBox(locale.dayName(day, QLocale::ShortFormat));
        box->setObjectName(QStringLiteral("workday%1Box").arg(day));
        days->addWidget(box);
        m_days.append(box);
        connect(box, &QCheckBox::toggled, this, &WorkingHoursBox::edited);
    }
    days->addStretch(1);
    form->addRow(settingsui::buddyLabel(tr("Wor&king days:"), m_days.first()), days);

    // Editable so a zone can be typed ("Berl" finds Europe/Berlin); the first entry follows the system.
    m_zone = new QComboBox;
    m_zone->setObjectName(QStringLiteral("timeZoneBox"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    m_zone->addItem(tr("System time zone (%1)").arg(QString::fromUtf8(clock.localZone().id())), QString());
    for (const QByteArray& id : QTimeZone::availableTimeZoneIds())
        if (id.contains('/') || id == "UTC") // IANA names; Google Calendar takes no bare offsets
            m_zone->addItem(QString::fromUtf8(id), QString::fromUtf8(id));
    m_zone->completer()->setFilterMode(Qt::MatchContains);
    m_zone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    form->addRow(tr("Time &zone:"), m_zone);

    m_searchDays = settingsui::rangeSpinBox(1, kTypedMaxSearchDays, tr(" days"));
    m_searchDays->setObjectName(QStringLiteral("searchDaysBox"));
    auto* search = new QHBoxLayout;
    search->addWidget(m_searchDays);
    search->addWidget(
        settingsui::hintLabel(tr("ahead, today included, 1 to %1").arg(WorkingHours::kMaxSearchDays)), 1);
    form->addRow(settingsui::buddyLabel(tr("&Look up to:"), m_searchDays), search);

    connect(m_start, &QTimeEdit::timeChanged, this, &WorkingHoursBox::edited);
    connect(m_end, &QTimeEdit::timeChanged, this, &WorkingHoursBox::edited);
    connect(m_zone, &QComboBox::currentTextChanged, this, &WorkingHoursBox::edited);
    connect(m_searchDays, &QSpinBox::valueChanged, this, &WorkingHoursBox::edited);
}

void WorkingHoursBox::load(const QSettings& settings)
{
    const WorkingHours hours = WorkingHours::fromSettings(settings, m_clock);
    m_start->setTime(hours.start);
    m_end->setTime(hours.end);
    for (int day = 1; day <= 7; ++day)
        m_days[day - 1]->setChecked(hours.days.contains(day));
    if (hours.followsSystemZone) {
        m_zone->setCurrentIndex(0);
    } else {
        const int index = m_zone->findData(QString::fromUtf8(hours.zone.id()));
        if (index >= 0)
            m_zone->setCurrentIndex(index);
        else
            m_zone->setEditText(QString::fromUtf8(hours.zone.id()));
    }
    m_searchDays->setValue(hours.searchDays);
}

bool WorkingHoursBox::followsSystemZone() const
{
    const QString text = m_zone->currentText().trimmed();
    return text.isEmpty() || text == m_zone->itemText(0);
}

std::optional<SettingsProblem> WorkingHoursBox::validate() const
{
    if (m_end->time() <= m_start->time())
        return SettingsProblem { m_end, tr("The working day must end after it starts.") };
    if (values().days.isEmpty())
        return SettingsProblem { m_days.first(), tr("Choose at least one working day.") };
    if (!followsSystemZone() && !QTimeZone::isTimeZoneIdAvailable(m_zone->currentText().trimmed().toUtf8()))
        return SettingsProblem { m_zone,
            tr("“%1” is not a time zone this computer knows. Pick one from the list, like Europe/Berlin.")
                .arg(m_zone->currentText().trimmed()) };
    if (m_searchDays->value() > WorkingHours::kMaxSearchDays)
        return SettingsProblem { m_searchDays,
            tr("Meeting slots can be looked for up to %1 days ahead.").arg(WorkingHours::kMaxSearchDays) };
    return std::nullopt;
}

WorkingHours WorkingHoursBox::values() const
{
    WorkingHours hours;
    hours.start = m_start->time();
    hours.end = m_end->time();
    hours.days.clear();
    for (int day = 1; day <= 7; ++day)
        if (m_days[day - 1]->isChecked())
            hours.days.append(day);
    hours.followsSystemZone = followsSystemZone();
    hours.zone
        = hours.followsSystemZone ? m_clock.localZone() : QTimeZone(m_zone->currentText().trimmed().toUtf8());
    hours.searchDays = m_searchDays->value();
    return hours;
}

void WorkingHoursBox::save(QSettings& settings) const
{
    values().save(settings);
}

} // namespace caseyos
