#pragma once

#include "core/Clock.h"
#include "jarvis/JarvisClient.h"

#include <QObject>
#include <QPointer>

namespace caseyos {

class ChatModel;
class ChatPane;
class SessionsModel;
class TriageController;
class WorkspaceClient;
class WorkspaceStatusBar;

// Wires the Jarvis pane: questions go to a JarvisClient on the storage thread; a language model's answer
// streams into its row as it arrives; answers fill the chat, and the moves an answer changed are updated in
// the list in place. A newer question drops the answer to an older one. caseyos://move/ID links open the
// move.
//
// Sessions (PRODUCT.md §6): the pane's SessionBar lists them (SessionsModel, refreshed after every change and
// answer) and asks to switch, start a new one, rename, end or forget; the chat always shows one session — its
// messages from memory, then what was asked since. At attach it shows the current session (unless it idled
// out). Leaving a session drops the answer still on its way to it.
class JarvisController : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        ChatPane* pane = nullptr;
        ChatModel* model = nullptr;
        TriageController* triage = nullptr;
        WorkspaceStatusBar* statusBar = nullptr;
    };
    JarvisController(const Parts& parts, const Clock& clock, QObject* parent = nullptr);

    // What each question is answered with (language model or offline); kept across workspaces.
    void setConfigSource(JarvisClient::ConfigSource source);
    void attach(WorkspaceClient* workspace);
    void ask(const QString& text);

    SessionsModel* sessions() const { return m_sessions; }
    JarvisClient* client() const { return m_client; }

Q_SIGNALS:
    void openMoveRequested(qint64 moveId);
    void questionAsked(const QString& text); // typed or spoken
    void replied(const QString& markdown); // the answer's text, as it went into the chat
    void answered(); // an answer is in the chat (tests wait for it)
    void sessionsListed(); // the session list is up to date
    void sessionShown(); // the chat shows the messages of the session chosen (or a new, empty one)

private:
    void connectSessions();
    void show(qint64 sessionId, bool ended); // the chat now belongs to this session (0: a new one)
    void onSessionsListed(qint64 request, const QList<MemorySession>& sessions, qint64 currentId);
    void onSessionShown(const MemorySession& session, const QList<MemoryMessage>& messages);
    void switchTo(qint64 sessionId);
    void startNew();
    void refreshSessions(); // and learn which session a question started

    Parts m_parts;
    const Clock& m_clock;
    JarvisClient* m_client = nullptr;
    JarvisClient::ConfigSource m_config;
    int m_pendingRow = -1;
    SessionsModel* m_sessions;
    qint64 m_shownId = 0;
    bool m_shownEnded = false; // the next question starts a new session, so the chat is cleared first
    // The first list asked for after a question in a new session: from it on, lists name the session it began.
    qint64 m_adoptFrom = 0;
};

} // namespace caseyos
