#include "DesktopWindowBinding.h"

#include "DesktopIntegration.h"
#include "MainWindow.h"
#include "NotificationsController.h"
#include "approvals/ApprovalsController.h"
#include "execution/ExecutionController.h"
#include "notifications/WhatsUp.h"

#include <QGuiApplication>
#include <QMenu>
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
    // File ▸ Settings may have changed the quiet hours or the close-to-tray option.
    QObject::connect(window, &MainWindow::settingsChanged, desktop, &DesktopIntegration::reloadSettings);
    QObject::connect(desktop, &DesktopIntegration::showWindowRequested, window, &MainWindow::bringToFront);
    // What's up: the window comes forward with the notifications panel, and the headline goes to the status
    // bar.
    NotificationsController* notifications = window->notifications();
    QObject::connect(desktop, &DesktopIntegration::whatsUpRequested, window, [window, notifications] {
        window->showNotifications();
        notifications->requestWhatsUp();
    });
    QObject::connect(
        notifications, &NotificationsController::whatsUpReady, window, [window](const WhatsUp& summary) {
            window->statusBar()->showMessage(summary.headline, kStatusMessageMs);
        });
    // New notifications become pop-ups (the tray decides which: high and urgent, outside quiet hours and
    // pauses); the unread count goes on the tray icon.
    QObject::connect(
        notifications, &NotificationsController::popupRequested, desktop, &DesktopIntegration::notify);
    QObject::connect(notifications, &NotificationsController::unreadCountChanged, desktop,
        &DesktopIntegration::setUnreadCount);
    // The background-mode options live in View, beside the panels they concern.
    if (QMenu* view = window->viewMenu()) {
        view->addSeparator();
        view->addActions(desktop->settingsActions());
    }
    QObject::connect(desktop, &DesktopIntegration::moveActivated, window, &MainWindow::openMove);
    // Approvals an MCP client asked for pop up too; clicking one opens the approvals dialog.
    ApprovalsController* approvals = window->approvals();
    QObject::connect(approvals, &ApprovalsController::popupRequested, desktop, &DesktopIntegration::notify);
    QObject::connect(
        desktop, &DesktopIntegration::popupClicked, approvals, &ApprovalsController::popupClicked);
    // The kill switch is at hand from the tray too, with the window hidden: the same checkable action.
    ExecutionController* executions = window->executions();
    desktop->addMenuActions({ executions->killSwitchAction() });
    // A send waiting in the outbox pops up with "click to undo" — only when it can be seen now: a pop-up held
    // for quiet hours would come after the send has left.
    QObject::connect(executions, &ExecutionController::popupRequested, desktop,
        [desktop](qint64 popupId, const QString& title, const QString& message, int weight, qint64 moveId) {
            if (!desktop->isHoldingPopups())
                desktop->notify(popupId, title, message, weight, moveId);
        });
    QObject::connect(
        desktop, &DesktopIntegration::popupClicked, executions, &ExecutionController::popupClicked);
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
