#include "mcp/McpSession.h"

#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "core/Timestamps.h"
#include "mcp/ApprovalService.h"
#include "mcp/McpPrompts.h"
#include "mcp/McpResources.h"
#include "mcp/SchemaCheck.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMcp, "caseyos.mcp")

namespace caseyos::mcp {

namespace {

constexpr int kMaxLoggedArgumentBytes = 8192;

QJsonObject annotationsJson(const ToolDef& tool)
{
    return { { u"title"_s, tool.title }, { u"readOnlyHint"_s, tool.annotations.readOnly },
        { u"destructiveHint"_s, tool.annotations.destructive },
        { u"idempotentHint"_s, tool.annotations.idempotent },
        { u"openWorldHint"_s, tool.annotations.openWorld } };
}

} // namespace

const QStringList& supportedProtocolVersions()
{
    static const QStringList versions { u"2025-06-18"_s, u"2025-03-26"_s };
    return versions;
}

QByteArray toLine(const QJsonObject& message)
{
    return QJsonDocument(message).toJson(QJsonDocument::Compact);
}

McpSession::McpSession(Database& db, const Clock& clock, QStringList allowedTools)
    : m_context { db, clock, std::move(allowedTools) }
{
}

bool McpSession::modern() const
{
    return m_version != u"2025-03-26"_s;
}

QByteArray McpSession::handleLine(const QByteArray& line)
{
    if (line.size() > kMaxMessageBytes)
        return handleOversized(line.size());
    const ParsedMessage parsed = parseMessage(line);
    if (parsed.errorCode != 0)
        return handleUnparsable(parsed);
    return handleDocument(parsed.document);
}

QByteArray McpSession::handleUnparsable(const ParsedMessage& parsed)
{
    return toLine(rpcError({}, parsed.errorCode, parsed.error));
}

QByteArray McpSession::handleOversized(qsizetype bytes)
{
    return toLine(rpcError({}, InvalidRequest,
        u"Message too large: %1 bytes (at most %2 bytes per line)"_s.arg(bytes).arg(kMaxMessageBytes)));
}

QByteArray McpSession::handleDocument(const QJsonDocument& document)
{
    if (document.isArray())
        return toLine(rpcError({}, InvalidRequest,
            document.array().isEmpty()
                ? u"Invalid Request: empty batch"_s
                : u"Invalid Request: JSON-RPC batches are not supported (MCP 2025-06-18 "
                  "removed them); send one message per line"_s));
    if (!document.isObject())
        return toLine(rpcError({}, InvalidRequest, u"Invalid Request: a message must be a JSON object"_s));
    bool reply = false;
    const QJsonObject response = handleObject(document.object(), &reply);
    return reply ? toLine(response) : QByteArray();
}

QJsonObject McpSession::handleObject(const QJsonObject& message, bool* reply)
{
    *reply = true;
    const bool hasId = message.contains(u"id"_s);
    const QJsonValue id = message.value(u"id"_s);
    if (message.value(u"jsonrpc"_s) != QJsonValue(u"2.0"_s))
        return rpcError(id, InvalidRequest, u"Invalid Request: \"jsonrpc\" must be \"2.0\""_s);
    if (!message.contains(u"method"_s)) {
        if (hasId && (message.contains(u"result"_s) || message.contains(u"error"_s))) {
            *reply = false; // a response to a request we never sent: nothing to answer
            return {};
        }
        return rpcError(id, InvalidRequest, u"Invalid Request: no \"method\""_s);
    }
    if (!message.value(u"method"_s).isString())
        return rpcError(id, InvalidRequest,
            u"Invalid Request: \"method\" must be a string, got %1"_s.arg(
                jsonTypeName(message.value(u"method"_s))));
    if (hasId && !isValidId(id))
        return rpcError({}, InvalidRequest,
            u"Invalid Request: \"id\" must be a string or an integer, got %1"_s.arg(jsonTypeName(id)));
    const QString method = message.value(u"method"_s).toString();
    if (message.contains(u"params"_s) && !message.value(u"params"_s).isObject()) {
        if (!hasId) {
            *reply = false;
            return {};
        }
        return rpcError(id, InvalidParams,
            u"Invalid params: \"params\" must be an object, got %1"_s.arg(
                jsonTypeName(message.value(u"params"_s))));
    }
    const QJsonObject params = message.value(u"params"_s).toObject();

    if (!hasId) { // a notification: never answered
        *reply = false;
        if (method == u"notifications/initialized"_s)
            m_clientReady = m_initialized;
        else if (method == u"notifications/cancelled"_s)
            qCDebug(lcMcp) << "cancellation for a request already answered or unknown:"
                           << params.value(u"requestId"_s);
        return {};
    }
    if (!m_initialized && method != u"initialize"_s && method != u"ping"_s)
        return rpcError(id, InvalidRequest,
            u"Invalid Request: the server is not initialized; send \"initialize\" first (got \"%1\")"_s.arg(
                clip(method)));
    const RpcReply result = dispatch(method, params);
    return rpcResponse(id, result);
}

RpcReply McpSession::dispatch(const QString& method, const QJsonObject& params)
{
    if (method == u"initialize"_s)
        return initialize(params);
    if (method == u"ping"_s)
        return RpcReply::ok({});
    if (method == u"tools/list"_s)
        return listTools();
    if (method == u"tools/call"_s)
        return callTool(params);
    if (method == u"resources/list"_s)
        return RpcReply::ok({ { u"resources"_s, resourceList(modern()) } });
    if (method == u"resources/templates/list"_s)
        return RpcReply::ok({ { u"resourceTemplates"_s, resourceTemplateList(modern()) } });
    if (method == u"resources/read"_s)
        return readResource(m_context, params);
    if (method == u"prompts/list"_s)
        return RpcReply::ok({ { u"prompts"_s, promptList(modern()) } });
    if (method == u"prompts/get"_s)
        return getPrompt(m_context, params);
    return RpcReply::error(MethodNotFound, u"Method not found: \"%1\""_s.arg(clip(method)));
}

RpcReply McpSession::initialize(const QJsonObject& params)
{
    if (m_initialized)
        return RpcReply::error(InvalidRequest, u"Invalid Request: already initialized"_s);
    const QJsonObject schema { { u"type"_s, u"object"_s },
        { u"properties"_s,
            QJsonObject { { u"protocolVersion"_s, QJsonObject { { u"type"_s, u"string"_s } } },
                { u"capabilities"_s, QJsonObject { { u"type"_s, u"object"_s } } },
                { u"clientInfo"_s,
                    QJsonObject { { u"type"_s, u"object"_s },
                        { u"required"_s, QJsonArray { u"name"_s, u"version"_s } },
                        { u"properties"_s,
                            QJsonObject { { u"name"_s, QJsonObject { { u"type"_s, u"string"_s } } },
                                { u"version"_s, QJsonObject { { u"type"_s, u"string"_s } } } } } } } } },
        { u"required"_s, QJsonArray { u"protocolVersion"_s, u"capabilities"_s, u"clientInfo"_s } } };
    if (const QString problem = checkAgainstSchema(params, schema, u"params"_s); !problem.isEmpty())
        return RpcReply::error(InvalidParams, u"Invalid params: "_s + problem);
    const QString requested = params.value(u"protocolVersion"_s).toString();
    m_version
        = supportedProtocolVersions().contains(requested) ? requested : supportedProtocolVersions().first();
    m_initialized = true;
    m_clientName = clip(params.value(u"clientInfo"_s).toObject().value(u"name"_s).toString(), 80);
    qCInfo(lcMcp) << "initialized for" << params.value(u"clientInfo"_s).toObject().value(u"name"_s).toString()
                  << "asking" << clip(requested) << "speaking" << m_version;
    QJsonObject serverInfo { { u"name"_s, u"caseyos"_s },
        { u"version"_s, QCoreApplication::applicationVersion() } };
    if (modern())
        serverInfo.insert(u"title"_s, u"CaseyOS"_s);
    return RpcReply::ok({ { u"protocolVersion"_s, m_version },
        { u"capabilities"_s,
            QJsonObject { { u"tools"_s, QJsonObject { { u"listChanged"_s, false } } },
                { u"resources"_s, QJsonObject { { u"subscribe"_s, false }, { u"listChanged"_s, false } } },
                { u"prompts"_s, QJsonObject { { u"listChanged"_s, false } } } } },
        { u"serverInfo"_s, serverInfo },
        { u"instructions"_s,
            u"CaseyOS ranks the user's sales moves. Read with list_todays_moves, get_move, whats_up, "
            "outcome_stats and the searches. Tools that would send or change anything outside CaseyOS "
            "(execute_move, create_email_draft with send) only create an approval the user decides in CaseyOS."_s } });
}

RpcReply McpSession::listTools() const
{
    QJsonArray tools;
    for (const ToolDef& tool : allTools()) {
        QJsonObject entry { { u"name"_s, tool.name }, { u"description"_s, tool.description },
            { u"inputSchema"_s, tool.inputSchema }, { u"annotations"_s, annotationsJson(tool) } };
        if (modern()) {
            entry.insert(u"title"_s, tool.title);
            entry.insert(u"outputSchema"_s, tool.outputSchema);
        }
        tools.append(entry);
    }
    return RpcReply::ok({ { u"tools"_s, tools } });
}

RpcReply McpSession::callTool(const QJsonObject& params)
{
    QElapsedTimer timer;
    timer.start();
    if (!params.value(u"name"_s).isString())
        return RpcReply::error(InvalidParams, u"Invalid params: params.name must be a string"_s);
    const QString name = params.value(u"name"_s).toString();
    const QJsonValue argumentsValue = params.value(u"arguments"_s);
    const QJsonObject arguments = argumentsValue.toObject();
    const ToolDef* tool = findTool(name);
    QString problem;
    if (!tool)
        problem = u"Unknown tool: \"%1\""_s.arg(clip(name));
    else if (!argumentsValue.isUndefined() && !argumentsValue.isObject())
        problem = u"params.arguments: expected object, got %1"_s.arg(jsonTypeName(argumentsValue));
    else
        problem = checkAgainstSchema(arguments, tool->inputSchema, u"arguments"_s);
    if (!problem.isEmpty()) {
        recordCall(name, arguments, true, problem, 0, timer.nsecsElapsed() / 1000);
        return RpcReply::error(InvalidParams, u"Invalid params: "_s + problem);
    }
    const ToolResult result = tool->run(m_context, arguments);
    const QString text = !result.text.isEmpty() || result.isError
        ? result.text
        : QString::fromUtf8(QJsonDocument(result.structured).toJson(QJsonDocument::Compact));
    QJsonArray content { QJsonObject { { u"type"_s, u"text"_s }, { u"text"_s, text } } };
    if (!result.isError
        && !result.text.isEmpty()) // the data as JSON too, for clients without structuredContent
        content.append(QJsonObject { { u"type"_s, u"text"_s },
            { u"text"_s,
                QString::fromUtf8(QJsonDocument(result.structured).toJson(QJsonDocument::Compact)) } });
    QJsonObject reply { { u"content"_s, content }, { u"isError"_s, result.isError } };
    if (!result.isError && modern())
        reply.insert(u"structuredContent"_s, result.structured);
    const qint64 approvalId = result.structured.value(u"approval"_s).toObject().value(u"id"_s).toInteger();
    recordCall(name, arguments, result.isError, result.isError ? text : QString(), approvalId,
        timer.nsecsElapsed() / 1000);
    return RpcReply::ok(reply);
}

void McpSession::recordCall(const QString& tool, const QJsonObject& arguments, bool isError,
    const QString& error, qint64 approvalId, qint64 durationUs)
{
    QByteArray json = QJsonDocument(ApprovalService::redact(arguments)).toJson(QJsonDocument::Compact);
    if (json.size() > kMaxLoggedArgumentBytes)
        json = QJsonDocument(QJsonObject { { u"truncated"_s, true }, { u"bytes"_s, json.size() } })
                   .toJson(QJsonDocument::Compact);
    Database& db = m_context.db;
    QString problem;
    // The call's log row and its audit entry commit together.
    const bool ok = db.transaction(
        [&] {
            QSqlQuery insert(db.sql());
            insert.prepare(u"INSERT INTO mcp_calls (at, tool, arguments, is_error, error, approval_id, duration_us) "
                           "VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, ?)"_s);
            insert.addBindValue(toEpochMs(m_context.clock.now()));
            insert.addBindValue(clip(tool, 200));
            insert.addBindValue(QString::fromUtf8(json));
            insert.addBindValue(isError ? 1 : 0);
            insert.addBindValue(clip(error, 1000));
            insert.addBindValue(approvalId > 0 ? QVariant(approvalId) : QVariant(QMetaType(QMetaType::LongLong)));
            insert.addBindValue(durationUs);
            if (!insert.exec()) {
                problem = insert.lastError().text();
                return false;
            }
            QJsonObject details { { u"arguments"_s, QJsonDocument::fromJson(json).object() },
                { u"is_error"_s, isError }, { u"mcp_call_id"_s, insert.lastInsertId().toLongLong() } };
            if (isError)
                details.insert(u"error"_s, clip(error, 300));
            if (approvalId > 0)
                details.insert(u"approval_id"_s, approvalId);
            const Result<AuditEntry> audited = AuditLog(db, m_context.clock)
                                                   .appendInTransaction(QString::fromUtf16(auditkind::McpCall),
                                                       m_clientName.isEmpty() ? u"mcp"_s : u"mcp:"_s + m_clientName,
                                                       clip(tool, 200), details);
            if (!audited)
                problem = audited.error();
            return audited.ok();
        },
        &problem);
    if (!ok)
        qCWarning(lcMcp) << "cannot record the MCP call:" << problem;
}

} // namespace caseyos::mcp
