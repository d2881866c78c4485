#pragma once

#include <QStringList>

namespace caseyos {

// Parses the window's options ([--home DIR] [--demo] [--log-level L] [--minimized]). When CaseyOS already
// runs for the same database, hands the arguments to it and returns 0 at once (single instance). Otherwise
// sets up the tray (DesktopIntegration), opens the workspace on the storage thread and shows the main window
// (or only the tray icon with --minimized). Needs a QApplication. Returns the event loop's exit code.
int runGui(const QStringList& arguments);

} // namespace caseyos
