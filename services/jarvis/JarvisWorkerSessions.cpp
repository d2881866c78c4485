// JarvisWorker's session slots (PRODUCT.md §6): what the chat pane's session bar asks for — list, show,
// switch, new, rename, end, forget — over the worker's own MemoryStore, on the storage thread. Kept apart
// from the question-answering code in JarvisWorker.cpp.
#include "jarvis/JarvisWorker.h"
#include "llm/ChatProvider.h"
#include "llm/ToolLoop.h"
#include "memory/MemoryStore.h"

using namespace Qt::StringLiterals;

namespace caseyos {

namespace {

// A switch to a long session shows its latest messages only: the pane stays quick, the rest stays searchable.
constexpr qsizetype kSessionMessagesShown = 200;

// The session new questions go to: the open one (there is at most one), unless it idled out — then the next
// question starts a new one (MemoryStore::remember ends it then).
qint64 currentSessionOf(const QList<MemorySession>& sessions, const QDateTime& now)
{
    for (const MemorySession& s : sessions)
        if (!s.endedAt.isValid() && s.lastActive.msecsTo(now) <= kMemorySessionIdleMs)
            return s.id;
    return 0;
}

} // namespace

void JarvisWorker::dropModelTurn()
{
    // Deleting the loop drops its model call and callbacks: nothing is remembered into a session the user
    // has left (the question stays, unanswered, in the one it was asked in).
    m_loop.reset();
    m_provider.reset();
}

bool JarvisWorker::sessionsReady()
{
    QString error;
    if (ensureOpen(&error))
        return true;
    Q_EMIT sessionFailed(tr("Cannot open Jarvis's memory: %1").arg(error));
    return false;
}

void JarvisWorker::emitSessions(qint64 request)
{
    const Result<QList<MemorySession>> sessions = m_memory->sessions();
    if (!sessions) {
        Q_EMIT sessionFailed(sessions.error());
        return;
    }
    Q_EMIT sessionsListed(request, sessions.value(), currentSessionOf(sessions.value(), m_clock.now()));
}

void JarvisWorker::listSessions(qint64 request)
{
    if (sessionsReady())
        emitSessions(request);
}

void JarvisWorker::showSession(qint64 view, qint64 sessionId)
{
    if (!sessionsReady())
        return;
    if (sessionId == 0) {
        const Result<QList<MemorySession>> sessions = m_memory->sessions();
        if (!sessions) {
            Q_EMIT sessionFailed(sessions.error());
            return;
        }
        sessionId = currentSessionOf(sessions.value(), m_clock.now());
        if (sessionId == 0) {
            Q_EMIT sessionShown(view, {}, {});
            return;
        }
    }
    const Result<MemorySession> session = m_memory->session(sessionId);
    const Result<QList<MemoryMessage>> messages
        = session ? m_memory->messages(sessionId) : Result<QList<MemoryMessage>>::failure(session.error());
    if (!messages) {
        Q_EMIT sessionFailed(messages.error());
        return;
    }
    Q_EMIT sessionShown(view, session.value(),
        messages.value().mid(qMax<qsizetype>(0, messages.value().size() - kSessionMessagesShown)));
}

void JarvisWorker::switchSession(qint64 view, qint64 sessionId)
{
    if (!sessionsReady())
        return;
    dropModelTurn();
    const Result<MemorySession> activated = m_memory->activate(sessionId);
    if (!activated) {
        Q_EMIT sessionFailed(activated.error());
        emitSessions(); // the pane goes back to what is really there
        return;
    }
    showSession(view, sessionId);
    emitSessions();
}

void JarvisWorker::newSession()
{
    if (!sessionsReady())
        return;
    dropModelTurn();
    const Result<QList<MemorySession>> sessions = m_memory->sessions();
    if (!sessions) {
        Q_EMIT sessionFailed(sessions.error());
        return;
    }
    // An idled-out session is left alone: the next question ends it an hour after its last message.
    if (const qint64 current = currentSessionOf(sessions.value(), m_clock.now())) {
        const Result<MemorySession> ended = m_memory->end(current);
        if (!ended)
            Q_EMIT sessionFailed(ended.error());
    }
    emitSessions();
}

void JarvisWorker::renameSession(qint64 sessionId, const QString& name)
{
    if (!sessionsReady())
        return;
    const Result<MemorySession> renamed = m_memory->rename(sessionId, name);
    if (renamed)
        Q_EMIT sessionRenamed(renamed.value());
    else
        Q_EMIT sessionFailed(renamed.error());
    emitSessions();
}

void JarvisWorker::endSession(qint64 sessionId)
{
    if (!sessionsReady())
        return;
    const Result<MemorySession> before = m_memory->session(sessionId);
    const Result<MemorySession> ended = before ? m_memory->end(sessionId) : before;
    if (!ended) {
        Q_EMIT sessionFailed(ended.error());
        return;
    }
    if (!before.value().endedAt.isValid())
        dropModelTurn(); // its answer would start a new session
    Q_EMIT sessionEnded(ended.value());
    emitSessions();
}

void JarvisWorker::forgetSession(qint64 sessionId)
{
    if (!sessionsReady())
        return;
    const Result<MemorySession> before = m_memory->session(sessionId);
    if (!before) {
        Q_EMIT sessionFailed(before.error());
        emitSessions();
        return;
    }
    const Result<int> forgotten = m_memory->forget(sessionId);
    if (!forgotten) {
        Q_EMIT sessionFailed(forgotten.error());
        return;
    }
    if (!before.value().endedAt.isValid())
        dropModelTurn(); // its answer would be remembered into a new session
    Q_EMIT sessionForgotten(sessionId, forgotten.value());
    emitSessions();
}

} // namespace caseyos
