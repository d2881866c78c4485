#include "llm/ModelJson.h"

#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace caseyos::llm {

std::optional<QJsonObject> jsonObjectInAnswer(const QString& answer)
{
    QString text = answer.trimmed();
    static const QRegularExpression fence(uR"(^```(?:json)?\s*(.*?)\s*```$)"_s,
        QRegularExpression::DotMatchesEverythingOption | QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = fence.match(text); m.hasMatch())
        text = m.captured(1);
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace caseyos::llm
