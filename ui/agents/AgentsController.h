#pragma once

#include "jarvis/AgentsClient.h"
#include "core/Clock.h"

#include <QObject>
#include <functional>

class QDockWidget;

namespace caseyos {

class AgentsClient;
class AgentsView;
class TriageController;
class WorkspaceStatusBar;

// Wires the Agents dock: once the workspace is open (TriageController::opened) an AgentsClient runs on its
// own thread over its database. The agents' newest runs are listed when the dock is shown; Run sends the
// selected agent (with its parameters) to the worker and shows it busy until the run is back; the run's
// result fills its row and the detail, and the moves it added go into Today's Moves in place
// (TriageController:: showChangedRows, as Jarvis and outcomes do) so the list shows them at once. Move links
// open the move.
class AgentsController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        AgentsView* view = nullptr;
        QDockWidget* dock = nullptr; // holds the view
        TriageController* triage = nullptr;
        WorkspaceStatusBar* statusBar = nullptr;
    };
    AgentsController(const Parts& parts, const Clock& clock, QObject* parent = nullptr);

    // Whether agents may use a language model, asked each time the dock is shown (default: Jarvis's settings
    // name a provider and allow agents to use it — jarvis::agentModelAllowed).
    void setModelConfiguredSource(std::function<bool()> source);
    // What each run may use beyond the workspace (the model's key, the accounts for a live calendar), read at
    // each run; handed to the client when the workspace opens.
    void setAccessSource(AgentsClient::AccessSource source);
    AgentsClient* client() const { return m_client; } // null until the workspace is open

    void refresh(); // lists the newest runs again (no-op before the workspace is open)
    void run(const QString& agent, const QString& inputText = {});

Q_SIGNALS:
    void openMoveRequested(qint64 moveId);
    void runFinished(const caseyos::AgentRunReport& report); // after the view and the moves list show it

private:
    void workspaceOpened();
    void onRunFinished(const AgentRunReport& report);
    void updateModelNotice();

    Parts m_parts;
    const Clock& m_clock;
    AgentsClient* m_client = nullptr;
    AgentsClient::AccessSource m_access;
    std::function<bool()> m_modelConfigured;
};

} // namespace caseyos
