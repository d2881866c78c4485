#include "NotificationsController.h"

#include "WorkspaceStatusBar.h"
#include "checks/BackgroundScheduler.h"
#include "notifications/NotificationsClient.h"
#include "notifications/NotificationsPanel.h"
#include "notifications/WhatsUp.h"
#include "workspace/WorkspaceClient.h"

#include <QDockWidget>

using namespace Qt::StringLiterals;

namespace caseyos {

NotificationsController::NotificationsController(const Parts& parts, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
    , m_clock(clock)
{
    connect(m_parts.panel, &NotificationsPanel::openMoveRequested, this,
        &NotificationsController::openMoveRequested);
    connect(m_parts.panel, &NotificationsPanel::unreadCountChanged, this, [this](int count) {
        m_parts.dock->setWindowTitle(count > 0 ? u"Notifications (%1)"_s.arg(count) : u"Notifications"_s);
    });
}

// The client's worker lives on the storage thread and the scheduler owns a thread: both stop here, before
// the workspace client (their parent's sibling) ends the storage thread.
NotificationsController::~NotificationsController()
{
    delete m_scheduler;
    delete m_client;
}

void NotificationsController::attach(WorkspaceClient* workspace)
{
    delete m_scheduler;
    m_scheduler = nullptr;
    delete m_client;
    m_databasePath = workspace->databasePath();
    m_client = new NotificationsClient(m_databasePath, m_clock, workspace->storageThread(), this);
    NotificationsPanel* panel = m_parts.panel;
    connect(m_client, &NotificationsClient::loaded, panel, &NotificationsPanel::setNotifications);
    connect(m_client, &NotificationsClient::changed, panel, &NotificationsPanel::applyChange);
    connect(m_client, &NotificationsClient::failed, panel, &NotificationsPanel::showError);
    connect(m_client, &NotificationsClient::allMarkedRead, m_client, &NotificationsClient::load);
    connect(m_client, &NotificationsClient::unreadCountChanged, this,
        &NotificationsController::unreadCountChanged);
    connect(m_client, &NotificationsClient::whatsUpReady, this, &NotificationsController::whatsUpReady);
    connect(panel, &NotificationsPanel::markReadRequested, m_client, &NotificationsClient::markRead);
    connect(panel, &NotificationsPanel::dismissRequested, m_client, &NotificationsClient::dismiss);
    connect(panel, &NotificationsPanel::snoozeRequested, m_client, &NotificationsClient::snooze);
    connect(panel, &NotificationsPanel::markAllReadRequested, m_client, &NotificationsClient::markAllRead);
}

void NotificationsController::workspaceOpened()
{
    if (!m_client)
        return;
    m_client->load();
    if (m_scheduler)
        return;
    // Started only now: the workspace's open ran the migrations, so two first-time migrators never race.
    m_scheduler = new BackgroundScheduler(m_databasePath, m_clock);
    connect(m_scheduler, &BackgroundScheduler::notificationsCreated, this,
        [this](const QList<Notification>& created) {
            for (const Notification& n : created)
                Q_EMIT popupRequested(n.id, n.title, n.message, weight(n.priority), n.moveId);
            // load(), not addNotifications: a new "N overdue moves" replaces the older one.
            m_client->load();
        });
    connect(m_scheduler, &BackgroundScheduler::unreadCountChanged, this,
        &NotificationsController::unreadCountChanged);
    connect(m_scheduler, &BackgroundScheduler::checkFailed, this, [this](const QString& message) {
        qWarning("Background checks: %s", qPrintable(message));
        m_parts.statusBar->showMessage(u"Background checks failed: "_s + message, 10000);
    });
    m_scheduler->start();
}

void NotificationsController::importFinished()
{
    if (m_scheduler)
        m_scheduler->runNow();
}

void NotificationsController::requestWhatsUp()
{
    if (m_client)
        m_client->whatsUp();
}

} // namespace caseyos
