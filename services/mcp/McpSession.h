#pragma once

#include "mcp/JsonRpc.h"
#include "mcp/McpTool.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QStringList>

namespace caseyos {
class Clock;
class Database;
} // namespace caseyos

namespace caseyos::mcp {

inline constexpr qsizetype kMaxMessageBytes = 4 * 1024 * 1024;

// The protocol revisions this server speaks, newest first.
const QStringList& supportedProtocolVersions();

// One MCP session (lifecycle, dispatch, tools, resources, prompts) over an open database. Transport-free and
// synchronous: it turns one incoming message into at most one outgoing message, so the stdio server, the
// tests and the benchmark drive the same code. Call it on the thread that owns the Database.
class McpSession
{
public:
    McpSession(Database& db, const Clock& clock, QStringList allowedTools);

    // Each returns the response (one compact JSON line without the newline), or an empty array when the
    // message needs none (a notification, a response from the client).
    QByteArray handleLine(const QByteArray& line);
    QByteArray handleDocument(const QJsonDocument& document);
    QByteArray handleUnparsable(const ParsedMessage& parsed); // errorCode != 0
    QByteArray handleOversized(qsizetype bytes);

    // See ToolContext::handOverApproved.
    void setApprovedCallRunner(std::function<void()> runner) { m_context.handOverApproved = std::move(runner); }
    bool isInitialized() const { return m_initialized; }
    const QString& protocolVersion() const { return m_version; }

private:
    QJsonObject handleObject(const QJsonObject& message, bool* reply);
    RpcReply dispatch(const QString& method, const QJsonObject& params);
    RpcReply initialize(const QJsonObject& params);
    RpcReply listTools() const;
    RpcReply callTool(const QJsonObject& params);
    void recordCall(const QString& tool, const QJsonObject& arguments, bool isError, const QString& error,
        qint64 approvalId, qint64 durationUs);
    bool modern() const; // 2025-06-18: titles, outputSchema and structuredContent

    ToolContext m_context;
    bool m_initialized = false; // initialize answered
    bool m_clientReady = false; // notifications/initialized received
    QString m_version;
    QString m_clientName; // clientInfo.name from initialize: the audit log's actor "mcp:<name>"
};

QByteArray toLine(const QJsonObject& message);

} // namespace caseyos::mcp
