#include "JarvisController.h"

#include "TriageController.h"
#include "WorkspaceStatusBar.h"
#include "jarvis/ChatModel.h"
#include "jarvis/ChatPane.h"
#include "jarvis/JarvisClient.h"
#include "jarvis/SessionBar.h"
#include "jarvis/SessionsModel.h"
#include "workspace/WorkspaceClient.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace caseyos {

JarvisController::JarvisController(const Parts& parts, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_parts(parts)
    , m_clock(clock)
    , m_sessions(new SessionsModel(this))
{
    connect(m_parts.pane, &ChatPane::askRequested, this, &JarvisController::ask);
    connect(m_parts.pane, &ChatPane::linkActivated, this, [this](const QUrl& url) {
        if (url.scheme() != u"caseyos"_s)
            return; // answers only link inside the app
        const qint64 id = url.path().mid(1).toLongLong();
        if (url.host() == u"move"_s && id > 0)
            Q_EMIT openMoveRequested(id);
    });
    connectSessions();
}

void JarvisController::setConfigSource(JarvisClient::ConfigSource source)
{
    m_config = std::move(source);
    if (m_client)
        m_client->setConfigSource(m_config);
}

void JarvisController::attach(WorkspaceClient* workspace)
{
    delete m_client;
    m_client = new JarvisClient(workspace->databasePath(), m_clock, workspace->storageThread(), this);
    m_client->setConfigSource(m_config);
    connect(m_client, &JarvisClient::delta, this,
        [this](qint64, const QString& text) { m_parts.model->appendDelta(m_pendingRow, text); });
    connect(m_client, &JarvisClient::answered, this,
        [this](qint64, const jarvis::AssistantReply& reply, const QList<MoveRow>& rows) {
            m_parts.model->answer(m_pendingRow, reply);
            m_pendingRow = -1;
            Q_EMIT replied(reply.markdown);
            if (!rows.isEmpty())
                m_parts.triage->showChangedRows(rows);
            refreshSessions(); // the message counts changed
            Q_EMIT answered();
        });

    connect(m_client, &JarvisClient::sessionsListed, this, &JarvisController::onSessionsListed);
    connect(m_client, &JarvisClient::sessionShown, this, &JarvisController::onSessionShown);
    connect(m_client, &JarvisClient::sessionRenamed, this, [this](const MemorySession& session) {
        m_parts.statusBar->showMessage(
            tr("Jarvis session renamed: %1")
                .arg(SessionsModel::title(session, m_clock.now(), m_clock.localZone())),
            5000);
    });
    connect(m_client, &JarvisClient::sessionEnded, this, [this](const MemorySession& session) {
        if (session.id == m_shownId) {
            m_shownEnded = true;
            if (m_pendingRow >= 0) { // the worker dropped its answer: it would have started a new session
                m_client->cancel();
                m_parts.model->dropPending(ChatModel::DropReason::SessionEnded);
                m_pendingRow = -1;
            }
        }
        m_parts.statusBar->showMessage(
            tr("Jarvis session ended: your next question starts a new one."), 5000);
    });
    connect(m_client, &JarvisClient::sessionForgotten, this, [this](qint64 sessionId, int messages) {
        if (sessionId == m_shownId) {
            m_client->cancel();
            m_parts.model->clear();
            m_pendingRow = -1;
            show(0, false);
        }
        m_parts.statusBar->showMessage(messages == 1
                ? tr("Jarvis session forgotten: 1 message deleted.")
                : tr("Jarvis session forgotten: %1 messages deleted.").arg(messages),
            5000);
    });
    connect(m_client, &JarvisClient::sessionFailed, this,
        [this](const QString& error) { m_parts.statusBar->showMessage(error, 8000); });

    // A workspace's Jarvis starts where the user left it: the current session's messages, unless it idled
    // out.
    m_parts.model->clear();
    m_pendingRow = -1;
    m_adoptFrom = 0;
    show(0, false);
    m_client->showSession();
    m_client->listSessions();
}

void JarvisController::ask(const QString& text)
{
    if (!m_client) {
        m_parts.statusBar->showMessage(tr("Jarvis is not ready: no workspace is open yet."), 5000);
        return;
    }
    // A question after the shown session ended, or idled out, goes to a new session (MemoryStore): the chat
    // starts empty so that it shows only that session.
    const MemorySession* shown = m_sessions->session(m_shownId);
    const bool idle
        = shown && m_pendingRow < 0 && shown->lastActive.msecsTo(m_clock.now()) > kMemorySessionIdleMs;
    if (m_shownEnded || idle) {
        m_parts.model->clear();
        m_pendingRow = -1;
        show(0, false);
    }
    m_parts.model->dropPending(); // the user moved on: an older answer will not land
    m_parts.model->addQuestion(text);
    m_pendingRow = m_parts.model->addPendingAnswer();
    m_client->ask(text);
    Q_EMIT questionAsked(text);
    if (m_shownId == 0)
        refreshSessions(); // the question began a session: the list shows it at once
}

void JarvisController::connectSessions()
{
    SessionBar* bar = m_parts.pane->sessionBar();
    bar->setModel(m_sessions);
    connect(bar, &SessionBar::switchRequested, this, &JarvisController::switchTo);
    connect(bar, &SessionBar::newRequested, this, &JarvisController::startNew);
    connect(bar, &SessionBar::renameRequested, this, [this](qint64 sessionId, const QString& name) {
        if (m_client)
            m_client->renameSession(sessionId, name);
    });
    connect(bar, &SessionBar::endRequested, this, [this](qint64 sessionId) {
        if (m_client)
            m_client->endSession(sessionId);
    });
    connect(bar, &SessionBar::forgetRequested, this, [this](qint64 sessionId) {
        if (m_client)
            m_client->forgetSession(sessionId);
    });
}

void JarvisController::show(qint64 sessionId, bool ended)
{
    m_shownId = sessionId;
    m_shownEnded = ended;
    m_parts.pane->sessionBar()->setShownSession(sessionId);
}

void JarvisController::refreshSessions()
{
    const qint64 request = m_client->listSessions();
    if (m_shownId == 0 && m_adoptFrom == 0)
        m_adoptFrom = request;
}

void JarvisController::onSessionsListed(
    qint64 request, const QList<MemorySession>& sessions, qint64 currentId)
{
    m_sessions->setSessions(sessions, m_clock.now(), m_clock.localZone());
    // Listed after a question in a new session reached the worker: the session it began is the one shown.
    if (m_adoptFrom != 0 && request >= m_adoptFrom && m_shownId == 0 && currentId != 0) {
        m_adoptFrom = 0;
        show(currentId, false);
    }
    if (m_shownId != 0 && !m_sessions->session(m_shownId)) {
        // Gone (forgotten elsewhere, e.g. `caseyos memory forget`): its messages go from the chat too.
        m_parts.model->clear();
        m_pendingRow = -1;
        show(0, false);
    }
    m_parts.pane->sessionBar()->setShownSession(m_shownId);
    Q_EMIT sessionsListed();
}

void JarvisController::onSessionShown(const MemorySession& session, const QList<MemoryMessage>& messages)
{
    QString note;
    if (session.messageCount > messages.size())
        note = tr("*%1 earlier messages are not shown: ask Jarvis to search its memory for them.*")
                   .arg(session.messageCount - messages.size());
    if (messages.isEmpty() && !session.summary.isEmpty())
        note = tr("*Summary of this session:* %1").arg(session.summary);
    // Above anything asked since the switch (the pending answer's row moves down with it).
    const int inserted = m_parts.model->insertHistory(messages, note);
    if (m_pendingRow >= 0)
        m_pendingRow += inserted;
    show(session.id, session.endedAt.isValid());
    Q_EMIT sessionShown();
}

void JarvisController::switchTo(qint64 sessionId)
{
    if (!m_client)
        return;
    m_parts.model->clear();
    m_pendingRow = -1;
    m_adoptFrom = 0;
    show(sessionId, false); // the bar shows the choice at once; its messages follow (onSessionShown)
    m_client->switchSession(sessionId); // and the answer still on its way to the session left is dropped
}

void JarvisController::startNew()
{
    if (!m_client)
        return;
    m_parts.model->clear();
    m_pendingRow = -1;
    m_adoptFrom = 0;
    show(0, false);
    m_client->newSession();
    Q_EMIT sessionShown();
}

} // namespace caseyos
