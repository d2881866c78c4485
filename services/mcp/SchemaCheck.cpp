#include "mcp/SchemaCheck.h"

#include "mcp/JsonRpc.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::mcp {

namespace {

bool hasType(const QJsonValue& value, const QString& type)
{
    const QString actual = jsonTypeName(value);
    if (type == u"number"_s)
        return actual == u"number"_s || actual == u"integer"_s;
    return actual == type;
}

QString typeProblem(const QJsonValue& value, const QJsonValue& typeSpec, const QString& path)
{
    QStringList allowed;
    if (typeSpec.isString())
        allowed << typeSpec.toString();
    for (const QJsonValue& t : typeSpec.toArray())
        allowed << t.toString();
    for (const QString& type : allowed)
        if (hasType(value, type))
            return {};
    return u"%1: expected %2, got %3"_s.arg(path, allowed.join(u" or "_s), jsonTypeName(value));
}

QString checkObject(const QJsonObject& object, const QJsonObject& schema, const QString& path)
{
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    for (const QJsonValue& name : schema.value(u"required"_s).toArray())
        if (!object.contains(name.toString()))
            return u"%1: missing required property \"%2\""_s.arg(path, name.toString());
    const bool closed = schema.value(u"additionalProperties"_s) == QJsonValue(false);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto property = properties.constFind(it.key());
        if (property == properties.constEnd()) {
            if (closed)
                return u"%1: unknown property \"%2\" (allowed: %3)"_s.arg(
                    path, clip(it.key(), 40), properties.keys().join(u", "_s));
            continue;
        }
        const QString problem = checkAgainstSchema(it.value(), property->toObject(), path + u'.' + it.key());
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

} // namespace

QString checkAgainstSchema(const QJsonValue& value, const QJsonObject& schema, const QString& path)
{
    if (schema.contains(u"type"_s)) {
        if (QString problem = typeProblem(value, schema.value(u"type"_s), path); !problem.isEmpty())
            return problem;
    }
    if (schema.contains(u"enum"_s)) {
        const QJsonArray options = schema.value(u"enum"_s).toArray();
        if (!options.contains(value)) {
            QStringList names;
            for (const QJsonValue& option : options)
                names << option.toVariant().toString();
            return u"%1: must be one of %2"_s.arg(path, names.join(u", "_s));
        }
    }
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (schema.contains(u"minimum"_s) && number < schema.value(u"minimum"_s).toDouble())
            return u"%1: must be at least %2"_s.arg(path).arg(schema.value(u"minimum"_s).toDouble());
        if (schema.contains(u"maximum"_s) && number > schema.value(u"maximum"_s).toDouble())
            return u"%1: must be at most %2"_s.arg(path).arg(schema.value(u"maximum"_s).toDouble());
    }
    if (value.isString()) {
        const qsizetype length = value.toString().size();
        if (schema.contains(u"minLength"_s) && length < schema.value(u"minLength"_s).toInt())
            return u"%1: must have at least %2 characters"_s.arg(path).arg(
                schema.value(u"minLength"_s).toInt());
        if (schema.contains(u"maxLength"_s) && length > schema.value(u"maxLength"_s).toInt())
            return u"%1: must have at most %2 characters (got %3)"_s.arg(path)
                .arg(schema.value(u"maxLength"_s).toInt())
                .arg(length);
    }
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        if (schema.contains(u"maxItems"_s) && items.size() > schema.value(u"maxItems"_s).toInt())
            return u"%1: must have at most %2 items"_s.arg(path).arg(schema.value(u"maxItems"_s).toInt());
        const QJsonObject itemSchema = schema.value(u"items"_s).toObject();
        for (qsizetype i = 0; i < items.size() && !itemSchema.isEmpty(); ++i)
            if (QString problem = checkAgainstSchema(items.at(i), itemSchema, u"%1[%2]"_s.arg(path).arg(i));
                !problem.isEmpty())
                return problem;
    }
    if (value.isObject())
        return checkObject(value.toObject(), schema, path);
    return {};
}

} // namespace caseyos::mcp
