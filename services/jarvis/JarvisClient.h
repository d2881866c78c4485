#pragma once

#include "core/Clock.h"
#include "jarvis/AssistantReply.h"
#include "jarvis/LlmTurn.h"
#include "memory/MemoryTypes.h"
#include "moves/MoveRow.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QThread;

namespace caseyos {

class JarvisWorker;

// The UI-thread side of Jarvis: a JarvisWorker on the storage thread reached by queued calls; nothing here
// waits. Every question gets a generation; an answer (or a streamed piece of one) to an older question than
// the latest is dropped (the user has moved on), so a slow answer never lands under a newer question.
class JarvisClient : public QObject
{
    Q_OBJECT
public:
    // Read on this thread at each question, so a settings change applies to the next one.
    using ConfigSource = std::function<jarvis::LlmConfig()>;

    JarvisClient(QString databasePath, const Clock& clock, QThread* storageThread, QObject* parent = nullptr);
    ~JarvisClient() override;

    void setConfigSource(ConfigSource source) { m_config = std::move(source); } // empty: offline only
    qint64 ask(const QString& text); // the question's generation
    void cancel(); // the pending answer, if any, will be dropped

    // Sessions (PRODUCT.md §6; JarvisClientSessions.cpp): posted to the worker, answered by the signals below.
    // Showing another session drops the pending answer (it belongs to the session left) and any older load.
    qint64 listSessions(); // the request, handed back with its sessionsListed
    void showSession(qint64 sessionId = 0); // 0: the current session, if one is open and not idle
    void switchSession(qint64 sessionId); // it becomes the current one, and is shown
    void newSession(); // the current one ends; the next question starts a new one
    void renameSession(qint64 sessionId, const QString& name);
    void endSession(qint64 sessionId);
    void forgetSession(qint64 sessionId); // deletes it for good: messages, index entries, vectors

Q_SIGNALS:
    void delta(qint64 generation, const QString& text);
    void answered(qint64 generation, const caseyos::jarvis::AssistantReply& reply, const QList<caseyos::MoveRow>& rows);

    // `request`: from listSessions(), or 0 when the list follows a change.
    void sessionsListed(qint64 request, const QList<caseyos::MemorySession>& sessions, qint64 currentId);
    // The latest session asked for by showSession / switchSession (older loads are dropped).
    void sessionShown(const caseyos::MemorySession& session, const QList<caseyos::MemoryMessage>& messages);
    void sessionRenamed(const caseyos::MemorySession& session);
    void sessionEnded(const caseyos::MemorySession& session);
    void sessionForgotten(qint64 sessionId, int messagesDeleted);
    void sessionFailed(const QString& error);

private:
    void connectSessions(JarvisWorker* worker);
    void post(std::function<void(JarvisWorker*)> call); // queued to the worker's thread

    QPointer<JarvisWorker> m_worker;
    ConfigSource m_config;
    qint64 m_generation = 0;
    qint64 m_view = 0; // counts show / switch / new: a session load for an older one is dropped
    qint64 m_listRequest = 0;
};

} // namespace caseyos
