#include "OutcomesController.h"

#include "MoveDetailPane.h"
#include "TriageController.h"
#include "WorkspaceStatusBar.h"
#include "outcomes/OutcomesClient.h"
#include "outcomes/OutcomesView.h"
#include "workspace/WorkspaceClient.h"

#include <QDockWidget>

using namespace Qt::StringLiterals;

namespace caseyos {

OutcomesController::OutcomesController(const Parts& parts, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
    , m_clock(clock)
{
    connect(m_parts.view, &OutcomesView::periodChanged, this, [this](int) { refreshStats(); });
    connect(m_parts.dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refreshStats();
    });
}

void OutcomesController::attach(WorkspaceClient* workspace)
{
    delete m_client;
    m_workspace = workspace;
    m_client = new OutcomesClient(workspace->databasePath(), m_clock, workspace->storageThread(), this);
    connect(m_parts.detail, &MoveDetailPane::outcomeRequested, m_client, &OutcomesClient::recordForMove);
    connect(m_client, &OutcomesClient::recorded, this,
        [this](const OutcomeRecordResult& result, const QList<MoveRow>& rows) {
            m_parts.triage->showChangedRows(rows);
            const QString who = result.outcome.contactEmail.isEmpty()
                ? QString()
                : u" for "_s + result.outcome.contactEmail;
            const int rescored = int(result.rescored.size());
            m_parts.statusBar->showMessage(
                u"Recorded %1%2 · %3 open move%4 re-scored"_s.arg(outcomeTypeLabel(result.outcome.type), who)
                    .arg(rescored)
                    .arg(rescored == 1 ? QString() : u"s"_s),
                6000);
            // The pane's history and "last outcome" line come from the detail, which the rows do not carry.
            if (result.move && m_workspace && m_parts.detail->moveId() == result.move->after.id)
                m_workspace->loadDetail(result.move->after.id);
            if (m_parts.dock->isVisible())
                refreshStats();
        });
    connect(m_client, &OutcomesClient::failed, this, [this](const QString& message) {
        m_parts.statusBar->showMessage(u"Outcome not recorded: "_s + message, 10000);
    });
    connect(m_client, &OutcomesClient::statsLoaded, m_parts.view, &OutcomesView::setStats);
    if (m_parts.dock->isVisible())
        refreshStats();
}

void OutcomesController::refreshStats()
{
    if (m_client)
        m_client->loadStats(m_parts.view->days());
}

} // namespace caseyos
