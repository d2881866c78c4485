#pragma once

#include "core/Clock.h"
#include "core/Move.h"
#include "scoring/ApsCalculator.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace caseyos {

// Create or edit a manual move: title, description, action type (any text; known types offered), domain,
// contact, company, due date-time (local) and the four APS components as optional percentages — a component
// left at "Default" takes the action type's default. Shows the resulting APS as the fields change.
class MoveEditorDialog : public QDialog
{
    Q_OBJECT
public:
    MoveEditorDialog(const Clock& clock, QWidget* parent = nullptr);

    // An empty move (id 0) means "new"; `given` marks the components the move has explicitly.
    void setMove(const Move& move, const ApsInput& given = {});
    Move move() const; // the edited copy (id kept)
    ApsInput components() const;

    // Fields, for tests.
    QLineEdit* titleField() const { return m_title; }
    QComboBox* actionTypeField() const { return m_actionType; }
    QComboBox* domainField() const { return m_domain; }
    QLineEdit* emailField() const { return m_email; }
    QLineEdit* companyField() const { return m_company; }
    QCheckBox* dueEnabledField() const { return m_hasDue; }
    QDateTimeEdit* dueField() const { return m_due; }
    QSpinBox* revenueField() const { return m_revenue; }
    QSpinBox* urgencyField() const { return m_urgency; }
    QSpinBox* effortField() const { return m_effort; }
    QSpinBox* strategicField() const { return m_strategic; }

    static QStringList knownActionTypes();

private:
    void refresh();

    const Clock& m_clock;
    Move m_move;
    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QComboBox* m_actionType = nullptr;
    QComboBox* m_domain = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_company = nullptr;
    QCheckBox* m_hasDue = nullptr;
    QDateTimeEdit* m_due = nullptr;
    QSpinBox* m_revenue = nullptr;
    QSpinBox* m_urgency = nullptr;
    QSpinBox* m_effort = nullptr;
    QSpinBox* m_strategic = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace caseyos
