#include "outcomes/OutcomeDialog.h"

#include "outcomes/OutcomePicker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

OutcomeDialog::OutcomeDialog(OutcomeType initial, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"outcomeDialog"_s);
    setWindowTitle(u"Record outcome"_s);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_type = new QComboBox;
    m_type->setObjectName(u"outcomeType"_s);
    auto* model = qobject_cast<QStandardItemModel*>(m_type->model());
    for (OutcomeCategory category : allOutcomeCategories()) {
        // A category heading: shown, not selectable, skipped by the arrow keys.
        m_type->addItem(outcomeCategoryLabel(category));
        QStandardItem* heading = model->item(m_type->count() - 1);
        heading->setFlags(Qt::NoItemFlags);
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        for (OutcomeType type : allOutcomeTypes())
            if (categoryOf(type) == category)
                m_type->addItem(
                    u"    "_s + outcomeTypeLabel(type) + u"  ("_s + impactText(defaultImpact(type)) + u')',
                    static_cast<int>(type));
    }
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(initial)));
    form->addRow(u"&Outcome:"_s, m_type);

    m_confidence = new QDoubleSpinBox;
    m_confidence->setObjectName(u"outcomeConfidence"_s);
    m_confidence->setRange(0.0, 100.0);
    m_confidence->setDecimals(0);
    m_confidence->setSingleStep(5.0);
    m_confidence->setSuffix(u" %"_s);
    m_confidence->setValue(100.0);
    m_confidence->setToolTip(u"How sure you are it happened: the recorded impact is scaled by this"_s);
    form->addRow(u"&Confidence:"_s, m_confidence);

    m_note = new QLineEdit;
    m_note->setObjectName(u"outcomeNote"_s);
    m_note->setPlaceholderText(u"Optional: what happened"_s);
    form->addRow(u"&Note:"_s, m_note);

    m_preview = new QLabel;
    m_preview->setObjectName(u"outcomeImpactPreview"_s);
    m_preview->setStyleSheet(u"color: #4b5563;"_s);
    layout->addWidget(m_preview);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(u"Record"_s);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT outcomeChosen(type(), confidence(), note());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_type, &QComboBox::currentIndexChanged, this, &OutcomeDialog::updatePreview);
    connect(m_confidence, &QDoubleSpinBox::valueChanged, this, &OutcomeDialog::updatePreview);
    updatePreview();
    m_type->setFocus();
}

OutcomeType OutcomeDialog::type() const
{
    return static_cast<OutcomeType>(m_type->currentData().toInt());
}

double OutcomeDialog::confidence() const
{
    return m_confidence->value() / 100.0;
}

QString OutcomeDialog::note() const
{
    return m_note->text().trimmed();
}

QString OutcomeDialog::impactPreview() const
{
    return m_preview->text();
}

void OutcomeDialog::updatePreview()
{
    const OutcomeType t = type();
    m_preview->setText(u"Recorded impact: %1  (%2 %3 × %4 %)"_s.arg(
        impactText(scaledImpact(t, confidence()), 1), outcomeTypeLabel(t), impactText(defaultImpact(t)),
        QString::number(m_confidence->value(), 'f', 0)));
}

} // namespace caseyos
