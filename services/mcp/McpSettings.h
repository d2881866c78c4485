#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace caseyos {

// The tools the user allowed permanently (PRODUCT.md §8): their MCP calls are approved at once and handed to
// the executor. Stored in QSettings under mcp/allowedTools (a list of tool names); the approvals dialog's
// "Always allow" adds one, File ▸ Settings ▸ MCP removes them, and the user may edit the list in
// CaseyOS.conf. `caseyos mcp` reads the list when it starts.
QStringList allowedMcpTools(const QSettings& settings);
// Adds `tool` once; other entries stay as they are.
void allowMcpTool(QSettings& settings, const QString& tool);
// Removes `tool` (every occurrence); other entries, including ones added meanwhile, stay as they are.
void disallowMcpTool(QSettings& settings, const QString& tool);

} // namespace caseyos
