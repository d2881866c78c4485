#pragma once

#include "core/Clock.h"

#include <QDateTime>
#include <QMenu>

namespace caseyos {

// The snooze choices: 1 h, 4 h, tomorrow 09:00, next Monday 09:00 (local time, each showing the time it
// means), or a date-time picked in a small dialog. Emits the chosen instant (UTC).
class SnoozeMenu : public QMenu
{
    Q_OBJECT
public:
    explicit SnoozeMenu(const Clock& clock, QWidget* parent = nullptr);

    // Refreshes the labels against the clock and pops up at `position` (global), without blocking.
    void popupAt(const QPoint& position);
    // The dialog behind "Pick date and time…" (opened window-modal, not blocking).
    void openPicker();

Q_SIGNALS:
    void snoozeChosen(const QDateTime& untilUtc);

private:
    void refreshLabels();

    const Clock& m_clock;
    QList<QAction*> m_presetActions;
};

} // namespace caseyos
