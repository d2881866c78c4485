#pragma once

#include "core/Clock.h"

#include <QWidget>

class QKeyEvent;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTreeView;

namespace caseyos {

class AgentDetailPane;
class AgentsFilterProxy;
class AgentsModel;

// The Agents dock's content (PRODUCT.md §6): a filter line, every agent grouped by domain with what it needs,
// when it last ran and what it found, and the selected agent's detail with its Run button. Keys in the list:
// Enter or Ctrl+R runs the selected agent (the list claims Ctrl+R from the window's Reload while it has the
// keyboard), typing filters. It only shows and asks: AgentsController runs and feeds the model.
class AgentsView : public QWidget
{
    Q_OBJECT
public:
    explicit AgentsView(const Clock& clock, QWidget* parent = nullptr);

    AgentsModel* model() const { return m_model; }
    AgentsFilterProxy* proxy() const { return m_proxy; }
    QTreeView* tree() const { return m_tree; }
    QLineEdit* filterLine() const { return m_filter; }
    AgentDetailPane* detail() const { return m_detail; }

    QString currentAgent() const; // empty: a domain or nothing is selected
    bool selectAgent(const QString& agent); // false: no such agent, or filtered out
    void setReady(bool ready); // a workspace is open: runs can go out
    void setModelConfigured(bool configured);
    void showRunError(const QString& agent, const QString& message); // shown when that agent is selected
    void focusList();

Q_SIGNALS:
    // Run asked for (button, Enter, Ctrl+R) on the selected agent, with the parameters typed for it.
    void runRequested(const QString& agent, const QString& inputText);
    void openMoveRequested(qint64 moveId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void requestRun();
    void refreshDetail();
    void ensureCurrent();
    void updateCount();
    bool isRunKey(const QKeyEvent* key) const;

    AgentsModel* m_model = nullptr;
    AgentsFilterProxy* m_proxy = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_count = nullptr;
    QTreeView* m_tree = nullptr;
    AgentDetailPane* m_detail = nullptr;
    bool m_ready = false;
};

} // namespace caseyos
