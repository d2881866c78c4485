#include "ApprovalsController.h"

#include "ApprovalsDialog.h"
#include "desktop/BadgeIcon.h"
#include "mcp/ApprovalsClient.h"
#include "mcp/McpSettings.h"

#include <QAction>
#include <QListWidget>
#include <QSettings>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {
constexpr int kPopupWeight = 75; // high: an MCP client is waiting on the user (PRODUCT.md §5)
}

ApprovalsController::ApprovalsController(const Clock& clock, QWidget* window, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_window(window)
    , m_baseIcon(u":/icons/approvals.svg"_s)
{
    m_action = new QAction(m_baseIcon, tr("A&pprovals…"), this);
    m_action->setObjectName(u"approvalsAction"_s);
    m_action->setShortcut(QKeySequence(u"Ctrl+Shift+A"_s));
    m_action->setShortcutContext(Qt::ApplicationShortcut);
    m_action->setToolTip(tr("Calls MCP clients asked to run: approve or reject them"));
    connect(m_action, &QAction::triggered, this, &ApprovalsController::showDialog);
}

// The client's thread stops here (after a decision in progress), before the window's widgets go.
ApprovalsController::~ApprovalsController()
{
    delete m_client;
}

void ApprovalsController::attach(const QString& databasePath, int pollMs)
{
    delete m_client;
    m_pollMs = pollMs > 0 ? pollMs : ApprovalsClient::kDefaultPollMs;
    m_client = new ApprovalsClient(databasePath, m_clock, this);
    connect(m_client, &ApprovalsClient::listed, this, &ApprovalsController::onListed);
    connect(m_client, &ApprovalsClient::arrived, this, &ApprovalsController::onArrived);
    connect(m_client, &ApprovalsClient::decided, this, [this](const Approval& approval) {
        if (m_dialog)
            m_dialog->showDecided(approval);
    });
    connect(m_client, &ApprovalsClient::failed, this, [this](const QString& message) {
        qWarning("Approvals: %s", qPrintable(message));
        if (m_dialog)
            m_dialog->showError(message);
    });
}

ApprovalsDialog* ApprovalsController::dialog() const
{
    return m_dialog;
}

void ApprovalsController::workspaceOpened()
{
    if (m_client)
        m_client->start(m_pollMs);
}

void ApprovalsController::showDialog()
{
    if (!m_dialog) {
        m_dialog = new ApprovalsDialog(m_clock, m_window);
        m_dialog->setApprovals(m_lastPending, m_lastDecided);
        connect(m_dialog, &ApprovalsDialog::approveRequested, this, [this](qint64 id) {
            if (m_client)
                m_client->approve(id);
        });
        connect(m_dialog, &ApprovalsDialog::allowToolRequested, this, [](const QString& tool) {
            QSettings settings;
            allowMcpTool(settings, tool);
        });
        connect(m_dialog, &ApprovalsDialog::rejectRequested, this, [this](qint64 id) {
            if (m_client)
                m_client->reject(id);
        });
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    m_dialog->list()->setFocus(Qt::OtherFocusReason);
    if (m_client)
        m_client->refresh(); // what the last poll saw is shown at once; this brings the latest
}

void ApprovalsController::popupClicked(qint64 notificationId)
{
    if (notificationId > 0 && m_popupIds.contains(notificationId))
        showDialog();
}

void ApprovalsController::onListed(const QList<Approval>& pending, const QList<Approval>& decided)
{
    ++m_listings;
    m_lastPending = pending;
    m_lastDecided = decided;
    if (m_dialog)
        m_dialog->setApprovals(pending, decided);
    setPendingCount(int(pending.size()));
    Q_EMIT approvalsChanged();
}

void ApprovalsController::onArrived(const QList<Approval>& approvals, const QList<qint64>& notificationIds)
{
    for (qsizetype i = 0; i < approvals.size(); ++i) {
        const Approval& a = approvals[i];
        const qint64 notificationId = notificationIds.value(i);
        if (notificationId > 0)
            m_popupIds.insert(notificationId);
        Q_EMIT popupRequested(notificationId, ApprovalService::notificationTitle(a.id),
            tr("%1 (tool %2). Open Approvals to decide.").arg(a.summary, a.tool), kPopupWeight, 0);
    }
}

void ApprovalsController::setPendingCount(int count)
{
    if (count == m_pending)
        return;
    m_pending = count;
    m_action->setIcon(BadgeIcon::icon(m_baseIcon, count));
    m_action->setText(count > 0 ? tr("A&pprovals (%1)…").arg(count) : tr("A&pprovals…"));
    Q_EMIT pendingCountChanged(count);
}

} // namespace caseyos
