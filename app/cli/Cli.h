#pragma once

#include <QStringList>

namespace caseyos::cli {

// True when the arguments name no subcommand (and no --help / --version): the window should open.
bool isGuiInvocation(int argc, char** argv);

// Runs a CLI subcommand (ingest, today, move, health) or --help / --version. Needs only a
// QCoreApplication. Returns the process exit code.
int run(const QStringList& arguments);

// outcome record|stats|types (CliOutcome.cpp).
int runOutcome(const QStringList& arguments);

// Notification commands (CliNotifications.cpp, CliDaemon.cpp).
int runNotifications(const QStringList& arguments); // notifications [read|dismiss|snooze ID]
int runWhatsUp(const QStringList& arguments); // whats-up
int runDaemon(const QStringList& arguments); // daemon [--interval MINUTES] [--once]

// MCP server and its approvals (CliMcp.cpp, CliApprovals.cpp).
int runMcp(const QStringList& arguments); // mcp [--print-config]
int runApprovals(const QStringList& arguments); // approvals [list|approve ID|reject ID] [--json]
int runAsk(const QStringList& arguments); // ask TEXT... [--json]
int runJarvis(const QStringList& arguments); // jarvis config [--provider …] (CliJarvis.cpp)
int runMemory(const QStringList& arguments); // memory search QUERY | sessions | forget ID [--json]

// The audit log (CliAudit.cpp).
int runAudit(const QStringList& arguments); // audit [verify|list|prune] [--json]

// caseyos agent list|run NAME (CliAgent.cpp).
int runAgent(const QStringList& arguments);

// Execution (CliExecute.cpp): move execute ID [--dry-run] [--yes] [--json], and undo [EXECUTION_ID].
int runMoveExecute(const QStringList& arguments);
int runUndo(const QStringList& arguments);
int runKillSwitch(const QStringList& arguments); // kill-switch [on|off] [--json]

} // namespace caseyos::cli
