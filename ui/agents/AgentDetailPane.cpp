#include "AgentDetailPane.h"

#include "AgentRunHtml.h"
#include "AgentText.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace caseyos {

AgentDetailPane::AgentDetailPane(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
{
    setObjectName(u"agentDetail"_s);
    m_title = new QLabel;
    m_title->setObjectName(u"agentTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel;
    m_subtitle->setObjectName(u"agentSubtitle"_s);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_description = new QLabel;
    m_description->setObjectName(u"agentDescription"_s);
    m_description->setWordWrap(true);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_needs = new QLabel;
    m_needs->setObjectName(u"agentNeeds"_s);
    m_needs->setWordWrap(true);
    m_needs->setTextFormat(Qt::RichText);
    m_modelNotice = new QLabel;
    m_modelNotice->setObjectName(u"agentModelNotice"_s);
    m_modelNotice->setWordWrap(true);
    m_modelNotice->setStyleSheet(
        u"QLabel { background: #fff4e0; border: 1px solid #f0c36d; border-radius: 4px; "
        "padding: 5px; color: #5c3b00; }"_s);
    m_modelNotice->hide();

    m_inputLabel = new QLabel(tr("&Parameters (JSON, optional):"));
    m_input = new QPlainTextEdit;
    m_input->setObjectName(u"agentInput"_s);
    m_input->setPlaceholderText(tr("{\"text\": \"…\"} — the agent's summary says what it takes"));
    m_input->setTabChangesFocus(true);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 3 + 12);
    m_inputLabel->setBuddy(m_input);

    m_run = new QPushButton(QIcon(u":/icons/execute.svg"_s), tr("&Run"));
    m_run->setObjectName(u"agentRun"_s);
    m_run->setToolTip(tr("Run this agent on your data (Enter or Ctrl+R in the list). What it proposes is "
                         "added to Today's Moves, each thing once; nothing is sent."));
    m_busy = new QProgressBar;
    m_busy->setObjectName(u"agentBusy"_s);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(120);
    m_busy->hide();
    m_state = new QLabel;
    m_state->setObjectName(u"agentState"_s);
    m_state->setWordWrap(true);
    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_busy);
    runRow->addWidget(m_state, 1);

    m_result = new QTextBrowser;
    m_result->setObjectName(u"agentResult"_s);
    m_result->setOpenLinks(false); // move links open the move in the window, not a browser
    m_result->setAccessibleName(tr("Newest run"));
    connect(m_result, &QTextBrowser::anchorClicked, this, &AgentDetailPane::onLink);
    connect(m_run, &QPushButton::clicked, this, &AgentDetailPane::runRequested);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_description);
    layout->addWidget(m_needs);
    layout->addWidget(m_modelNotice);
    layout->addWidget(m_inputLabel);
    layout->addWidget(m_input);
    layout->addLayout(runRow);
    layout->addWidget(m_result, 1);
    showAgent(nullptr, nullptr, false, false);
}

void AgentDetailPane::setModelConfigured(bool configured)
{
    m_modelConfigured = configured;
    m_modelNotice->setText(AgentText::modelNotice(configured));
}

QString AgentDetailPane::inputText() const
{
    return m_input->toPlainText().trimmed();
}

void AgentDetailPane::showAgent(const AgentInfo* agent, const AgentLastRun* last, bool running, bool ready)
{
    const QString name = agent ? agent->name : QString();
    if (name != m_agent) {
        // Parameters typed for one agent stay with it; another agent starts from its own.
        if (!m_agent.isEmpty())
            m_inputs.insert(m_agent, m_input->toPlainText());
        m_input->setPlainText(m_inputs.value(name));
        m_error.clear();
        m_agent = name;
    }
    const bool takesInput = agent && agent->needs.data.contains(u"input"_s);
    m_inputLabel->setVisible(takesInput);
    m_input->setVisible(takesInput);
    m_modelNotice->setVisible(agent && agent->needs.model);
    m_modelNotice->setText(AgentText::modelNotice(m_modelConfigured));
    if (!agent) {
        m_title->setText(tr("Choose an agent"));
        m_subtitle->clear();
        m_description->setText(
            tr("Select an agent on the left to see what it does, what it needs and what it "
               "found last time, and to run it on your data."));
        m_needs->clear();
        m_run->setEnabled(false);
        m_busy->hide();
        m_state->clear();
        m_html.clear();
        m_result->clear();
        return;
    }
    m_title->setText(AgentText::displayName(agent->name));
    m_subtitle->setText(u"%1 · %2"_s.arg(agent->name, AgentText::domainLabel(agent->domain)));
    m_description->setText(agent->description);
    m_needs->setText(u"<b>%1</b> %2"_s.arg(
        tr("Needs:").toHtmlEscaped(), AgentText::needsText(agent->needs).toHtmlEscaped()));
    m_run->setEnabled(ready && !running);
    m_busy->setVisible(running);
    if (running) {
        m_error.clear(); // a new run: the last one's error is history
        m_state->setText(tr("Running on your data…"));
    } else if (!ready) {
        m_state->setText(tr("Waiting for the workspace to open…"));
    } else {
        m_state->setText(m_error);
    }
    m_state->setStyleSheet(!running && ready && !m_error.isEmpty() ? u"color: #b71c1c;"_s : QString());
    const QString html = last
        ? agentRunHtml(*last, m_clock)
        : u"<p style=\"color:gray\">%1</p>"_s.arg(
            tr("Not run yet. A run reads your workspace and proposes moves; nothing is sent.")
                .toHtmlEscaped());
    if (html != m_html) { // unchanged: the reader keeps their scroll position
        m_html = html;
        m_result->setHtml(html);
    }
}

void AgentDetailPane::showError(const QString& message)
{
    m_error = message;
    m_state->setText(message);
    m_state->setStyleSheet(u"color: #b71c1c;"_s);
}

void AgentDetailPane::onLink(const QUrl& url)
{
    if (url.scheme() != u"caseyos"_s || url.host() != u"move"_s)
        return; // run results only link inside the app
    const qint64 id = url.path().mid(1).toLongLong();
    if (id > 0)
        Q_EMIT openMoveRequested(id);
}

} // namespace caseyos
