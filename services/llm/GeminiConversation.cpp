#include "llm/GeminiConversation.h"

#include <QHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace caseyos::llm {

namespace {

QJsonObject responseObject(const QString& content)
{
    const QJsonDocument doc = QJsonDocument::fromJson(content.toUtf8());
    if (doc.isObject())
        return doc.object();
    return QJsonObject { { u"result"_s, content } };
}

} // namespace

GeminiRequest geminiRequestFor(const ProviderTurn& turn, const QString& model)
{
    GeminiRequest request;
    request.model = model;
    request.systemInstruction = turn.system;
    request.tools = turn.tools;
    QHash<QString, QString> callNames; // call id → function name
    for (const ChatMessage& m : turn.messages) {
        if (m.role == "system"_L1) {
            request.systemInstruction
                += (request.systemInstruction.isEmpty() ? QString() : u"\n\n"_s) + m.content;
        } else if (m.role == "tool"_L1) {
            GeminiPart part;
            part.functionName = callNames.value(m.toolCallId, m.toolCallId);
            part.isResponse = true;
            part.functionResponse = responseObject(m.content);
            // Answers to the calls of one model turn go back together, in one user content.
            if (!request.contents.isEmpty() && request.contents.last().role == "user"_L1
                && !request.contents.last().parts.isEmpty()
                && request.contents.last().parts.last().isResponse)
                request.contents.last().parts.append(part);
            else
                request.contents.append({ u"user"_s, { part } });
        } else {
            GeminiContent content;
            content.role = m.role == "assistant"_L1 ? u"model"_s : u"user"_s;
            if (!m.content.isEmpty())
                content.parts.append(GeminiPart { m.content, {}, {}, {}, false });
            for (const ToolCall& call : m.toolCalls) {
                callNames.insert(call.id, call.name);
                GeminiPart part;
                part.functionName = call.name;
                part.functionArgs = call.arguments;
                part.thoughtSignature = call.signature;
                content.parts.append(part);
            }
            if (!content.parts.isEmpty())
                request.contents.append(content);
        }
    }
    return request;
}

ChatResponse chatResponseFrom(const GeminiResponse& response, int firstCallNumber)
{
    ChatResponse out;
    out.content = response.text;
    out.finishReason = response.finishReason;
    out.promptTokens = response.promptTokens;
    out.completionTokens = response.outputTokens;
    int number = firstCallNumber;
    for (const GeminiFunctionCall& call : response.functionCalls) {
        ToolCall c;
        c.id = u"call_%1"_s.arg(number++);
        c.name = call.name;
        c.arguments = call.args;
        c.rawArguments = QString::fromUtf8(QJsonDocument(call.args).toJson(QJsonDocument::Compact));
        c.signature = call.thoughtSignature;
        out.toolCalls.append(c);
    }
    return out;
}

} // namespace caseyos::llm
