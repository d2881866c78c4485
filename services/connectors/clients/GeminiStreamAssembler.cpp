#include "connectors/clients/GeminiStreamAssembler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos {

QString GeminiStreamAssembler::add(const QByteArray& payload, QString* error)
{
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
    ++m_chunks;
    const QJsonObject usage = root.value("usageMetadata"_L1).toObject();
    if (!usage.isEmpty()) {
        m_response.promptTokens = usage.value("promptTokenCount"_L1).toInt();
        m_response.outputTokens = usage.value("candidatesTokenCount"_L1).toInt();
    }
    const QJsonArray candidates = root.value("candidates"_L1).toArray();
    if (candidates.isEmpty()) {
        // A blocked prompt is reported once, with no candidate at all.
        const QString blocked = root.value("promptFeedback"_L1).toObject().value("blockReason"_L1).toString();
        if (!blocked.isEmpty() && error)
            *error = u"the prompt was blocked (%1)"_s.arg(blocked);
        return {};
    }
    const QJsonObject first = candidates.first().toObject();
    if (first.value("finishReason"_L1).isString())
        m_response.finishReason = first.value("finishReason"_L1).toString();
    QString text;
    for (const QJsonValue& v : first.value("content"_L1).toObject().value("parts"_L1).toArray()) {
        const QJsonObject part = v.toObject();
        if (part.value("thought"_L1).toBool())
            continue; // a thinking model's notes to itself are not the answer
        text += part.value("text"_L1).toString();
        GeminiFunctionCall call;
        if (geminiFunctionCallFromPart(part, &call))
            m_response.functionCalls.append(call);
    }
    m_response.text += text;
    return text;
}

} // namespace caseyos
