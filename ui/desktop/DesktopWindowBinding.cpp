#include "DesktopWindowBinding.h"

#include "DesktopIntegration.h"
#include "MainWindow.h"

#include <QGuiApplication>
#include <QSessionManager>
#include <QStatusBar>

namespace caseyos {

namespace {
constexpr int kStatusMessageMs = 30000;
}

void bindDesktopToWindow(DesktopIntegration* desktop, MainWindow* window)
{
    window->setCloseToTray(desktop->closeToTray());
    QObject::connect(desktop, &DesktopIntegration::closeToTrayChanged, window, &MainWindow::setCloseToTray);
    QObject::connect(window, &MainWindow::hiddenToTray, desktop, &DesktopIntegration::windowHiddenToTray);
    QObject::connect(desktop, &DesktopIntegration::showWindowRequested, window, &MainWindow::bringToFront);
    // The summary itself is the notifications panel's; at least the window comes forward to show it.
    QObject::connect(desktop, &DesktopIntegration::whatsUpRequested, window, &MainWindow::bringToFront);
    QObject::connect(desktop, &DesktopIntegration::moveActivated, window, &MainWindow::openMove);
    QObject::connect(desktop, &DesktopIntegration::quitRequested, window, &MainWindow::quitApplication);
    QObject::connect(desktop, &DesktopIntegration::statusMessage, window,
        [window](const QString& text) { window->statusBar()->showMessage(text, kStatusMessageMs); });
    // Logging out asks every window to close; a window that only hides would cancel the logout.
    if (auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        QObject::connect(app, &QGuiApplication::commitDataRequest, window,
            [window](QSessionManager&) { window->setCloseToTray(false); });
    }
}

} // namespace caseyos
