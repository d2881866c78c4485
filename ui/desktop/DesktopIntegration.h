#pragma once

#include "core/Clock.h"
#include "desktop/AutostartEntry.h"
#include "desktop/PopupQueue.h"
#include "desktop/QuietHours.h"

#include <QIcon>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

class QAction;
class QMenu;
class QSettings;
class QSystemTrayIcon;

namespace caseyos {

// The one class for the system tray and desktop notifications (ENGINEERING.md): the tray icon with the
// unread count and its menu (Show CaseyOS, What's up, Pause notifications, Quit), pop-ups for high and urgent
// notifications (held during quiet hours and while paused, then shown or summarised), and the background-mode
// options (keep running in the tray when the window closes, open at login).
// It knows no window and no notification store: it is driven through setUnreadCount() / notify() and says
// what the user asked for through signals; bindDesktopToWindow() connects it to the main window.
// Where the desktop has no tray it degrades: no icon, no close-to-tray, one message saying so.
class DesktopIntegration : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString home; // the data folder; the login entry passes it as --home unless it is the default
        QString defaultHome; // the folder used without --home
        QString program; // what the login entry runs; empty: this executable
        QString settingsFile; // empty: the app's QSettings; tests pass an INI file of their own
        AutostartEntry::Mechanism autostart = AutostartEntry::platformMechanism();
        bool allowTray = true; // false: behave as on a desktop without a tray
    };

    static QString closeToTrayKey() { return QStringLiteral("desktop/closeToTray"); } // default true
    static QString trayHintShownKey() { return QStringLiteral("desktop/trayHintShown"); }

    DesktopIntegration(const Clock& clock, Options options, QObject* parent = nullptr);
    ~DesktopIntegration() override;

    // Creates the tray icon where a tray exists, else says once (log + statusMessage) that background mode is
    // unavailable. Emits closeToTrayChanged() with the effective setting. Call after connecting.
    void start();

    bool trayAvailable() const { return m_trayAvailable; }
    bool closeToTray() const; // the option is on and a tray exists
    bool isPaused() const { return m_paused; }
    int unreadCount() const { return m_unread; }
    QuietHours quietHours() const { return m_quietHours; }
    void setQuietHours(const QuietHours& hours); // saved in the settings; may release held pop-ups
    bool isHoldingPopups() const; // paused, or quiet hours now
    int heldPopupCount() const { return m_queue.heldCount(); }
    QString toolTip() const;

    // Checkable options for a settings menu: keep running in the tray when the window closes; open at login.
    QList<QAction*> settingsActions() const { return { m_closeToTrayAction, m_openAtLoginAction }; }
    QAction* closeToTrayAction() const { return m_closeToTrayAction; }
    QAction* openAtLoginAction() const { return m_openAtLoginAction; }
    QAction* showAction() const { return m_showAction; }
    QAction* whatsUpAction() const { return m_whatsUpAction; }
    QAction* pauseAction() const { return m_pauseAction; }
    QAction* quitAction() const { return m_quitAction; }
    QSystemTrayIcon* trayIcon() const { return m_tray; } // null without a tray
    QMenu* trayMenu() const { return m_menu.get(); }
    // Window commands that belong in the tray menu too (the Kill Switch), placed above Quit. The actions stay
    // the caller's; a deleted one leaves the menu by itself.
    void addMenuActions(const QList<QAction*>& actions);
    static QString backgroundUnavailableMessage();

public Q_SLOTS:
    void setUnreadCount(int count);
    // A new notification. High (≥ 75) and urgent (100) ones pop up, unless held; a click opens `moveId`
    // (0: the window). The same notificationId pops up once.
    void notify(qint64 notificationId, const QString& title, const QString& message, int priorityWeight,
        qint64 moveId);
    void setPaused(bool paused);
    // Reads the quiet hours and the close-to-tray option again (the settings dialog wrote them).
    void reloadSettings();
    // The window went to the tray: the first time ever, a pop-up says CaseyOS keeps running there.
    void windowHiddenToTray();
    // Shows what was held once the hold has ended (also run by a timer; public for tests with a fake clock).
    void releaseIfHoldEnded();

Q_SIGNALS:
    void showWindowRequested();
    void whatsUpRequested();
    void pausedChanged(bool paused);
    void quitRequested();
    void moveActivated(qint64 moveId); // a pop-up for that move was clicked
    void popupClicked(qint64 notificationId); // any pop-up was clicked (0: a summary or a hint)
    void closeToTrayChanged(bool enabled); // effective value (false without a tray)
    void statusMessage(const QString& text); // for the window's status bar
    void popupShown(qint64 notificationId, const QString& title); // 0: a summary or a hint

private:
    std::unique_ptr<QSettings> settings() const;
    void createActions();
    void createTray();
    void refreshTray();
    void showPopup(const Popup& popup);
    void scheduleHoldCheck();
    void setCloseToTrayOption(bool on);
    void setOpenAtLogin(bool on);
    void onMessageClicked();

    const Clock& m_clock;
    Options m_options;
    AutostartEntry m_autostart;
    QuietHours m_quietHours;
    PopupQueue m_queue;
    QIcon m_baseIcon;
    bool m_started = false;
    bool m_trayAvailable = false;
    bool m_paused = false;
    int m_unread = 0;
    qint64 m_lastPopupMoveId = 0; // what a click on the last pop-up opens
    qint64 m_lastPopupNotificationId = 0;
    QTimer m_holdTimer;

    std::unique_ptr<QMenu> m_menu; // a QMenu has no QObject parent here (it is a widget)
    QAction* m_showAction = nullptr;
    QAction* m_whatsUpAction = nullptr;
    QAction* m_pauseAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_closeToTrayAction = nullptr;
    QAction* m_openAtLoginAction = nullptr;
    QSystemTrayIcon* m_tray = nullptr;
};

} // namespace caseyos
