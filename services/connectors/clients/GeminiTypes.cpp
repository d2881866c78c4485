#include "connectors/clients/GeminiTypes.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

QJsonObject contentJson(const GeminiContent& c)
{
    QJsonArray parts;
    for (const GeminiPart& p : c.parts) {
        if (p.functionName.isEmpty())
            parts.append(QJsonObject { { u"text"_s, p.text } });
        else if (p.isResponse)
            parts.append(QJsonObject { { u"functionResponse"_s,
                QJsonObject { { u"name"_s, p.functionName }, { u"response"_s, p.functionResponse } } } });
        else {
            QJsonObject call { { u"functionCall"_s,
                QJsonObject { { u"name"_s, p.functionName }, { u"args"_s, p.functionArgs } } } };
            if (!p.thoughtSignature.isEmpty())
                call.insert(u"thoughtSignature"_s, p.thoughtSignature);
            parts.append(call);
        }
    }
    QJsonObject o { { u"parts"_s, parts } };
    if (!c.role.isEmpty())
        o.insert(u"role"_s, c.role);
    return o;
}

} // namespace

bool geminiFunctionCallFromPart(const QJsonObject& part, GeminiFunctionCall* out)
{
    if (!part.value("functionCall"_L1).isObject())
        return false;
    const QJsonObject call = part.value("functionCall"_L1).toObject();
    *out = { call.value("name"_L1).toString(), call.value("args"_L1).toObject(),
        part.value("thoughtSignature"_L1).toString() };
    return true;
}

QString geminiModelId(const QString& model)
{
    return model.startsWith("models/"_L1) ? model.mid(7) : model;
}

QJsonObject geminiSchema(const QJsonObject& in)
{
    static const QSet<QString> kept { u"anyOf"_s, u"default"_s, u"description"_s, u"enum"_s, u"format"_s,
        u"items"_s, u"maximum"_s, u"maxItems"_s, u"maxLength"_s, u"minimum"_s, u"minItems"_s, u"minLength"_s,
        u"nullable"_s, u"pattern"_s, u"properties"_s, u"required"_s, u"title"_s, u"type"_s };
    QJsonObject out;
    for (auto it = in.begin(); it != in.end(); ++it) {
        if (!kept.contains(it.key()))
            continue;
        if (it.key() == "type"_L1) {
            out.insert(it.key(), it.value().toString().toUpper());
        } else if (it.key() == "items"_L1) {
            out.insert(it.key(), geminiSchema(it.value().toObject()));
        } else if (it.key() == "properties"_L1) {
            QJsonObject props;
            const QJsonObject src = it.value().toObject();
            for (auto p = src.begin(); p != src.end(); ++p)
                props.insert(p.key(), geminiSchema(p.value().toObject()));
            out.insert(it.key(), props);
        } else if (it.key() == "anyOf"_L1) {
            QJsonArray list;
            for (const QJsonValue& v : it.value().toArray())
                list.append(geminiSchema(v.toObject()));
            out.insert(it.key(), list);
        } else if (it.key().startsWith("min"_L1) && it.key() != "minimum"_L1) {
            // Google's int64 fields travel as JSON strings (minLength, minItems, …): a number is refused.
            out.insert(it.key(), QString::number(it.value().toInteger()));
        } else if (it.key().startsWith("max"_L1) && it.key() != "maximum"_L1) {
            out.insert(it.key(), QString::number(it.value().toInteger()));
        } else {
            out.insert(it.key(), it.value());
        }
    }
    // A string enum is declared with format "enum" in Gemini's Schema.
    if (out.value("type"_L1).toString() == "STRING"_L1 && out.contains("enum"_L1)
        && !out.contains("format"_L1))
        out.insert(u"format"_s, u"enum"_s);
    return out;
}

QJsonObject geminiRequestJson(const GeminiRequest& request)
{
    QJsonArray contents;
    for (const GeminiContent& c : request.contents)
        contents.append(contentJson(c));
    QJsonObject o { { u"contents"_s, contents } };
    if (!request.systemInstruction.isEmpty())
        o.insert(u"systemInstruction"_s,
            QJsonObject { { u"parts"_s, QJsonArray { QJsonObject { { u"text"_s, request.systemInstruction } } } } });
    if (!request.tools.isEmpty()) {
        QJsonArray declarations;
        for (const ToolDefinition& t : request.tools) {
            QJsonObject d { { u"name"_s, t.name }, { u"description"_s, t.description } };
            // Gemini refuses an OBJECT schema without properties: a tool without arguments declares none.
            const bool noArguments = t.parameters.value("type"_L1).toString() == "object"_L1
                && t.parameters.value("properties"_L1).toObject().isEmpty();
            if (!t.parameters.isEmpty() && !noArguments)
                d.insert(u"parameters"_s, geminiSchema(t.parameters));
            declarations.append(d);
        }
        o.insert(u"tools"_s, QJsonArray { QJsonObject { { u"functionDeclarations"_s, declarations } } });
    }
    QJsonObject config;
    if (request.temperature)
        config.insert(u"temperature"_s, *request.temperature);
    if (request.maxOutputTokens)
        config.insert(u"maxOutputTokens"_s, *request.maxOutputTokens);
    if (!config.isEmpty())
        o.insert(u"generationConfig"_s, config);
    return o;
}

bool parseGeminiResponse(const QJsonObject& root, GeminiResponse& out, QString* error)
{
    const QJsonArray candidates = root.value("candidates"_L1).toArray();
    if (candidates.isEmpty()) {
        if (error) {
            const QString blocked = root.value("promptFeedback"_L1).toObject().value("blockReason"_L1).toString();
            *error = blocked.isEmpty() ? u"the reply has no candidate"_s : u"the prompt was blocked (%1)"_s.arg(blocked);
        }
        return false;
    }
    const QJsonObject first = candidates.first().toObject();
    out.finishReason = first.value("finishReason"_L1).toString();
    for (const QJsonValue& v : first.value("content"_L1).toObject().value("parts"_L1).toArray()) {
        const QJsonObject part = v.toObject();
        if (part.value("thought"_L1).toBool())
            continue;
        out.text += part.value("text"_L1).toString();
        GeminiFunctionCall call;
        if (geminiFunctionCallFromPart(part, &call))
            out.functionCalls.append(call);
    }
    const QJsonObject usage = root.value("usageMetadata"_L1).toObject();
    out.promptTokens = usage.value("promptTokenCount"_L1).toInt();
    out.outputTokens = usage.value("candidatesTokenCount"_L1).toInt();
    return true;
}

} // namespace caseyos
