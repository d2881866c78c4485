#include "SettingsDialog.h"

#include "AssistantPage.h"
#include "McpPage.h"
#include "MemoryPage.h"
#include "NotificationsPage.h"
#include "SendingPage.h"
#include "VoicePage.h"
#include "SettingsFields.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace caseyos {

SettingsDialog::SettingsDialog(const Clock& clock, Sources sources, QWidget* parent)
    : QDialog(parent)
    , m_settingsFile(sources.settingsFile)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    resize(800, 600);

    auto* layout = new QVBoxLayout(this);
    auto* body = new QHBoxLayout;
    body->setSpacing(16);
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("settingsPageList"));
    m_list->setFixedWidth(150);
    m_list->setSpacing(2);
    body->addWidget(m_list);
    m_stack = new QStackedWidget;
    body->addWidget(m_stack, 1);
    layout->addLayout(body, 1);

    auto* messageRow = new QHBoxLayout;
    m_messageIcon = new QLabel;
    m_messageIcon->setObjectName(QStringLiteral("settingsMessageIcon"));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_messageIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    m_messageIcon->hide();
    messageRow->addWidget(m_messageIcon, 0, Qt::AlignTop);
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("settingsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    messageRow->addWidget(m_message, 1);
    layout->addLayout(messageRow);

    m_buttons
        = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);

    m_assistant = new AssistantPage(std::move(sources.keySource), std::move(sources.showAccounts));
    m_sending = new SendingPage(sources.executions, clock);
    m_memory = new MemoryPage;
    m_mcp = new McpPage(sources.mcpClientConfig);
    m_notifications = new NotificationsPage;
    m_voice = new VoicePage;
    for (SettingsPage* page : { static_cast<SettingsPage*>(m_assistant), static_cast<SettingsPage*>(m_voice),
             static_cast<SettingsPage*>(m_sending), static_cast<SettingsPage*>(m_memory),
             static_cast<SettingsPage*>(m_mcp), static_cast<SettingsPage*>(m_notifications) })
        addPage(page);
    connect(m_sending, &SendingPage::limitsSaved, this, &SettingsDialog::limitsSaved);
    connect(m_list, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_list->setCurrentRow(0);

    const std::unique_ptr<QSettings> settings = openSettings();
    for (SettingsPage* page : std::as_const(m_pages))
        page->load(*settings);
}

SettingsDialog::~SettingsDialog() = default;

std::unique_ptr<QSettings> SettingsDialog::openSettings() const
{
    return m_settingsFile.isEmpty() ? std::make_unique<QSettings>()
                                    : std::make_unique<QSettings>(m_settingsFile, QSettings::IniFormat);
}

void SettingsDialog::addPage(SettingsPage* page)
{
    m_pages.append(page);
    m_stack->addWidget(page);
    auto* item = new QListWidgetItem(page->title(), m_list);
    item->setSizeHint(QSize(0, m_list->fontMetrics().height() + 14));
    // While a problem is shown it is checked again at each edit, so it goes away once the value is fixed.
    connect(page, &SettingsPage::edited, this, [this] {
        if (m_problemShown)
            checkPages();
    });
}

SettingsPage* SettingsDialog::currentPage() const
{
    return qobject_cast<SettingsPage*>(m_stack->currentWidget());
}

void SettingsDialog::showPage(SettingsPage* page)
{
    m_list->setCurrentRow(int(m_pages.indexOf(page)));
}

QString SettingsDialog::message() const
{
    return m_message->text();
}

void SettingsDialog::showMessage(const QString& text, bool problem)
{
    m_message->setText(text);
    m_messageIcon->setVisible(problem && !text.isEmpty());
}

bool SettingsDialog::checkPages()
{
    settingsui::markInvalid(m_invalidField, false);
    m_invalidField = nullptr;
    for (SettingsPage* page : std::as_const(m_pages)) {
        const std::optional<SettingsProblem> problem = page->validate();
        if (!problem)
            continue;
        settingsui::markInvalid(problem->field, true);
        m_invalidField = problem->field;
        // The first time it is shown the page comes forward with the field focused; while the user edits, the
        // sentence only follows (the focus stays where they type).
        if (!m_problemShown) {
            showPage(page);
            if (problem->field)
                problem->field->setFocus(Qt::OtherFocusReason);
        }
        m_problemShown = true;
        showMessage(problem->message, true);
        return false;
    }
    if (m_problemShown)
        showMessage(QString(), false);
    m_problemShown = false;
    return true;
}

bool SettingsDialog::apply()
{
    if (m_saving)
        return false;
    m_problemShown = false; // a new attempt shows its first problem afresh
    if (!checkPages())
        return false;
    const std::unique_ptr<QSettings> settings = openSettings();
    for (SettingsPage* page : std::as_const(m_pages))
        page->save(*settings);
    settings->sync();
    if (settings->status() != QSettings::NoError) {
        showMessage(tr("The settings could not be saved to %1.").arg(settings->fileName()), true);
        return false;
    }
    // The pages show what is stored now (and forget edits already written, such as removed tools).
    for (SettingsPage* page : std::as_const(m_pages))
        page->load(*settings);
    Q_EMIT applied();
    if (m_sending->saveLimits()) {
        setSaving(true);
        showMessage(tr("Saving the sending limits…"), false);
        return true;
    }
    showMessage(tr("Saved."), false);
    return true;
}

void SettingsDialog::setSaving(bool saving)
{
    m_saving = saving;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!saving);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(!saving);
}

void SettingsDialog::limitsSaved(const QString& error)
{
    setSaving(false);
    if (error.isEmpty()) {
        if (m_closeWhenSaved)
            QDialog::accept();
        else
            showMessage(tr("Saved."), false);
        return;
    }
    m_closeWhenSaved = false;
    showPage(m_sending);
    showMessage(tr("The sending limits could not be saved: %1").arg(error), true);
}

void SettingsDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        m_assistant->checkKey();
}

void SettingsDialog::accept()
{
    m_closeWhenSaved = true;
    if (!apply()) {
        m_closeWhenSaved = m_saving; // a write already under way closes the dialog when it is done
        return;
    }
    if (!m_saving)
        QDialog::accept();
}

void SettingsDialog::reject()
{
    // What Apply wrote stays written (a database write under way finishes on the executor's thread); the
    // edits since are dropped.
    QDialog::reject();
}

} // namespace caseyos
