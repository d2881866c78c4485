#include "AgentsController.h"

#include "AgentText.h"
#include "AgentsModel.h"
#include "AgentsView.h"
#include "TriageController.h"
#include "WorkspaceStatusBar.h"
#include "jarvis/AgentsClient.h"
#include "llm/LlmSettings.h"
#include "workspace/WorkspaceClient.h"

#include <QDockWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include "jarvis/AgentModelStep.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace caseyos {

AgentsController::AgentsController(const Parts& parts, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
    , m_clock(clock)
    , m_modelConfigured([] { return jarvis::agentModelAllowed(llm::LlmSettings::load(QSettings())); })
{
    updateModelNotice();
    connect(m_parts.triage, &TriageController::opened, this, [this](bool ok) {
        if (ok)
            workspaceOpened();
    });
    connect(m_parts.dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible)
            return;
        updateModelNotice();
        refresh(); // runs from the CLI or Jarvis since the dock was last shown
    });
    connect(m_parts.view, &AgentsView::runRequested, this, &AgentsController::run);
    connect(m_parts.view, &AgentsView::openMoveRequested, this, &AgentsController::openMoveRequested);
}

void AgentsController::setModelConfiguredSource(std::function<bool()> source)
{
    m_modelConfigured = std::move(source);
    updateModelNotice();
}

void AgentsController::setAccessSource(AgentsClient::AccessSource source)
{
    m_access = std::move(source);
    if (m_client)
        m_client->setAccessSource(m_access);
}

void AgentsController::updateModelNotice()
{
    m_parts.view->setModelConfigured(m_modelConfigured && m_modelConfigured());
}

void AgentsController::workspaceOpened()
{
    WorkspaceClient* workspace = m_parts.triage->client();
    if (!workspace)
        return;
    // Another workspace (or the same one opened again): runs still out on the old client are dropped with it.
    delete m_client;
    m_parts.view->model()->clearRunning();
    m_client = new AgentsClient(workspace->databasePath(), m_clock, this);
    m_client->setAccessSource(m_access);
    connect(m_client, &AgentsClient::listed, m_parts.view->model(), &AgentsModel::setLastRuns);
    connect(m_client, &AgentsClient::runFinished, this, &AgentsController::onRunFinished);
    connect(m_client, &AgentsClient::failed, this,
        [this](const QString& message) { m_parts.statusBar->showMessage(message, 10000); });
    m_parts.view->setReady(true);
    if (m_parts.dock->isVisible())
        refresh();
}

void AgentsController::refresh()
{
    if (m_client)
        m_client->list();
}

void AgentsController::run(const QString& agent, const QString& inputText)
{
    if (!m_client) {
        m_parts.view->showRunError(agent, tr("No workspace is open yet."));
        return;
    }
    QJsonObject input;
    if (!inputText.trimmed().isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(inputText.toUtf8(), &error);
        if (!doc.isObject()) {
            m_parts.view->showRunError(agent,
                tr("The parameters must be a JSON object, like {\"text\": \"…\"} (%1).")
                    .arg(
                        error.error == QJsonParseError::NoError ? tr("not an object") : error.errorString()));
            return;
        }
        input = doc.object();
    }
    m_parts.view->model()->setRunning(agent, true);
    m_client->run(agent, input);
}

void AgentsController::onRunFinished(const AgentRunReport& report)
{
    AgentsModel* model = m_parts.view->model();
    model->setRunning(report.agent, false);
    if (report.run.record.id > 0)
        model->setLastRun(report.run);
    // The moves were written on the agents' thread: the list learns of them here, in place.
    if (!report.run.moves.isEmpty())
        m_parts.triage->showChangedRows(report.run.moves);

    const QString name = AgentText::displayName(report.agent);
    if (!report.error.isEmpty()) {
        m_parts.view->showRunError(report.agent, report.error);
        m_parts.statusBar->showMessage(tr("%1 did not run: %2").arg(name, report.error), 10000);
    } else {
        const AgentRunRecord& record = report.run.record;
        const int added = record.movesCreated;
        const QString moves = added == 0 ? tr("no new moves")
            : added == 1                 ? tr("1 move added to Today's Moves")
                                         : tr("%1 moves added to Today's Moves").arg(added);
        m_parts.statusBar->showMessage(
            tr("%1: %2 — %3").arg(name, AgentText::statusLabel(record.status), moves), 8000);
    }
    Q_EMIT runFinished(report);
}

} // namespace caseyos
