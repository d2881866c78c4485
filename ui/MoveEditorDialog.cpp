#include "MoveEditorDialog.h"

#include "MoveFormat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

constexpr int DefaultValue = -1; // the spin boxes' minimum, shown as "Default (…)"

QSpinBox* makeComponentBox(const QString& name)
{
    auto* box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(DefaultValue, 100);
    box->setSuffix(u" %"_s);
    box->setValue(DefaultValue);
    box->setAccelerated(true);
    return box;
}

std::optional<double> componentValue(const QSpinBox* box)
{
    if (box->value() == DefaultValue)
        return std::nullopt;
    return box->value() / 100.0;
}

void setComponent(QSpinBox* box, std::optional<double> value)
{
    box->setValue(value ? qRound(*value * 100.0) : DefaultValue);
}

} // namespace

QStringList MoveEditorDialog::knownActionTypes()
{
    return { u"email_follow_up"_s, u"send_email"_s, u"thread_bump"_s, u"schedule_meeting"_s,
        u"book_meeting"_s, u"meeting_follow_up"_s, u"meeting_prep"_s, u"update_crm"_s, u"data_cleanup"_s,
        u"create_task"_s, u"log_call"_s, u"manual_task"_s };
}

MoveEditorDialog::MoveEditorDialog(const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_clock(clock)
{
    setObjectName(u"moveEditor"_s);
    setMinimumWidth(520);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);

    m_title = new QLineEdit;
    m_title->setObjectName(u"titleField"_s);
    m_title->setPlaceholderText(u"e.g. Call Dana Lee (Acme) about the renewal"_s);
    form->addRow(u"&Title"_s, m_title);

    m_actionType = new QComboBox;
    m_actionType->setObjectName(u"actionTypeField"_s);
    m_actionType->setEditable(true);
    m_actionType->setInsertPolicy(QComboBox::NoInsert);
    m_actionType->addItems(knownActionTypes());
    form->addRow(u"&Action type"_s, m_actionType);

    m_domain = new QComboBox;
    m_domain->setObjectName(u"domainField"_s);
    for (const QString& domain : moveDomains())
        m_domain->addItem(domainLabel(domain), domain);
    form->addRow(u"D&omain"_s, m_domain);

    m_email = new QLineEdit;
    m_email->setObjectName(u"emailField"_s);
    m_email->setPlaceholderText(u"name@company.com"_s);
    form->addRow(u"Contact &email"_s, m_email);

    m_company = new QLineEdit;
    m_company->setObjectName(u"companyField"_s);
    form->addRow(u"&Company"_s, m_company);

    auto* dueRow = new QHBoxLayout;
    m_hasDue = new QCheckBox(u"Due"_s);
    m_hasDue->setObjectName(u"dueEnabledField"_s);
    m_due = new QDateTimeEdit;
    m_due->setObjectName(u"dueField"_s);
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(u"ddd d MMM yyyy HH:mm"_s);
    dueRow->addWidget(m_hasDue);
    dueRow->addWidget(m_due, 1);
    auto* dueLabel = new QLabel(u"Due &by"_s);
    dueLabel->setBuddy(m_hasDue);
    form->addRow(dueLabel, dueRow);

    m_description = new QPlainTextEdit;
    m_description->setObjectName(u"descriptionField"_s);
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().height() * 4 + 12);
    form->addRow(u"&Description"_s, m_description);

    auto* scoreBox = new QGroupBox(u"Priority (leave at Default to use the action type's default)"_s);
    auto* grid = new QGridLayout(scoreBox);
    m_revenue = makeComponentBox(u"revenueField"_s);
    m_urgency = makeComponentBox(u"urgencyField"_s);
    m_effort = makeComponentBox(u"effortField"_s);
    m_strategic = makeComponentBox(u"strategicField"_s);
    grid->addWidget(new QLabel(u"Revenue"_s), 0, 0);
    grid->addWidget(m_revenue, 0, 1);
    grid->addWidget(new QLabel(u"Urgency"_s), 0, 2);
    grid->addWidget(m_urgency, 0, 3);
    grid->addWidget(new QLabel(u"Effort (100 = hardest)"_s), 1, 0);
    grid->addWidget(m_effort, 1, 1);
    grid->addWidget(new QLabel(u"Strategic"_s), 1, 2);
    grid->addWidget(m_strategic, 1, 3);
    m_preview = new QLabel;
    m_preview->setObjectName(u"apsPreview"_s);
    m_preview->setWordWrap(true);
    grid->addWidget(m_preview, 2, 0, 1, 4);
    layout->addWidget(scoreBox);

    m_problem = new QLabel;
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_title, &QLineEdit::textChanged, this, &MoveEditorDialog::refresh);
    connect(m_email, &QLineEdit::textChanged, this, &MoveEditorDialog::refresh);
    connect(m_actionType, &QComboBox::currentTextChanged, this, &MoveEditorDialog::refresh);
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    for (QSpinBox* box : { m_revenue, m_urgency, m_effort, m_strategic })
        connect(box, &QSpinBox::valueChanged, this, &MoveEditorDialog::refresh);

    setMove(Move());
}

void MoveEditorDialog::setMove(const Move& move, const ApsInput& given)
{
    m_move = move;
    const bool isNew = move.id == 0;
    setWindowTitle(isNew ? u"New Move"_s : u"Edit Move"_s);
    m_title->setText(move.title);
    m_description->setPlainText(move.description);
    m_actionType->setCurrentText(move.actionType.isEmpty() ? u"manual_task"_s : move.actionType);
    const int domain = m_domain->findData(move.domain);
    m_domain->setCurrentIndex(domain < 0 ? 0 : domain);
    m_email->setText(move.contactEmail);
    m_company->setText(move.company);
    const QTimeZone zone = m_clock.localZone();
    // New moves default to being due in a day, at the next full hour.
    QDateTime due
        = move.dueBy.isValid() ? move.dueBy.toTimeZone(zone) : m_clock.now().toTimeZone(zone).addDays(1);
    if (!move.dueBy.isValid())
        due.setTime(QTime(due.time().hour(), 0));
    m_due->setDateTime(QDateTime(due.date(), due.time()));
    m_hasDue->setChecked(move.dueBy.isValid() || isNew);
    m_due->setEnabled(m_hasDue->isChecked());
    setComponent(m_revenue, given.revenue);
    setComponent(m_urgency, given.urgency);
    setComponent(m_effort, given.effort);
    setComponent(m_strategic, given.strategic);
    refresh();
}

Move MoveEditorDialog::move() const
{
    Move move = m_move;
    move.title = m_title->text().trimmed();
    move.description = m_description->toPlainText().trimmed();
    move.actionType = m_actionType->currentText().trimmed().toLower().replace(u' ', u'_');
    move.domain = m_domain->currentData().toString();
    move.contactEmail = m_email->text().trimmed();
    move.company = m_company->text().trimmed();
    if (m_hasDue->isChecked()) {
        QDateTime due(m_due->date(), m_due->time());
        due.setTimeZone(m_clock.localZone());
        move.dueBy = due.toUTC();
    } else {
        move.dueBy = QDateTime();
    }
    return move;
}

ApsInput MoveEditorDialog::components() const
{
    return { componentValue(m_revenue), componentValue(m_urgency), componentValue(m_effort),
        componentValue(m_strategic) };
}

void MoveEditorDialog::refresh()
{
    const QString actionType = m_actionType->currentText().trimmed().toLower().replace(u' ', u'_');
    const ApsComponents defaults = defaultComponents(actionType);
    auto label = [](double value) { return u"Default (%1 %)"_s.arg(qRound(value * 100.0)); };
    m_revenue->setSpecialValueText(label(defaults.revenue));
    m_urgency->setSpecialValueText(label(defaults.urgency));
    m_effort->setSpecialValueText(label(defaults.effort));
    m_strategic->setSpecialValueText(label(defaults.strategic));

    const ApsResult result
        = computeAps(resolveComponents(actionType, components()), m_move.outcomeAdjustment);
    m_preview->setText(
        u"APS <b>%1</b> — %2"_s.arg(QString::number(result.score, 'f', 2), result.reasoning.toHtmlEscaped()));

    // An empty title only disables Save: a fresh dialog should not open with an error.
    QString problem;
    const QString email = m_email->text().trimmed();
    const bool hasTitle = !m_title->text().trimmed().isEmpty();
    if (actionType.isEmpty())
        problem = u"An action type is required."_s;
    else if (!email.isEmpty() && (!email.contains(u'@') || email.contains(u' ')))
        problem = u"The contact email does not look like an address."_s;
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty() && hasTitle);
}

} // namespace caseyos
