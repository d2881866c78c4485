#pragma once

namespace caseyos {

class DesktopIntegration;
class MainWindow;

// Connects the tray to the main window: Show brings it forward, What's up opens the notifications panel with
// the headline in the status bar, new notifications become pop-ups and the unread count a badge, a clicked pop-up opens its move,
// Quit closes it for good, close-to-tray follows the option (and the tray's existence), a hide to the tray
// triggers the one-time hint, and messages go to the status bar. Call before DesktopIntegration::start() so
// its first messages arrive. Used by the app and by the tests alike.
void bindDesktopToWindow(DesktopIntegration* desktop, MainWindow* window);

} // namespace caseyos
