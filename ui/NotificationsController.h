#pragma once

#include "core/Clock.h"

#include <QObject>
#include <QPointer>

class QDockWidget;

namespace caseyos {

class BackgroundScheduler;
class NotificationsClient;
class NotificationsPanel;
class WorkspaceClient;
class WorkspaceStatusBar;
struct WhatsUp;

// Wires notifications into the window: the panel (in a dock) reads and changes them through a
// NotificationsClient on the storage thread; the background checks run on the scheduler thread once the
// workspace is open (its migrations have run), and after every import. What the desktop needs — pop-ups for
// new notifications, the unread count, "what's up" — leaves through this object's signals, so the tray code
// does not know about databases.
class NotificationsController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        NotificationsPanel* panel = nullptr;
        QDockWidget* dock = nullptr; // holds the panel
        WorkspaceStatusBar* statusBar = nullptr;
    };
    NotificationsController(const Parts& parts, const Clock& clock, QObject* parent = nullptr);
    ~NotificationsController() override;

    // A workspace was attached; checks start when it reports that it opened.
    void attach(WorkspaceClient* workspace);
    void workspaceOpened(); // starts the scheduler and loads the panel
    void importFinished(); // new signals: an extra pass of the checks
    void requestWhatsUp(); // → whatsUpReady

    NotificationsClient* client() const { return m_client; }
    BackgroundScheduler* scheduler() const { return m_scheduler; }

Q_SIGNALS:
    void popupRequested(qint64 notificationId, const QString& title, const QString& message,
        int priorityWeight, qint64 moveId);
    void unreadCountChanged(int count);
    void whatsUpReady(const caseyos::WhatsUp& summary);
    void openMoveRequested(qint64 moveId);

private:
    Parts m_parts;
    const Clock& m_clock;
    QString m_databasePath;
    NotificationsClient* m_client = nullptr;
    BackgroundScheduler* m_scheduler = nullptr;
};

} // namespace caseyos
