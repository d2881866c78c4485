#include "connectors/clients/OpenAiTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QJsonObject messageJson(const ChatMessage& m)
{
    QJsonObject o { { u"role"_s, m.role } };
    if (!m.content.isEmpty() || m.toolCalls.isEmpty())
        o.insert(u"content"_s, m.content);
    if (!m.toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const ToolCall& c : m.toolCalls) {
            calls.append(QJsonObject { { u"id"_s, c.id }, { u"type"_s, u"function"_s },
                { u"function"_s, QJsonObject { { u"name"_s, c.name }, { u"arguments"_s, c.rawArguments } } } });
        }
        o.insert(u"tool_calls"_s, calls);
    }
    if (!m.toolCallId.isEmpty())
        o.insert(u"tool_call_id"_s, m.toolCallId);
    return o;
}

} // namespace

void parseToolArguments(ToolCall& call)
{
    call.arguments = {};
    call.argumentsError.clear();
    if (call.rawArguments.trimmed().isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(call.rawArguments.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        call.argumentsError = u"the arguments are not valid JSON: %1"_s.arg(error.errorString());
    else if (!doc.isObject())
        call.argumentsError = u"the arguments are not a JSON object"_s;
    else
        call.arguments = doc.object();
}

QJsonObject chatRequestJson(const ChatRequest& request, bool stream)
{
    QJsonArray messages;
    for (const ChatMessage& m : request.messages)
        messages.append(messageJson(m));
    QJsonObject o { { u"model"_s, request.model }, { u"messages"_s, messages } };
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolDefinition& t : request.tools) {
            QJsonObject fn { { u"name"_s, t.name } };
            if (!t.description.isEmpty())
                fn.insert(u"description"_s, t.description);
            fn.insert(u"parameters"_s, t.parameters.isEmpty() ? QJsonObject { { u"type"_s, u"object"_s } } : t.parameters);
            tools.append(QJsonObject { { u"type"_s, u"function"_s }, { u"function"_s, fn } });
        }
        o.insert(u"tools"_s, tools);
    }
    if (request.temperature)
        o.insert(u"temperature"_s, *request.temperature);
    if (request.maxTokens)
        o.insert(u"max_completion_tokens"_s, *request.maxTokens);
    if (stream) {
        o.insert(u"stream"_s, true);
        o.insert(u"stream_options"_s, QJsonObject { { u"include_usage"_s, true } });
    }
    return o;
}

bool parseChatResponse(const QJsonObject& root, ChatResponse& out, QString* error)
{
    const QJsonArray choices = root.value("choices"_L1).toArray();
    if (choices.isEmpty() || !choices.first().toObject().value("message"_L1).isObject()) {
        if (error)
            *error = u"the reply has no message"_s;
        return false;
    }
    const QJsonObject choice = choices.first().toObject();
    const QJsonObject message = choice.value("message"_L1).toObject();
    out.id = root.value("id"_L1).toString();
    out.model = root.value("model"_L1).toString();
    out.content = message.value("content"_L1).toString();
    out.finishReason = choice.value("finish_reason"_L1).toString();
    out.toolCalls.clear();
    for (const QJsonValue& v : message.value("tool_calls"_L1).toArray()) {
        const QJsonObject c = v.toObject();
        const QJsonObject fn = c.value("function"_L1).toObject();
        ToolCall call;
        call.id = c.value("id"_L1).toString();
        call.name = fn.value("name"_L1).toString();
        call.rawArguments = fn.value("arguments"_L1).toString();
        parseToolArguments(call);
        out.toolCalls.append(call);
    }
    const QJsonObject usage = root.value("usage"_L1).toObject();
    out.promptTokens = usage.value("prompt_tokens"_L1).toInt();
    out.completionTokens = usage.value("completion_tokens"_L1).toInt();
    return true;
}

} // namespace caseyos
