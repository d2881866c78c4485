#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace caseyos::mcp {

// JSON-RPC 2.0 error codes (https://www.jsonrpc.org/specification#error_object).
enum RpcErrorCode : int {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
};

// What a method handler answers: a result object, or an error (code != 0).
struct RpcReply
{
    QJsonObject result;
    int code = 0;
    QString message;

    static RpcReply ok(QJsonObject result) { return { std::move(result), 0, {} }; }
    static RpcReply error(int code, QString message) { return { {}, code, std::move(message) }; }
    bool isError() const { return code != 0; }
};

// One incoming line parsed: errorCode 0 and the document, or ParseError (not JSON), or InvalidRequest for
// valid JSON that is a bare value (a number, string, true, false, null) rather than an object or array.
struct ParsedMessage
{
    QJsonDocument document;
    int errorCode = 0;
    QString error;
};
ParsedMessage parseMessage(const QByteArray& line);

// A request id as JSON-RPC allows it here: a string or an integer (MCP forbids null).
bool isValidId(const QJsonValue& id);

QJsonObject rpcResponse(const QJsonValue& id, const RpcReply& reply); // result or error envelope
QJsonObject rpcError(const QJsonValue& id, int code, const QString& message);

// The JSON type name of a value, for error messages ("string", "integer", "number", "object", …).
QString jsonTypeName(const QJsonValue& value);

// Shortens text for an error message (long user input must not be echoed whole).
QString clip(const QString& text, int max = 80);

} // namespace caseyos::mcp
