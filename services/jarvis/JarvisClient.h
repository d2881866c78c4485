#pragma once

#include "core/Clock.h"
#include "jarvis/AssistantReply.h"
#include "moves/MoveRow.h"

#include <QObject>
#include <QPointer>

class QThread;

namespace caseyos {

class JarvisWorker;

// The UI-thread side of Jarvis: a JarvisWorker on the storage thread reached by queued calls; nothing here
// waits. Every question gets a generation; an answer to an older question than the latest is dropped
// (the user has moved on), so a slow answer never lands under a newer question.
class JarvisClient : public QObject
{
    Q_OBJECT
public:
    JarvisClient(QString databasePath, const Clock& clock, QThread* storageThread, QObject* parent = nullptr);
    ~JarvisClient() override;

    qint64 ask(const QString& text); // the question's generation
    void cancel(); // the pending answer, if any, will be dropped

Q_SIGNALS:
    void answered(qint64 generation, const caseyos::jarvis::AssistantReply& reply, const QList<caseyos::MoveRow>& rows);

private:
    QPointer<JarvisWorker> m_worker;
    qint64 m_generation = 0;
};

} // namespace caseyos
