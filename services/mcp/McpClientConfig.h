#pragma once

#include <QByteArray>
#include <QString>

namespace caseyos {

// The snippet an MCP client (Claude Desktop's claude_desktop_config.json and others) needs to start CaseyOS
// as its server: {"mcpServers": {"caseyos": {"command": program, "args": ["mcp", "--home", home(,
// "--demo")]}}} as indented JSON. `caseyos mcp --print-config` prints it and File ▸ Settings ▸ MCP copies it,
// so both give the same text for the same data folder.
QByteArray mcpClientConfig(const QString& program, const QString& home, bool demo);

} // namespace caseyos
