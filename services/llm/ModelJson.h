#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace caseyos::llm {

// The JSON object a model was asked to answer with: the whole answer, or the inside of a ```json fence around
// it (models add one unasked). Nothing when the answer is anything else.
std::optional<QJsonObject> jsonObjectInAnswer(const QString& answer);

} // namespace caseyos::llm
