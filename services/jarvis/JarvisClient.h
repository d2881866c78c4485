#pragma once

#include "core/Clock.h"
#include "jarvis/AssistantReply.h"
#include "jarvis/LlmTurn.h"
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

Q_SIGNALS:
    void delta(qint64 generation, const QString& text);
    void answered(qint64 generation, const caseyos::jarvis::AssistantReply& reply, const QList<caseyos::MoveRow>& rows);

private:
    QPointer<JarvisWorker> m_worker;
    ConfigSource m_config;
    qint64 m_generation = 0;
};

} // namespace caseyos
