#include "llm/ToolRegistry.h"

#include "llm/JsonSchemaCheck.h"

using namespace Qt::StringLiterals;

namespace caseyos::llm {

void ToolRegistry::add(Tool tool)
{
    m_tools.append(std::move(tool));
}

QList<ToolDefinition> ToolRegistry::definitions() const
{
    QList<ToolDefinition> out;
    for (const Tool& t : m_tools)
        out.append(t.definition);
    return out;
}

const Tool* ToolRegistry::find(const QString& name) const
{
    for (const Tool& t : m_tools)
        if (t.definition.name == name)
            return &t;
    return nullptr;
}

QStringList ToolRegistry::names() const
{
    QStringList out;
    for (const Tool& t : m_tools)
        out.append(t.definition.name);
    return out;
}

QJsonObject ToolRegistry::error(const QString& message)
{
    return QJsonObject { { u"ok"_s, false }, { u"error"_s, message } };
}

ToolOutcome ToolRegistry::run(const ToolCall& call) const
{
    ToolOutcome outcome;
    outcome.callId = call.id;
    outcome.name = call.name;
    outcome.arguments = call.arguments;
    const Tool* tool = find(call.name);
    if (!tool) {
        outcome.result = error(u"There is no tool named \"%1\". Known tools: %2."_s.arg(
            call.name.left(80), names().join(u", "_s)));
        return outcome;
    }
    if (!call.argumentsError.isEmpty()) {
        outcome.result
            = error(u"The arguments for %1 could not be read (%2). Call it again with a JSON object "
                    "that matches its schema."_s.arg(call.name, call.argumentsError));
        return outcome;
    }
    const QString violation = schemaViolation(call.arguments, tool->definition.parameters);
    if (!violation.isEmpty()) {
        outcome.result = error(u"Invalid arguments for %1: %2. Call it again with arguments that match its "
                               "schema."_s.arg(call.name, violation));
        return outcome;
    }
    outcome.result = tool->handler(call.arguments);
    if (!outcome.result.contains("ok"_L1))
        outcome.result.insert(u"ok"_s, true);
    return outcome;
}

} // namespace caseyos::llm
