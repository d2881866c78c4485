#pragma once

#include <QStringList>

namespace caseyos::cli {

// True when the arguments name no subcommand (and no --help / --version): the window should open.
bool isGuiInvocation(int argc, char** argv);

// Runs a CLI subcommand (ingest, today, move, health) or --help / --version. Needs only a
// QCoreApplication. Returns the process exit code.
int run(const QStringList& arguments);

} // namespace caseyos::cli
