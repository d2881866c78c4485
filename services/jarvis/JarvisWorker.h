#pragma once

#include "core/Clock.h"
#include "jarvis/AssistantReply.h"
#include "jarvis/LlmTurn.h"
#include "memory/MemoryTypes.h"
#include "moves/MoveRow.h"
#include "net/HttpClient.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <memory>

namespace caseyos {

class Database;
class MemoryStore;

namespace llm {
class ChatProvider;
class ToolLoop;
class ToolRegistry;
} // namespace llm

namespace jarvis {
class OfflineAssistant;
}

// Jarvis on the storage thread, with a Database connection of its own (opened on first use): each question is
// remembered, answered, and the answer remembered too. JarvisClient posts to its slots; answers come back as
// signals carrying the asker's generation.
//
// Who answers: the offline provider, unless the settings handed in with the question choose a language model
// that may be used (cloud chat on, or a server on this machine) and has its key — then a ToolLoop runs the
// model with the app's tools (JarvisTools), streaming its text through `delta`. A newer question ends the
// older loop: its model call is dropped and no answer to it is sent. When a chosen model cannot be used,
// Jarvis answers offline and says why once.
class JarvisWorker : public QObject
{
    Q_OBJECT
public:
    JarvisWorker(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~JarvisWorker() override;

    // Before the first question (tests shorten the retry back-off).
    void setHttpOptions(const HttpClientOptions& options) { m_httpOptions = options; }

public Q_SLOTS:
    void ask(
        qint64 generation, const QString& text, const caseyos::jarvis::LlmConfig& config = {}); // → answered

    // Sessions (PRODUCT.md §6), for the chat pane; bodies in JarvisWorkerSessions.cpp. A change answers with its
    // own signal and then sessionsListed; anything that goes wrong answers with sessionFailed. `view` is the
    // client's counter of what the pane shows, handed back so it can drop a load it no longer wants.
    void listSessions(qint64 request = 0); // → sessionsListed with that request (0: after a change)
    void showSession(qint64 view, qint64 sessionId); // 0: the current session, if any → sessionShown
    // The next questions go to it (it reopens; the open one ends); the question being answered is dropped.
    void switchSession(qint64 view, qint64 sessionId); // → sessionShown, sessionsListed
    void newSession(); // the open session ends: the next question starts a new one → sessionsListed
    void renameSession(qint64 sessionId, const QString& name); // → sessionRenamed, sessionsListed
    void endSession(qint64 sessionId); // → sessionEnded, sessionsListed
    void forgetSession(qint64 sessionId); // messages, index entries, vectors → sessionForgotten, sessionsListed

Q_SIGNALS:
    // A piece of the answer as the model streams it (language models only).
    void delta(qint64 generation, const QString& text);
    // `rows`: the moves the answer changed, as list rows (to update the list in place).
    void answered(qint64 generation, const caseyos::jarvis::AssistantReply& reply, const QList<caseyos::MoveRow>& rows);

    // Most recently active first; `currentId`: the open session new questions go to (0: none, or it idled out).
    void sessionsListed(qint64 request, const QList<caseyos::MemorySession>& sessions, qint64 currentId);
    // Its most recent messages, oldest first (session.messageCount says how many there are in all). An empty
    // session (id 0): there is no current one, the next question starts it.
    void sessionShown(
        qint64 view, const caseyos::MemorySession& session, const QList<caseyos::MemoryMessage>& messages);
    void sessionRenamed(const caseyos::MemorySession& session);
    void sessionEnded(const caseyos::MemorySession& session);
    void sessionForgotten(qint64 sessionId, int messagesDeleted);
    void sessionFailed(const QString& error);

private:
    bool ensureOpen(QString* error);
    void summarizeOldSessions(const jarvis::LlmConfig& config);
    void answerOffline(
        qint64 generation, const QString& text, const QString& notice, const jarvis::LlmConfig& config);
    void finish(qint64 generation, jarvis::AssistantReply reply);
    void embedLater(const jarvis::LlmConfig& config, const QList<qint64>& ids, const QStringList& texts);
    HttpClient& http();
    bool sessionsReady(); // the memory is open, else sessionFailed was sent
    void emitSessions(qint64 request = 0);
    void dropModelTurn(); // the question a model is answering is abandoned: no answer is stored or sent

    QString m_databasePath;
    const Clock& m_clock;
    HttpClientOptions m_httpOptions;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MemoryStore> m_memory;
    std::unique_ptr<jarvis::OfflineAssistant> m_assistant;
    std::unique_ptr<llm::ToolRegistry> m_tools;
    std::unique_ptr<HttpClient> m_http;
    // The question being answered by a model: the provider must outlive its loop.
    std::unique_ptr<llm::ChatProvider> m_provider;
    std::unique_ptr<llm::ToolLoop> m_loop;
    QSet<QString> m_noticesGiven; // each "answering offline because …" is said once
    bool m_summariesStarted = false;
};

} // namespace caseyos
