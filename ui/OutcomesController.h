#pragma once

#include "core/Clock.h"

#include <QObject>
#include <QPointer>

class QDockWidget;

namespace caseyos {

class MoveDetailPane;
class OutcomesClient;
class OutcomesView;
class TriageController;
class WorkspaceClient;
class WorkspaceStatusBar;

// Wires outcomes into the window: the detail pane's "Record outcome…" goes to an OutcomesClient on the
// storage thread; the completed move and the contact's re-scored moves come back as rows that update the list
// in place (so the new order is visible at once); the Outcomes view, in a dock, loads its stats when shown
// and after every recorded outcome.
class OutcomesController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        TriageController* triage = nullptr;
        MoveDetailPane* detail = nullptr;
        OutcomesView* view = nullptr;
        QDockWidget* dock = nullptr; // holds the view
        WorkspaceStatusBar* statusBar = nullptr;
    };
    OutcomesController(const Parts& parts, const Clock& clock, QObject* parent = nullptr);

    // A workspace was attached: outcomes go to its database, on its storage thread.
    void attach(WorkspaceClient* workspace);
    OutcomesClient* client() const { return m_client; }

private:
    void refreshStats();
    Parts m_parts;
    const Clock& m_clock;
    QPointer<WorkspaceClient> m_workspace;
    OutcomesClient* m_client = nullptr;
};

} // namespace caseyos
