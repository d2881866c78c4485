#pragma once

#include "outcomes/Outcome.h"

#include <QWidget>

class QMenu;
class QToolButton;

namespace caseyos {

// "Record outcome…" for the move shown in the detail pane: a button whose menu lists the 20 outcome types
// grouped by category, each with its impact; picking one records it at full confidence, and "With confidence
// and note…" opens OutcomeDialog first. Keyboard: Tab reaches the button, Space opens the menu with the first
// type active, the arrows and Enter pick, Esc closes. Records nothing itself: it emits outcomeRequested,
// which the window connects to OutcomesClient::recordForMove.
class OutcomePicker : public QWidget
{
    Q_OBJECT
public:
    explicit OutcomePicker(QWidget* parent = nullptr);

    // The move outcomes are recorded for; 0 disables the picker.
    void setMoveId(qint64 moveId);
    qint64 moveId() const { return m_moveId; }

    QToolButton* button() const { return m_button; }
    QMenu* menu() const { return m_menu; }
    // Opens the menu below the button (what a click, Space or Enter on it does), without blocking.
    void popupMenu();
    // Opens the confidence-and-note dialog for `type` (window-modal, not blocking).
    void openDialog(OutcomeType type);

Q_SIGNALS:
    void outcomeRequested(qint64 moveId, caseyos::OutcomeType type, double confidence, const QString& note);

private:
    void buildMenu();

    qint64 m_moveId = 0;
    QToolButton* m_button = nullptr;
    QMenu* m_menu = nullptr;
};

// "+8", "−4", "0": an impact as the picker and the charts show it.
QString impactText(double impact, int decimals = 0);

} // namespace caseyos
