#include "mcp/JsonRpc.h"

#include <QJsonArray>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::mcp {

namespace {

bool isWholeNumber(double value)
{
    return std::isfinite(value) && std::floor(value) == value && std::fabs(value) <= 9007199254740992.0;
}

} // namespace

ParsedMessage parseMessage(const QByteArray& line)
{
    ParsedMessage parsed;
    QJsonParseError error;
    parsed.document = QJsonDocument::fromJson(line, &error);
    if (error.error == QJsonParseError::NoError)
        return parsed;
    // Qt only parses objects and arrays at the top level; a bare value is valid JSON but not a request.
    QJsonParseError wrappedError;
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + line + ']', &wrappedError);
    if (wrappedError.error == QJsonParseError::NoError && wrapped.array().size() == 1) {
        parsed.errorCode = InvalidRequest;
        parsed.error = u"Invalid Request: a message must be a JSON object, got %1"_s.arg(
            jsonTypeName(wrapped.array().first()));
        return parsed;
    }
    parsed.errorCode = ParseError;
    parsed.error = u"Parse error: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset);
    return parsed;
}

bool isValidId(const QJsonValue& id)
{
    if (id.isString())
        return true;
    return id.isDouble() && isWholeNumber(id.toDouble());
}

QJsonObject rpcResponse(const QJsonValue& id, const RpcReply& reply)
{
    if (reply.isError())
        return rpcError(id, reply.code, reply.message);
    return { { u"jsonrpc"_s, u"2.0"_s }, { u"id"_s, id }, { u"result"_s, reply.result } };
}

QJsonObject rpcError(const QJsonValue& id, int code, const QString& message)
{
    return { { u"jsonrpc"_s, u"2.0"_s }, { u"id"_s, isValidId(id) ? id : QJsonValue(QJsonValue::Null) },
        { u"error"_s, QJsonObject { { u"code"_s, code }, { u"message"_s, message } } } };
}

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double:
        return isWholeNumber(value.toDouble()) ? u"integer"_s : u"number"_s;
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

QString clip(const QString& text, int max)
{
    return text.size() <= max ? text : text.left(max) + u"…"_s;
}

} // namespace caseyos::mcp
