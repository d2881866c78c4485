#pragma once

#include "core/Clock.h"
#include "jarvis/AssistantReply.h"
#include "moves/MoveRow.h"

#include <QList>
#include <QObject>
#include <memory>

namespace caseyos {

class Database;
class MemoryStore;

namespace jarvis {
class OfflineAssistant;
}

// Jarvis on the storage thread, with a Database connection of its own (opened on first use): each question is
// remembered, answered by the offline provider with the app's services, and the answer remembered too.
// JarvisClient posts to its slots; answers come back as signals carrying the asker's generation.
class JarvisWorker : public QObject
{
    Q_OBJECT
public:
    JarvisWorker(QString databasePath, const Clock& clock, QObject* parent = nullptr);
    ~JarvisWorker() override;

public Q_SLOTS:
    void ask(qint64 generation, const QString& text); // → answered

Q_SIGNALS:
    // `rows`: the moves the answer changed, as list rows (to update the list in place).
    void answered(qint64 generation, const caseyos::jarvis::AssistantReply& reply, const QList<caseyos::MoveRow>& rows);

private:
    bool ensureOpen(QString* error);
    QString m_databasePath;
    const Clock& m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<MemoryStore> m_memory;
    std::unique_ptr<jarvis::OfflineAssistant> m_assistant;
};

} // namespace caseyos
