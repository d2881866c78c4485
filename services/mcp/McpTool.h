#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace caseyos {
class Clock;
class Database;
} // namespace caseyos

namespace caseyos::mcp {

// What a tool works with: the app's database (same file, same services as the CLI and the window), the
// clock, and the tools the user allowed permanently (QSettings mcp/allowedTools).
struct ToolContext
{
    Database& db;
    const Clock& clock;
    QStringList allowedTools;
    // Hands approved calls to the executor (ApprovedCalls), set by `caseyos mcp`: a tool the user allowed
    // permanently runs at once. Unset: the running app (or `caseyos approvals`) hands them over.
    std::function<void()> handOverApproved = {};
};

// A tool's answer: structured content (an object matching the tool's outputSchema) and its text form, or a
// tool error (isError: the model sees the message and can correct itself).
struct ToolResult
{
    QJsonObject structured;
    QString text; // empty: the compact JSON of `structured`
    bool isError = false;

    static ToolResult ok(QJsonObject structured, QString text = {})
    {
        return { std::move(structured), std::move(text), false };
    }
    static ToolResult error(QString message) { return { {}, std::move(message), true }; }
};

struct ToolAnnotations
{
    bool readOnly = false;
    bool destructive = false;
    bool idempotent = false;
    bool openWorld = false;
};

// One MCP tool: its declaration for tools/list and the function that runs it. `arguments` has already been
// checked against inputSchema.
struct ToolDef
{
    QString name;
    QString title;
    QString description;
    QJsonObject inputSchema;
    QJsonObject outputSchema;
    ToolAnnotations annotations;
    std::function<ToolResult(ToolContext& context, const QJsonObject& arguments)> run;
};

// Every tool, in a stable order (one file per group).
const QList<ToolDef>& allTools();
const ToolDef* findTool(const QString& name);

// Groups, defined in McpMoveTools.cpp, McpInfoTools.cpp, McpActionTools.cpp.
QList<ToolDef> moveTools();
QList<ToolDef> infoTools();
QList<ToolDef> actionTools();

// Schema helpers shared by the tool files.
// The largest integer a JSON number carries exactly (2^53 - 1): the upper bound of every id argument.
inline constexpr double kMaxId = 9007199254740991.0;
QJsonObject objectSchema(const QJsonObject& properties, const QStringList& required = {});
QJsonObject integerSchema(const QString& description, double minimum, double maximum);
QJsonObject stringSchema(const QString& description, int maxLength = 1000, int minLength = 0);
QJsonObject looseObjectSchema(const QString& description = {});
QJsonObject arrayOfObjectsSchema(const QString& description);

} // namespace caseyos::mcp
