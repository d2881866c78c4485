#pragma once

#include "execution/MeetingSlots.h"

#include <QGroupBox>
#include <QList>
#include <optional>

class QCheckBox;
class QComboBox;
class QSettings;
class QSpinBox;
class QTimeEdit;

namespace caseyos {

class Clock;
struct SettingsProblem;

// The Sending page's working hours for book_meeting's slot finder (WorkingHours, execution/meetings/*): the
// hours, the working days, the time zone (the system's by default) and how many days ahead to look. The
// calendar performer reads them at each booking.
class WorkingHoursBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit WorkingHoursBox(const Clock& clock, QWidget* parent = nullptr);

    void load(const QSettings& settings);
    std::optional<SettingsProblem> validate() const;
    WorkingHours values() const; // what save() writes (valid once validate() passed)
    void save(QSettings& settings) const;

    QTimeEdit* startEdit() const { return m_start; }
    QTimeEdit* endEdit() const { return m_end; }
    QCheckBox* dayBox(int isoDay) const { return m_days.value(isoDay - 1); } // 1 = Monday … 7 = Sunday
    QComboBox* zoneBox() const { return m_zone; }
    QSpinBox* searchDaysBox() const { return m_searchDays; }

Q_SIGNALS:
    void edited();

private:
    bool followsSystemZone() const;

    const Clock& m_clock;
    QTimeEdit* m_start = nullptr;
    QTimeEdit* m_end = nullptr;
    QList<QCheckBox*> m_days;
    QComboBox* m_zone = nullptr;
    QSpinBox* m_searchDays = nullptr;
};

} // namespace caseyos
