#include "MemoryPage.h"

#include "SettingsFields.h"
#include "memory/SessionSummaries.h"

#include <QCheckBox>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace caseyos {

MemoryPage::MemoryPage(QWidget* parent)
    : SettingsPage(parent)
{
    setObjectName(QStringLiteral("memoryPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const SummaryPolicy policy;
    layout->addWidget(settingsui::hintLabel(
        tr("Jarvis keeps every question and answer in memory, on this computer. Sessions older than %1 days "
           "with at least %2 messages get a short summary and their key facts (addresses, amounts, dates, "
           "move numbers).")
            .arg(policy.olderThanDays)
            .arg(policy.minMessages)));
    m_deleteSummarized = new QCheckBox(tr("&Delete the messages a summary covers"));
    m_deleteSummarized->setObjectName(QStringLiteral("deleteSummarizedBox"));
    layout->addSpacing(6);
    layout->addWidget(m_deleteSummarized);
    layout->addWidget(settingsui::hintLabel(
        tr("Off by default: the messages stay, searchable word for word. On: once a session's summary is "
           "stored, its messages are deleted for good and only the summary and key facts remain. A summary "
           "that failed never deletes anything.")));
    layout->addStretch(1);
    connect(m_deleteSummarized, &QCheckBox::toggled, this, &SettingsPage::edited);
}

void MemoryPage::load(const QSettings& settings)
{
    m_deleteSummarized->setChecked(SummaryPolicy::fromSettings(settings).deleteSummarizedMessages);
}

void MemoryPage::save(QSettings& settings) const
{
    SummaryPolicy policy = SummaryPolicy::fromSettings(settings);
    policy.deleteSummarizedMessages = m_deleteSummarized->isChecked();
    policy.save(settings);
}

} // namespace caseyos
