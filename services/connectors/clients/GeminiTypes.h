#pragma once

#include "connectors/clients/OpenAiTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace caseyos {

// Gemini generateContent (v1beta). Tools reuse ToolDefinition (JSON Schema parameters; converted to Gemini's
// Schema: upper-case types, unsupported keywords dropped).

struct GeminiPart
{
    QString text;
    QString functionName; // functionCall (model) or functionResponse (user) when set
    QJsonObject functionArgs; // functionCall args
    QJsonObject functionResponse; // functionResponse response
    bool isResponse = false;
    // Gemini's thoughtSignature of a functionCall part, sent back exactly as received: thinking models refuse
    // a follow-up request whose function calls lost their signatures.
    QString thoughtSignature;
};

struct GeminiContent
{
    QString role; // "user" or "model"
    QList<GeminiPart> parts;
};

struct GeminiRequest
{
    QString model; // "gemini-2.0-flash" (a "models/" prefix is accepted)
    QString systemInstruction;
    QList<GeminiContent> contents;
    QList<ToolDefinition> tools;
    std::optional<double> temperature;
    std::optional<int> maxOutputTokens;
};

struct GeminiFunctionCall
{
    QString name;
    QJsonObject args;
    QString thoughtSignature; // opaque (base64); empty when the model sent none
};

// The function call of a response part ({"functionCall": {...}, "thoughtSignature": "..."}); false when the
// part is not one.
bool geminiFunctionCallFromPart(const QJsonObject& part, GeminiFunctionCall* out);

struct GeminiResponse
{
    QString text; // the text parts of the first candidate, joined
    QList<GeminiFunctionCall> functionCalls;
    QString finishReason;
    int promptTokens = 0;
    int outputTokens = 0;
};

QJsonObject geminiSchema(const QJsonObject& jsonSchema);
QJsonObject geminiRequestJson(const GeminiRequest& request);
bool parseGeminiResponse(const QJsonObject& root, GeminiResponse& out, QString* error);
// "models/x" or "x" → "x"
QString geminiModelId(const QString& model);

} // namespace caseyos
