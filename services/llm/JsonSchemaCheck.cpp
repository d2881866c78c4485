#include "llm/JsonSchemaCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

using namespace Qt::StringLiterals;

namespace caseyos::llm {

namespace {

bool hasType(const QJsonValue& v, const QString& type)
{
    if (type == "string"_L1)
        return v.isString();
    if (type == "boolean"_L1)
        return v.isBool();
    if (type == "object"_L1)
        return v.isObject();
    if (type == "array"_L1)
        return v.isArray();
    if (type == "null"_L1)
        return v.isNull();
    if (type == "number"_L1)
        return v.isDouble();
    if (type == "integer"_L1) {
        if (!v.isDouble())
            return false;
        const double d = v.toDouble();
        return std::isfinite(d) && std::floor(d) == d;
    }
    return true; // an unknown type name constrains nothing
}

QString article(const QString& type)
{
    return (type == "integer"_L1 || type == "object"_L1 || type == "array"_L1) ? u"an "_s + type
                                                                               : u"a "_s + type;
}

QString name(const QString& path)
{
    return path.isEmpty() ? u"the arguments"_s : path;
}

QString typeViolation(const QJsonValue& value, const QJsonValue& type, const QString& path)
{
    QStringList types;
    if (type.isString())
        types.append(type.toString());
    for (const QJsonValue& t : type.toArray())
        types.append(t.toString());
    if (types.isEmpty())
        return {};
    for (const QString& t : types)
        if (hasType(value, t))
            return {};
    QStringList wanted;
    for (const QString& t : types)
        wanted.append(article(t));
    return u"%1 must be %2"_s.arg(name(path), wanted.join(u" or "_s));
}

QString compact(const QJsonValue& v)
{
    if (v.isString())
        return u'"' + v.toString() + u'"';
    return QString::fromUtf8(QJsonDocument(QJsonArray { v }).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

} // namespace

QString schemaViolation(const QJsonValue& value, const QJsonObject& schema, const QString& path)
{
    if (QString why = typeViolation(value, schema.value("type"_L1), path); !why.isEmpty())
        return why;
    if (schema.value("enum"_L1).isArray()) {
        const QJsonArray allowed = schema.value("enum"_L1).toArray();
        if (!allowed.contains(value)) {
            QStringList names;
            for (const QJsonValue& a : allowed)
                names.append(compact(a));
            return u"%1 must be one of %2"_s.arg(name(path), names.join(u", "_s));
        }
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (schema.contains("minimum"_L1) && d < schema.value("minimum"_L1).toDouble())
            return u"%1 must be at least %2"_s.arg(name(path)).arg(schema.value("minimum"_L1).toDouble());
        if (schema.contains("maximum"_L1) && d > schema.value("maximum"_L1).toDouble())
            return u"%1 must be at most %2"_s.arg(name(path)).arg(schema.value("maximum"_L1).toDouble());
    }
    if (value.isString()) {
        const qsizetype length = value.toString().size();
        if (schema.contains("minLength"_L1) && length < schema.value("minLength"_L1).toInt())
            return u"%1 must have at least %2 characters"_s.arg(name(path))
                .arg(schema.value("minLength"_L1).toInt());
        if (schema.contains("maxLength"_L1) && length > schema.value("maxLength"_L1).toInt())
            return u"%1 must have at most %2 characters"_s.arg(name(path))
                .arg(schema.value("maxLength"_L1).toInt());
    }
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        if (schema.contains("minItems"_L1) && items.size() < schema.value("minItems"_L1).toInt())
            return u"%1 must have at least %2 items"_s.arg(name(path))
                .arg(schema.value("minItems"_L1).toInt());
        if (schema.contains("maxItems"_L1) && items.size() > schema.value("maxItems"_L1).toInt())
            return u"%1 must have at most %2 items"_s.arg(name(path))
                .arg(schema.value("maxItems"_L1).toInt());
        const QJsonObject itemSchema = schema.value("items"_L1).toObject();
        for (qsizetype i = 0; i < items.size() && !itemSchema.isEmpty(); ++i)
            if (QString why = schemaViolation(items.at(i), itemSchema, u"%1[%2]"_s.arg(name(path)).arg(i));
                !why.isEmpty())
                return why;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value("properties"_L1).toObject();
        const QString prefix = path.isEmpty() ? QString() : path + u'.';
        for (const QJsonValue& r : schema.value("required"_L1).toArray())
            if (!object.contains(r.toString()))
                return u"%1 is required"_s.arg(prefix + r.toString());
        const bool closed = schema.value("additionalProperties"_L1) == QJsonValue(false);
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (properties.contains(it.key())) {
                if (QString why
                    = schemaViolation(it.value(), properties.value(it.key()).toObject(), prefix + it.key());
                    !why.isEmpty())
                    return why;
            } else if (closed) {
                return u"%1 is not a known argument"_s.arg(prefix + it.key());
            }
        }
    }
    return {};
}

} // namespace caseyos::llm
