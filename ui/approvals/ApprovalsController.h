#pragma once

#include "core/Clock.h"
#include "mcp/ApprovalService.h"

#include <QIcon>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

class QAction;
class QWidget;

namespace caseyos {

class ApprovalsClient;
class ApprovalsDialog;

// Wires the approvals into the window (issue 6): an "Approvals…" action whose icon and text carry the pending
// count (toolbar, View menu, command palette), the ApprovalsDialog it opens, and an ApprovalsClient whose
// worker thread lists, polls and decides. Approvals that another process created (the `caseyos mcp` server on
// the same database) are found by the worker's poll and leave here as pop-up requests; a click on such a
// pop-up, or on their notification in the panel, opens the dialog. Approving records the decision; the app's
// ExecutionWorker then hands the call to the executor (approvalsChanged → handOverApproved).
class ApprovalsController : public QObject
{
    Q_OBJECT
public:
    ApprovalsController(const Clock& clock, QWidget* window, QObject* parent = nullptr);
    ~ApprovalsController() override;

    // The workspace's database; polling starts at workspaceOpened() (its migrations have run by then).
    void attach(const QString& databasePath, int pollMs = 0); // 0: ApprovalsClient::kDefaultPollMs
    void workspaceOpened();

    QAction* action() const { return m_action; }
    ApprovalsDialog* dialog() const; // null until first shown
    ApprovalsClient* client() const { return m_client; }
    int pendingCount() const { return m_pending; }
    // How many listings arrived: approvals already there at the first one are not announced (tests wait for it).
    int listings() const { return m_listings; }

public Q_SLOTS:
    void showDialog();
    // A desktop pop-up was clicked: opens the dialog when it was an approval's.
    void popupClicked(qint64 notificationId);

Q_SIGNALS:
    void pendingCountChanged(int count);
    void approvalsChanged(); // listed anew: the notifications panel may have changed too
    void popupRequested(qint64 notificationId, const QString& title, const QString& message,
        int priorityWeight, qint64 moveId);

private:
    void setPendingCount(int count);
    void onListed(const QList<Approval>& pending, const QList<Approval>& decided);
    void onArrived(const QList<Approval>& approvals, const QList<qint64>& notificationIds);

    const Clock& m_clock;
    QWidget* m_window;
    QAction* m_action = nullptr;
    QIcon m_baseIcon;
    QPointer<ApprovalsDialog> m_dialog;
    ApprovalsClient* m_client = nullptr;
    int m_pollMs = 0;
    int m_pending = 0;
    QList<Approval> m_lastPending;
    QList<Approval> m_lastDecided;
    int m_listings = 0;
    QSet<qint64> m_popupIds; // notification ids whose pop-up opens the dialog
};

} // namespace caseyos
