#include "mcp/McpSettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {
const QString kAllowedToolsKey = u"mcp/allowedTools"_s;
} // namespace

QStringList allowedMcpTools(const QSettings& settings)
{
    return settings.value(kAllowedToolsKey).toStringList();
}

void allowMcpTool(QSettings& settings, const QString& tool)
{
    QStringList tools = allowedMcpTools(settings);
    if (tool.isEmpty() || tools.contains(tool))
        return;
    tools.append(tool);
    settings.setValue(kAllowedToolsKey, tools);
}

void disallowMcpTool(QSettings& settings, const QString& tool)
{
    QStringList tools = allowedMcpTools(settings);
    if (tools.removeAll(tool) == 0)
        return;
    if (tools.isEmpty())
        settings.remove(kAllowedToolsKey);
    else
        settings.setValue(kAllowedToolsKey, tools);
}

} // namespace caseyos
