#pragma once

#include "agents/Agent.h"
#include "jarvis/AgentsWorker.h"
#include "core/Clock.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QUrl;

namespace caseyos {

// The Agents view's right side: the selected agent's name, domain, description and needs (and, for one that
// needs a language model, what it can do without one), its parameters when it takes any, the Run button with
// the busy state while its run is out, and its newest run (AgentRunHtml) with the moves it added as links.
class AgentDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit AgentDetailPane(const Clock& clock, QWidget* parent = nullptr);

    // `agent` null: nothing selected. `ready`: a workspace is open (runs can go out).
    void showAgent(const AgentInfo* agent, const AgentLastRun* last, bool running, bool ready);
    void setModelConfigured(bool configured);
    void showError(const QString& message); // under the Run button until the next agent or run
    QString agentName() const { return m_agent; }
    QString inputText() const; // the parameters typed for this agent, as typed

    QPushButton* runButton() const { return m_run; }
    QProgressBar* busyBar() const { return m_busy; }
    QLabel* stateLabel() const { return m_state; }
    QLabel* modelNoticeLabel() const { return m_modelNotice; }
    QLabel* needsLabel() const { return m_needs; }
    QPlainTextEdit* inputEdit() const { return m_input; }
    QTextBrowser* resultView() const { return m_result; }

Q_SIGNALS:
    void runRequested();
    void openMoveRequested(qint64 moveId);

private:
    void onLink(const QUrl& url);

    const Clock& m_clock;
    QString m_agent;
    QString m_error; // the newest run request's error, shown until the next agent or run
    QString m_html; // what the result view shows
    bool m_modelConfigured = false;
    bool m_needsModel = false;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QLabel* m_description = nullptr;
    QLabel* m_needs = nullptr;
    QLabel* m_modelNotice = nullptr;
    QLabel* m_inputLabel = nullptr;
    QPlainTextEdit* m_input = nullptr;
    QPushButton* m_run = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_state = nullptr;
    QTextBrowser* m_result = nullptr;
    QHash<QString, QString> m_inputs; // what was typed per agent, kept while switching between them
};

} // namespace caseyos
