#include "net/JsonBody.h"

#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace caseyos {

Result<QJsonDocument> parseJsonBody(const QByteArray& body, const QByteArray& contentType)
{
    const QByteArray type = contentType.split(';').constFirst().trimmed().toLower();
    // application/json, application/problem+json, text/json …
    if (!type.isEmpty() && !type.endsWith("json"))
        return Result<QJsonDocument>::failure(
            u"expected JSON but got %1"_s.arg(QString::fromLatin1(type.left(60))));
    if (body.trimmed().isEmpty())
        return Result<QJsonDocument>::failure(u"the reply was empty"_s);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<QJsonDocument>::failure(
            u"invalid JSON at byte %1 (%2)"_s.arg(error.offset).arg(error.errorString()));
    if (!document.isObject() && !document.isArray())
        return Result<QJsonDocument>::failure(u"the reply was not a JSON object or array"_s);
    return Result<QJsonDocument>::success(document);
}

} // namespace caseyos
