#include "SendingPage.h"

#include "SettingsFields.h"
#include "WorkingHoursBox.h"
#include "execution/ExecutionClient.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace caseyos {

namespace {

// Typed ranges (see settingsui::rangeSpinBox); accepted: ExecutionLimits (undo ≤ 10 min, caps ≥ 0).
constexpr int kTypedMaxUndoSeconds = 3600;
constexpr int kTypedMaxEmails = 100000;
constexpr int kMaxUndoSeconds = ExecutionLimits::kMaxUndoWindowMs / 1000;

int shownSeconds(int ms)
{
    return (ms + 500) / 1000;
}

QHBoxLayout* withHint(QWidget* field, const QString& hint)
{
    auto* row = new QHBoxLayout;
    row->addWidget(field);
    row->addWidget(settingsui::hintLabel(hint), 1);
    return row;
}

} // namespace

SendingPage::SendingPage(ExecutionClient* executions, const Clock& clock, QWidget* parent)
    : SettingsPage(parent)
    , m_executions(executions)
{
    setObjectName(QStringLiteral("sendingPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_limitsBox = new QGroupBox(tr("Sending email and posts"));
    auto* form = new QFormLayout(m_limitsBox);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_undoWindow = settingsui::rangeSpinBox(0, kTypedMaxUndoSeconds, tr(" s"));
    m_undoWindow->setObjectName(QStringLiteral("undoWindowBox"));
    form->addRow(settingsui::buddyLabel(tr("&Undo window:"), m_undoWindow),
        withHint(m_undoWindow,
            tr("a send waits this long in the outbox; at most %1 min").arg(kMaxUndoSeconds / 60)));
    m_emailsPerDay = settingsui::rangeSpinBox(0, kTypedMaxEmails, QString());
    m_emailsPerDay->setObjectName(QStringLiteral("emailsPerDayBox"));
    form->addRow(settingsui::buddyLabel(tr("Emails per &day:"), m_emailsPerDay),
        withHint(m_emailsPerDay, tr("at most, in any 24 hours; 0 sends none")));
    m_emailsPerContact = settingsui::rangeSpinBox(0, kTypedMaxEmails, QString());
    m_emailsPerContact->setObjectName(QStringLiteral("emailsPerContactBox"));
    form->addRow(settingsui::buddyLabel(tr("Emails per co&ntact:"), m_emailsPerContact),
        withHint(m_emailsPerContact, tr("to one address, in any 7 days")));
    m_unsubscribe = new QComboBox;
    m_unsubscribe->setObjectName(QStringLiteral("unsubscribeBox"));
    m_unsubscribe->addItem(tr("In new threads (default)"), int(UnsubscribePolicy::NewThreads));
    m_unsubscribe->addItem(tr("In every email"), int(UnsubscribePolicy::Always));
    m_unsubscribe->addItem(tr("Never"), int(UnsubscribePolicy::Never));
    form->addRow(settingsui::buddyLabel(tr("Unsubscribe &wording:"), m_unsubscribe),
        withHint(m_unsubscribe, tr("required; an email without it is not sent")));
    m_status = settingsui::hintLabel(QString());
    m_status->setObjectName(QStringLiteral("limitsStatus"));
    form->addRow(m_status);
    layout->addWidget(m_limitsBox);

    m_hours = new WorkingHoursBox(clock);
    layout->addWidget(m_hours);
    layout->addStretch(1);

    for (QSpinBox* box : { m_undoWindow, m_emailsPerDay, m_emailsPerContact })
        connect(box, &QSpinBox::valueChanged, this, &SettingsPage::edited);
    connect(m_unsubscribe, &QComboBox::currentIndexChanged, this, &SettingsPage::edited);
    connect(m_hours, &WorkingHoursBox::edited, this, &SettingsPage::edited);

    setLimitsEnabled(false);
    if (!executions) {
        m_status->setText(tr("Open a workspace to change these: they are kept in its database."));
        return;
    }
    connect(executions, &ExecutionClient::limitsLoaded, this,
        [this](quint64 id, const ExecutionLimits& limits, const QString& error) {
            if (id != m_loadRequest)
                return;
            if (!error.isEmpty()) {
                m_status->setText(tr("The sending limits cannot be read: %1").arg(error));
                return;
            }
            showLimits(limits);
        });
    connect(executions, &ExecutionClient::limitsSaved, this, [this](quint64 id, const QString& error) {
        if (id != m_saveRequest)
            return;
        m_saveRequest = 0;
        if (error.isEmpty())
            showLimits(m_saving); // what is stored now: Apply twice writes once
        Q_EMIT limitsSaved(error);
    });
    if (executions->isReady()) {
        requestLimits();
    } else {
        m_status->setText(tr("Waiting for the workspace to open…"));
        connect(executions, &ExecutionClient::ready, this, &SendingPage::requestLimits);
    }
}

void SendingPage::requestLimits()
{
    if (!m_executions || m_loadRequest != 0)
        return;
    m_status->setText(tr("Reading the sending limits…"));
    m_loadRequest = m_executions->loadLimits();
}

void SendingPage::showLimits(const ExecutionLimits& limits)
{
    m_loaded = limits;
    {
        const QSignalBlocker undo(m_undoWindow), day(m_emailsPerDay), contact(m_emailsPerContact),
            unsubscribe(m_unsubscribe);
        m_undoWindow->setValue(shownSeconds(limits.undoWindowMs));
        m_emailsPerDay->setValue(limits.emailsPerDay);
        m_emailsPerContact->setValue(limits.emailsPerContactPerWeek);
        m_unsubscribe->setCurrentIndex(m_unsubscribe->findData(int(limits.unsubscribe)));
    }
    m_status->setText(tr("Kept in this workspace's database, so caseyos and the MCP server keep them too. "
                         "A change applies to the next send."));
    setLimitsEnabled(true);
    Q_EMIT limitsReady();
}

void SendingPage::setLimitsEnabled(bool enabled)
{
    for (QWidget* field : { static_cast<QWidget*>(m_undoWindow), static_cast<QWidget*>(m_emailsPerDay),
             static_cast<QWidget*>(m_emailsPerContact), static_cast<QWidget*>(m_unsubscribe) })
        field->setEnabled(enabled);
}

void SendingPage::load(const QSettings& settings)
{
    m_hours->load(settings);
}

ExecutionLimits SendingPage::limits() const
{
    ExecutionLimits limits = m_loaded.value_or(ExecutionLimits());
    if (!m_loaded)
        return limits;
    // Seconds are shown; a stored window of 2.5 s stays 2.5 s unless the number is changed.
    if (m_undoWindow->value() != shownSeconds(m_loaded->undoWindowMs))
        limits.undoWindowMs = m_undoWindow->value() * 1000;
    // Likewise a cap beyond what the box can show stays as stored unless the number is changed.
    if (m_emailsPerDay->value() != qMin(m_loaded->emailsPerDay, kTypedMaxEmails))
        limits.emailsPerDay = m_emailsPerDay->value();
    if (m_emailsPerContact->value() != qMin(m_loaded->emailsPerContactPerWeek, kTypedMaxEmails))
        limits.emailsPerContactPerWeek = m_emailsPerContact->value();
    limits.unsubscribe = UnsubscribePolicy(m_unsubscribe->currentData().toInt());
    return limits;
}

bool SendingPage::limitsChanged() const
{
    if (!m_loaded)
        return false;
    const ExecutionLimits now = limits();
    return now.undoWindowMs != m_loaded->undoWindowMs || now.emailsPerDay != m_loaded->emailsPerDay
        || now.emailsPerContactPerWeek != m_loaded->emailsPerContactPerWeek
        || now.unsubscribe != m_loaded->unsubscribe;
}

std::optional<SettingsProblem> SendingPage::validate() const
{
    if (m_loaded && m_undoWindow->value() > kMaxUndoSeconds)
        return SettingsProblem { m_undoWindow,
            tr("The undo window can be at most %1 minutes (%2 s): a send should not wait longer than that.")
                .arg(kMaxUndoSeconds / 60)
                .arg(kMaxUndoSeconds) };
    return m_hours->validate();
}

void SendingPage::save(QSettings& settings) const
{
    m_hours->save(settings);
}

bool SendingPage::saveLimits()
{
    if (!m_executions || !limitsChanged())
        return false;
    m_saving = limits();
    m_saveRequest = m_executions->saveLimits(m_saving);
    return true;
}

} // namespace caseyos
