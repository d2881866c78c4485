#pragma once

#include <QStringList>

namespace caseyos {

// Parses the window's options ([--home DIR] [--demo] [--log-level L]), opens the workspace on the storage
// thread and shows the main window. Needs a QApplication. Returns the event loop's exit code.
int runGui(const QStringList& arguments);

} // namespace caseyos
