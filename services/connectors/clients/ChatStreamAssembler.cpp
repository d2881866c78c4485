#include "connectors/clients/ChatStreamAssembler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos {

QString ChatStreamAssembler::add(const QByteArray& payload, QString* error)
{
    if (payload.trimmed() == "[DONE]") {
        m_done = true;
        return {};
    }
    const QJsonDocument doc = QJsonDocument::fromJson(payload);
    if (!doc.isObject()) {
        if (error)
            *error = u"a streamed chunk was not a JSON object"_s;
        return {};
    }
    const QJsonObject root = doc.object();
    if (root.value("error"_L1).isObject()) {
        if (error)
            *error = root.value("error"_L1).toObject().value("message"_L1).toString().left(200);
        return {};
    }
    if (m_response.id.isEmpty())
        m_response.id = root.value("id"_L1).toString();
    if (m_response.model.isEmpty())
        m_response.model = root.value("model"_L1).toString();
    const QJsonObject usage = root.value("usage"_L1).toObject();
    if (!usage.isEmpty()) {
        m_response.promptTokens = usage.value("prompt_tokens"_L1).toInt();
        m_response.completionTokens = usage.value("completion_tokens"_L1).toInt();
    }
    QString text;
    for (const QJsonValue& v : root.value("choices"_L1).toArray()) {
        const QJsonObject choice = v.toObject();
        if (choice.value("index"_L1).toInt() != 0)
            continue;
        const QJsonObject delta = choice.value("delta"_L1).toObject();
        text += delta.value("content"_L1).toString();
        for (const QJsonValue& t : delta.value("tool_calls"_L1).toArray()) {
            const QJsonObject c = t.toObject();
            ToolCall& call = m_calls[c.value("index"_L1).toInt()];
            if (c.contains("id"_L1))
                call.id = c.value("id"_L1).toString();
            const QJsonObject fn = c.value("function"_L1).toObject();
            call.name += fn.value("name"_L1).toString();
            call.rawArguments += fn.value("arguments"_L1).toString();
        }
        if (choice.value("finish_reason"_L1).isString())
            m_response.finishReason = choice.value("finish_reason"_L1).toString();
    }
    m_response.content += text;
    return text;
}

ChatResponse ChatStreamAssembler::result() const
{
    ChatResponse out = m_response;
    for (ToolCall call : m_calls) {
        parseToolArguments(call);
        out.toolCalls.append(call);
    }
    return out;
}

} // namespace caseyos
