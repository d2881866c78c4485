#include "McpPage.h"

#include "SettingsFields.h"
#include "mcp/McpSettings.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace caseyos {

McpPage::McpPage(const QByteArray& clientConfig, QWidget* parent)
    : SettingsPage(parent)
{
    setObjectName(QStringLiteral("mcpPage"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* allowed = new QGroupBox(tr("Tools allowed permanently"));
    auto* allowedLayout = new QVBoxLayout(allowed);
    allowedLayout->addWidget(settingsui::hintLabel(
        tr("An assistant's calls to these tools run at once, without asking you (a send still waits in the "
           "outbox for the undo window). “Always allow” in the approvals dialog adds a tool here.")));
    auto* row = new QHBoxLayout;
    m_tools = new QListWidget;
    m_tools->setObjectName(QStringLiteral("allowedToolsList"));
    m_tools->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tools->setMaximumHeight(110);
    row->addWidget(m_tools, 1);
    auto* buttons = new QVBoxLayout;
    m_remove = new QPushButton(tr("&Remove"));
    m_remove->setObjectName(QStringLiteral("removeToolButton"));
    m_remove->setAutoDefault(false);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    row->addLayout(buttons);
    allowedLayout->addLayout(row);
    m_empty = settingsui::hintLabel(tr("None: every call that would send or change something waits for your "
                                       "approval."));
    m_empty->setObjectName(QStringLiteral("noAllowedToolsLabel"));
    allowedLayout->addWidget(m_empty);
    layout->addWidget(allowed);

    auto* client = new QGroupBox(tr("Client configuration"));
    auto* clientLayout = new QVBoxLayout(client);
    clientLayout->addWidget(settingsui::hintLabel(
        tr("Paste this into your MCP client's configuration (Claude Desktop: claude_desktop_config.json) to "
           "let it start CaseyOS on this data folder. The same as caseyos mcp --print-config.")));
    m_config = new QPlainTextEdit(QString::fromUtf8(clientConfig).trimmed());
    m_config->setObjectName(QStringLiteral("clientConfigView"));
    m_config->setReadOnly(true);
    m_config->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_config->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Tall enough for the whole snippet, no taller.
    const int lines = int(m_config->toPlainText().count(u'\n')) + 1;
    m_config->setFixedHeight(m_config->fontMetrics().lineSpacing() * lines
        + 2 * (m_config->frameWidth() + int(m_config->document()->documentMargin())) + 6);
    clientLayout->addWidget(m_config);
    auto* copyRow = new QHBoxLayout;
    m_copy = new QPushButton(tr("Co&py Client Configuration"));
    m_copy->setObjectName(QStringLiteral("copyConfigButton"));
    m_copy->setAutoDefault(false);
    m_copy->setEnabled(!clientConfig.isEmpty());
    copyRow->addWidget(m_copy);
    m_copied = settingsui::hintLabel(QString());
    m_copied->setObjectName(QStringLiteral("copiedLabel"));
    copyRow->addWidget(m_copied, 1);
    clientLayout->addLayout(copyRow);
    layout->addWidget(client);
    layout->addStretch(1);

    connect(m_tools, &QListWidget::itemSelectionChanged, this, &McpPage::updateButtons);
    connect(m_remove, &QPushButton::clicked, this, &McpPage::removeSelected);
    connect(m_copy, &QPushButton::clicked, this, [this, clientConfig] {
        QGuiApplication::clipboard()->setText(QString::fromUtf8(clientConfig));
        m_copied->setText(tr("Copied to the clipboard."));
    });
    updateButtons();
}

void McpPage::load(const QSettings& settings)
{
    m_removed.clear();
    m_tools->clear();
    m_tools->addItems(allowedMcpTools(settings));
    updateButtons();
}

QStringList McpPage::allowedTools() const
{
    QStringList tools;
    for (int row = 0; row < m_tools->count(); ++row)
        tools << m_tools->item(row)->text();
    return tools;
}

void McpPage::removeSelected()
{
    const QList<QListWidgetItem*> selected = m_tools->selectedItems();
    for (QListWidgetItem* item : selected) {
        m_removed << item->text();
        delete item;
    }
    updateButtons();
    if (!selected.isEmpty())
        Q_EMIT edited();
}

void McpPage::updateButtons()
{
    m_remove->setEnabled(!m_tools->selectedItems().isEmpty());
    m_empty->setVisible(m_tools->count() == 0);
    m_tools->setVisible(m_tools->count() > 0);
    m_remove->setVisible(m_tools->count() > 0);
}

void McpPage::save(QSettings& settings) const
{
    for (const QString& tool : m_removed)
        disallowMcpTool(settings, tool);
}

} // namespace caseyos
