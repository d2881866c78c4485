#include "AgentsView.h"

#include "AgentDetailPane.h"
#include "AgentsFilterProxy.h"
#include "AgentsModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

AgentsView::AgentsView(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_model(new AgentsModel(clock, this))
    , m_proxy(new AgentsFilterProxy(this))
{
    setObjectName(u"agentsView"_s);
    m_proxy->setSourceModel(m_model);

    m_filter = new QLineEdit;
    m_filter->setObjectName(u"agentsFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by name, domain or need: \"hygiene\", \"contacts\", \"model\""));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel;
    m_count->setObjectName(u"agentsCount"_s);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);

    m_tree = new QTreeView;
    m_tree->setObjectName(u"agentsList"_s);
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setExpandsOnDoubleClick(false); // the domains stay open; a double-click is not a run either
    m_tree->setAccessibleName(tr("Agents by domain"));
    QHeaderView* header = m_tree->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->setColumnWidth(AgentsModel::AgentColumn, 190);
    m_tree->setColumnWidth(AgentsModel::NeedsColumn, 200);
    m_tree->setColumnWidth(AgentsModel::LastRunColumn, 95);
    m_tree->expandAll();

    m_detail = new AgentDetailPane(clock);
    m_detail->setMinimumWidth(300);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(u"agentsSplitter"_s);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 760, 480 });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterText(text);
        m_tree->expandAll(); // rows brought back by the filter come back closed
        ensureCurrent();
        updateCount();
    });
    connect(m_filter, &QLineEdit::returnPressed, this, &AgentsView::focusList);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &AgentsView::refreshDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AgentsView::refreshDetail);
    connect(m_detail, &AgentDetailPane::runRequested, this, &AgentsView::requestRun);
    connect(m_detail, &AgentDetailPane::openMoveRequested, this, &AgentsView::openMoveRequested);
    for (QObject* watched : { static_cast<QObject*>(m_tree), static_cast<QObject*>(m_filter),
             static_cast<QObject*>(m_detail->inputEdit()) })
        watched->installEventFilter(this);

    ensureCurrent();
    updateCount();
}

QString AgentsView::currentAgent() const
{
    return m_tree->currentIndex().data(AgentsModel::NameRole).toString();
}

bool AgentsView::selectAgent(const QString& agent)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(agent));
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void AgentsView::ensureCurrent()
{
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid() && !current.data(AgentsModel::IsDomainRole).toBool())
        return;
    // The first agent shown: the detail always has something to say and Enter something to run.
    for (int g = 0; g < m_proxy->rowCount(); ++g) {
        const QModelIndex domain = m_proxy->index(g, 0);
        if (m_proxy->rowCount(domain) > 0) {
            m_tree->setCurrentIndex(m_proxy->index(0, 0, domain));
            return;
        }
    }
    refreshDetail(); // nothing matches the filter
}

void AgentsView::updateCount()
{
    int shown = 0;
    for (int g = 0; g < m_proxy->rowCount(); ++g)
        shown += m_proxy->rowCount(m_proxy->index(g, 0));
    const int all = m_model->agentCount();
    m_count->setText(shown == all ? tr("%1 agents").arg(all) : tr("%1 of %2 agents").arg(shown).arg(all));
}

void AgentsView::refreshDetail()
{
    const QModelIndex source = m_proxy->mapToSource(m_tree->currentIndex());
    const AgentInfo* agent = m_model->agentAt(source);
    if (!agent) {
        m_detail->showAgent(nullptr, nullptr, false, m_ready);
        return;
    }
    m_detail->showAgent(agent, m_model->lastRun(agent->name), m_model->isRunning(agent->name), m_ready);
}

void AgentsView::setReady(bool ready)
{
    m_ready = ready;
    refreshDetail();
}

void AgentsView::setModelConfigured(bool configured)
{
    m_detail->setModelConfigured(configured);
}

void AgentsView::showRunError(const QString& agent, const QString& message)
{
    if (m_detail->agentName() == agent)
        m_detail->showError(message);
}

void AgentsView::focusList()
{
    ensureCurrent();
    m_tree->setFocus(Qt::OtherFocusReason);
}

void AgentsView::requestRun()
{
    const QString agent = currentAgent();
    if (agent.isEmpty() || !m_ready || m_model->isRunning(agent))
        return;
    Q_EMIT runRequested(agent, m_detail->inputText());
}

bool AgentsView::isRunKey(const QKeyEvent* key) const
{
    return key->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_R);
}

bool AgentsView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    const bool inList = watched == m_tree;
    const bool run = isRunKey(key)
        || (inList && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && modifiers == Qt::NoModifier);
    // Typing in the list filters it, instead of reaching the window's one-letter move shortcuts (a =
    // accept…).
    const bool typing = inList && !key->text().isEmpty() && key->text().at(0).isPrint()
        && !(modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    if (!run && !typing)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::ShortcutOverride) {
        // Claimed here, so it arrives as a key press instead of triggering the window's shortcut (Ctrl+R is
        // Reload there).
        event->accept();
        return true;
    }
    if (run) {
        requestRun();
    } else {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->insert(key->text());
    }
    return true;
}

} // namespace caseyos
