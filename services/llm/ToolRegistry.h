#pragma once

#include "connectors/clients/OpenAiTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

namespace caseyos::llm {

// What running a tool may do, which decides whether the model may run it at all.
enum class ToolEffect {
    Read, // reads the app's data
    Local, // changes the app's own data (a move's status, an outcome, a saved draft)
    External, // would send or change something outside the app: its handler only prepares (a draft, a
              // preview) or answers "needs approval"; approving happens in the app, never in the chat
};

// One operation a model may call: its declaration (name, description, JSON Schema of the arguments) and a
// handler that gets arguments already checked against that schema and answers a JSON object — {"ok": true,
// …} or {"ok": false, "error": "…"}.
struct Tool
{
    ToolDefinition definition;
    ToolEffect effect = ToolEffect::Read;
    std::function<QJsonObject(const QJsonObject& arguments)> handler;
};

// One call as it was run: the result is what goes back to the model.
struct ToolOutcome
{
    QString callId;
    QString name;
    QJsonObject arguments;
    QJsonObject result;
    bool ok() const { return result.value(QLatin1StringView("ok")).toBool(); }
};

// The tools of one assistant. run() never trusts the model: an unknown name, arguments that are not a JSON
// object, or arguments the schema refuses become an error result (sent back to the model so it can correct
// itself) and the handler is not called.
class ToolRegistry
{
public:
    void add(Tool tool);
    QList<ToolDefinition> definitions() const;
    const Tool* find(const QString& name) const;
    QStringList names() const;

    ToolOutcome run(const ToolCall& call) const;

    static QJsonObject error(const QString& message); // {"ok": false, "error": message}

private:
    QList<Tool> m_tools;
};

} // namespace caseyos::llm
