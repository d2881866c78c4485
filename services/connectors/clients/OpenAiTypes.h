#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace caseyos {

// The OpenAI-compatible chat completions API (OpenAI, xAI, local servers such as llama.cpp or Ollama).

struct ToolDefinition
{
    QString name;
    QString description;
    QJsonObject parameters; // JSON Schema of the arguments
};

struct ToolCall
{
    QString id;
    QString name;
    QString rawArguments; // as the model sent them (a JSON text, possibly broken)
    QJsonObject arguments; // parsed; empty when argumentsError is set
    QString argumentsError; // why rawArguments is not a JSON object; empty when fine
    // An opaque token the provider wants back with this call in the next request (Gemini's thoughtSignature);
    // never sent to OpenAI-shaped servers.
    QString signature;
};

struct ChatMessage
{
    QString role; // system, user, assistant, tool
    QString content;
    QList<ToolCall> toolCalls; // assistant messages that called tools
    QString toolCallId; // role "tool": which call this answers
};

struct ChatRequest
{
    QString model;
    QList<ChatMessage> messages;
    QList<ToolDefinition> tools;
    std::optional<double> temperature;
    std::optional<int> maxTokens; // sent as max_completion_tokens
};

struct ChatResponse
{
    QString id;
    QString model;
    QString content;
    QString finishReason;
    QList<ToolCall> toolCalls;
    int promptTokens = 0;
    int completionTokens = 0;
};

// Fills ToolCall::arguments from rawArguments, or sets argumentsError (empty text counts as {}).
void parseToolArguments(ToolCall& call);

QJsonObject chatRequestJson(const ChatRequest& request, bool stream);
// Reads a non-streaming reply. An error when there is no choice or the first has no message.
bool parseChatResponse(const QJsonObject& root, ChatResponse& out, QString* error);

} // namespace caseyos
