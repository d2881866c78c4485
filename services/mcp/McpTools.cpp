#include "mcp/McpTool.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace caseyos::mcp {

const QList<ToolDef>& allTools()
{
    static const QList<ToolDef> tools = [] {
        QList<ToolDef> list = moveTools();
        list += infoTools();
        list += actionTools();
        // An output schema names what is always there; the data carries more fields (a move has 20), so
        // output schemas stay open (clients validate structuredContent against them).
        for (ToolDef& tool : list)
            tool.outputSchema.remove(u"additionalProperties"_s);
        return list;
    }();
    return tools;
}

const ToolDef* findTool(const QString& name)
{
    for (const ToolDef& tool : allTools())
        if (tool.name == name)
            return &tool;
    return nullptr;
}

QJsonObject objectSchema(const QJsonObject& properties, const QStringList& required)
{
    QJsonObject schema { { u"type"_s, u"object"_s }, { u"properties"_s, properties },
        { u"additionalProperties"_s, false } };
    if (!required.isEmpty())
        schema.insert(u"required"_s, QJsonArray::fromStringList(required));
    return schema;
}

QJsonObject integerSchema(const QString& description, double minimum, double maximum)
{
    return { { u"type"_s, u"integer"_s }, { u"description"_s, description }, { u"minimum"_s, minimum },
        { u"maximum"_s, maximum } };
}

QJsonObject stringSchema(const QString& description, int maxLength, int minLength)
{
    QJsonObject schema { { u"type"_s, u"string"_s }, { u"description"_s, description },
        { u"maxLength"_s, maxLength } };
    if (minLength > 0)
        schema.insert(u"minLength"_s, minLength);
    return schema;
}

QJsonObject looseObjectSchema(const QString& description)
{
    QJsonObject schema { { u"type"_s, u"object"_s } };
    if (!description.isEmpty())
        schema.insert(u"description"_s, description);
    return schema;
}

QJsonObject arrayOfObjectsSchema(const QString& description)
{
    return { { u"type"_s, u"array"_s }, { u"description"_s, description },
        { u"items"_s, QJsonObject { { u"type"_s, u"object"_s } } } };
}

} // namespace caseyos::mcp
