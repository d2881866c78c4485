#pragma once

#include "mcp/JsonRpc.h"
#include "mcp/McpTool.h"

#include <QJsonArray>

namespace caseyos::mcp {

// Resources: caseyos://moves/today, caseyos://moves/{id} (a template), caseyos://outcomes/stats,
// caseyos://whats-up, caseyos://approvals. Each reads through the same code as the matching tool.
QJsonArray resourceList(bool modern);
QJsonArray resourceTemplateList(bool modern);
RpcReply readResource(ToolContext& context, const QJsonObject& params);

// MCP's "resource not found" error code.
inline constexpr int kResourceNotFound = -32002;

} // namespace caseyos::mcp
