#include "SnoozeMenu.h"

#include "MoveFormat.h"
#include "moves/SnoozePresets.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

struct PresetInfo
{
    SnoozePreset preset;
    const char16_t* label;
};

constexpr PresetInfo presets[] = {
    { SnoozePreset::OneHour, u"&1 hour" },
    { SnoozePreset::FourHours, u"&4 hours" },
    { SnoozePreset::TomorrowMorning, u"&Tomorrow morning" },
    { SnoozePreset::NextMondayMorning, u"Next &Monday morning" },
};

} // namespace

SnoozeMenu::SnoozeMenu(const Clock& clock, QWidget* parent)
    : QMenu(u"Snooze"_s, parent)
    , m_clock(clock)
{
    setObjectName(u"snoozeMenu"_s);
    for (const PresetInfo& info : presets) {
        QAction* action = addAction(QString::fromUtf16(info.label));
        action->setData(static_cast<int>(info.preset));
        connect(action, &QAction::triggered, this,
            [this, preset = info.preset] { Q_EMIT snoozeChosen(snoozeUntil(preset, m_clock)); });
        m_presetActions.append(action);
    }
    addSeparator();
    QAction* pick = addAction(u"&Pick date and time…"_s);
    pick->setObjectName(u"snoozePick"_s);
    connect(pick, &QAction::triggered, this, &SnoozeMenu::openPicker);
    connect(this, &QMenu::aboutToShow, this, &SnoozeMenu::refreshLabels);
}

void SnoozeMenu::refreshLabels()
{
    // Each preset shows the local time it resolves to, so "Tomorrow" on a late evening is not a surprise.
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    for (int i = 0; i < m_presetActions.size(); ++i) {
        const QDateTime until = snoozeUntil(presets[i].preset, m_clock);
        QString label = QString::fromUtf16(presets[i].label);
        if (until.isValid())
            label += u"\t"_s + formatShortTime(until.toMSecsSinceEpoch(), now, m_clock.localZone());
        m_presetActions[i]->setText(label);
    }
}

void SnoozeMenu::popupAt(const QPoint& position)
{
    popup(position);
}

void SnoozeMenu::openPicker()
{
    auto* dialog = new QDialog(parentWidget());
    dialog->setObjectName(u"snoozePicker"_s);
    dialog->setWindowTitle(u"Snooze until"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(u"Bring the move back at (local time):"_s));
    auto* edit = new QDateTimeEdit;
    edit->setObjectName(u"snoozeDateTime"_s);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(u"ddd d MMM yyyy HH:mm"_s);
    const QTimeZone zone = m_clock.localZone();
    const QDateTime localNow = m_clock.now().toTimeZone(zone);
    const QDateTime suggestion = snoozeUntil(SnoozePreset::TomorrowMorning, m_clock);
    // The editor works on wall-clock values; they are read back in the clock's zone.
    edit->setDateTime(
        QDateTime((suggestion.isValid() ? suggestion.toTimeZone(zone) : localNow.addDays(1)).date(),
            (suggestion.isValid() ? suggestion.toTimeZone(zone) : localNow.addDays(1)).time()));
    edit->setMinimumDateTime(QDateTime(localNow.date(), localNow.time()));
    layout->addWidget(edit);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(u"Snooze"_s);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, edit, zone] {
        QDateTime chosen(edit->date(), edit->time());
        chosen.setTimeZone(zone);
        Q_EMIT snoozeChosen(chosen.toUTC());
    });
    dialog->open();
}

} // namespace caseyos
