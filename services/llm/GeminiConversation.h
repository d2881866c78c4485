#pragma once

#include "connectors/clients/GeminiTypes.h"
#include "llm/ChatProvider.h"

namespace caseyos::llm {

// The conversation in Gemini's shape: system → systemInstruction; user → role "user"; assistant → role
// "model" with its text and functionCall parts; tool messages → one "user" content of functionResponse parts
// (named after the call they answer: Gemini matches them by name and order, not by id). A tool result that
// is not a JSON object is wrapped as {"result": text}, since functionResponse.response must be an object.
GeminiRequest geminiRequestFor(const ProviderTurn& turn, const QString& model);

// Gemini's reply in the providers' common shape. Gemini gives function calls no ids: they get "call_N"
// (N counting from `firstCallNumber`), which the next request maps back to names.
ChatResponse chatResponseFrom(const GeminiResponse& response, int firstCallNumber);

} // namespace caseyos::llm
