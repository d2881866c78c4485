#pragma once

#include "mcp/JsonRpc.h"
#include "mcp/McpTool.h"

#include <QJsonArray>

namespace caseyos::mcp {

// Prompts: plan_my_day (today's moves and what's up, embedded) and follow_up_with_contact (contact_email,
// optional goal).
QJsonArray promptList(bool modern);
RpcReply getPrompt(ToolContext& context, const QJsonObject& params);

} // namespace caseyos::mcp
