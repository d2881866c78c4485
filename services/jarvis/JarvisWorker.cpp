#include "jarvis/JarvisWorker.h"

#include "jarvis/AgentAnswer.h"
#include "jarvis/MemoryAnswer.h"
#include "jarvis/OfflineAssistant.h"
#include "memory/MemoryStore.h"
#include "storage/Database.h"
#include "storage/MoveRepository.h"

using namespace Qt::StringLiterals;

namespace caseyos {

JarvisWorker::JarvisWorker(QString databasePath, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_databasePath(std::move(databasePath))
    , m_clock(clock)
{
}

JarvisWorker::~JarvisWorker()
{
    m_assistant.reset();
    m_memory.reset();
    m_db.reset(); // on the storage thread: the connection is closed where it was opened
}

bool JarvisWorker::ensureOpen(QString* error)
{
    if (m_db)
        return true;
    auto db = std::make_unique<Database>();
    if (!db->open(m_databasePath, error))
        return false;
    m_db = std::move(db);
    m_memory = std::make_unique<MemoryStore>(*m_db, m_clock);
    m_assistant = std::make_unique<jarvis::OfflineAssistant>(*m_db, m_clock);
    MemoryStore* memory = m_memory.get();
    m_assistant->setMemorySearcher([memory](const QString& query) { return jarvis::memoryAnswer(*memory, query); });
    Database* connection = m_db.get();
    const Clock* clock = &m_clock;
    m_assistant->setAgentRunner(
        [connection, clock](const QString& key) { return jarvis::agentAnswer(*connection, *clock, key); });
    return true;
}

void JarvisWorker::ask(qint64 generation, const QString& text)
{
    QString error;
    if (!ensureOpen(&error)) {
        jarvis::AssistantReply reply;
        reply.failed = true;
        reply.markdown = u"Cannot open the workspace for Jarvis: "_s + error;
        Q_EMIT answered(generation, reply, {});
        return;
    }
    // Memory is a record, not a condition: a turn that cannot be remembered is still answered.
    m_memory->remember(u"user"_s, text);
    const jarvis::AssistantReply reply = m_assistant->answer(text);
    m_memory->remember(u"assistant"_s, reply.markdown);
    QList<MoveRow> rows;
    if (!reply.changedMoves.isEmpty())
        rows = MoveRepository(*m_db).rows(reply.changedMoves, &error);
    Q_EMIT answered(generation, reply, rows);
}

} // namespace caseyos
