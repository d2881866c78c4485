#include "mcp/McpClientConfig.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace caseyos {

QByteArray mcpClientConfig(const QString& program, const QString& home, bool demo)
{
    QJsonArray args { u"mcp"_s, u"--home"_s, QDir(home).absolutePath() };
    if (demo)
        args.append(u"--demo"_s);
    const QJsonObject server { { u"command"_s, program }, { u"args"_s, args } };
    return QJsonDocument(QJsonObject { { u"mcpServers"_s, QJsonObject { { u"caseyos"_s, server } } } })
        .toJson(QJsonDocument::Indented);
}

} // namespace caseyos
