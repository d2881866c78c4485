#pragma once

#include "SettingsPage.h"

#include <QByteArray>
#include <QStringList>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace caseyos {

// Settings ▸ MCP: the tools whose calls are approved at once (McpSettings, mcp/allowedTools: "Always allow"
// in the approvals dialog adds them, Remove here takes them off — only those, so an entry added meanwhile
// stays), and the client configuration `caseyos mcp --print-config` prints for this data folder, to copy.
// `caseyos mcp` reads the list when an MCP client starts it.
class McpPage : public SettingsPage
{
    Q_OBJECT
public:
    explicit McpPage(const QByteArray& clientConfig, QWidget* parent = nullptr);

    QString title() const override { return tr("MCP"); }
    void load(const QSettings& settings) override;
    std::optional<SettingsProblem> validate() const override { return std::nullopt; }
    void save(QSettings& settings) const override;

    QStringList allowedTools() const; // as listed now
    QListWidget* toolList() const { return m_tools; }
    QPushButton* removeButton() const { return m_remove; }
    QPushButton* copyButton() const { return m_copy; }
    QPlainTextEdit* configView() const { return m_config; }

private:
    void removeSelected();
    void updateButtons();

    QListWidget* m_tools = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_remove = nullptr;
    QPlainTextEdit* m_config = nullptr;
    QPushButton* m_copy = nullptr;
    QLabel* m_copied = nullptr;
    QStringList m_removed;
};

} // namespace caseyos
