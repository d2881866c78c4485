#pragma once

namespace caseyos {

class DesktopIntegration;
class MainWindow;

// Connects the tray to the main window: Show / What's up bring it forward, a clicked pop-up opens its move,
// Quit closes it for good, close-to-tray follows the option (and the tray's existence), a hide to the tray
// triggers the one-time hint, and messages go to the status bar. Call before DesktopIntegration::start() so
// its first messages arrive. Used by the app and by the tests alike.
void bindDesktopToWindow(DesktopIntegration* desktop, MainWindow* window);

} // namespace caseyos
