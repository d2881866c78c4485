#pragma once

#include "outcomes/Outcome.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace caseyos {

// The outcome picker's detailed form: type (grouped by category), confidence (0–100 %), a note, and the
// impact that will be recorded (default × confidence), updated as the user types.
class OutcomeDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OutcomeDialog(OutcomeType initial, QWidget* parent = nullptr);

    OutcomeType type() const;
    double confidence() const; // 0..1
    QString note() const;
    QString impactPreview() const;

    QComboBox* typeBox() const { return m_type; }
    QDoubleSpinBox* confidenceBox() const { return m_confidence; }
    QLineEdit* noteEdit() const { return m_note; }

Q_SIGNALS:
    void outcomeChosen(caseyos::OutcomeType type, double confidence, const QString& note);

private:
    void updatePreview();

    QComboBox* m_type = nullptr;
    QDoubleSpinBox* m_confidence = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_preview = nullptr;
};

} // namespace caseyos
