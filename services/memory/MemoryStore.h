#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "memory/MemoryTypes.h"
#include "memory/VectorIndex.h"

#include <span>

namespace caseyos {

class Database;

// Jarvis's persistent memory: sessions and every message, searchable lexically (SQLite FTS5) always and
// semantically (cosine over compact vectors) when an embeddings provider fills them in; the two result lists
// are merged by reciprocal rank fusion. Synchronous; lives on the thread that owns the Database.
class MemoryStore
{
public:
    MemoryStore(Database& db, const Clock& clock);

    // Appends a message to the current session, starting a new session when the last one ended or has been
    // idle for an hour. Returns the stored message.
    Result<MemoryMessage> remember(const QString& role, const QString& content);

    Result<QList<MemorySession>> sessions() const; // most recently active first
    Result<MemorySession> session(qint64 id) const;
    Result<QList<MemoryMessage>> messages(qint64 sessionId) const; // in order
    Result<MemorySession> rename(qint64 sessionId, const QString& name);
    // New messages go to it (it reopens if it had ended); every other open session ends.
    Result<MemorySession> activate(qint64 sessionId);
    Result<MemorySession> end(qint64 sessionId);
    Result<int> forget(qint64 sessionId); // deletes the session, its messages, index entries and vectors
    // Keeps the in-memory vector index in step after messages were deleted elsewhere (SessionSummaries).
    void dropFromIndex(const QList<qint64>& messageIds);

    // Stores the embedding of a message (normalized and quantized) for `model`.
    Result<bool> setEmbedding(qint64 messageId, const QString& model, std::span<const float> vector);

    // Full-text results, best first (bm25). Every word must occur (stemmed); if none does, any word may.
    Result<QList<MemoryHit>> searchLexical(const QString& query, int limit) const;
    // Lexical merged with semantic when `queryVector` is given (same `model` as the stored vectors).
    Result<QList<MemoryHit>> search(const QString& query, int limit, const QString& model = {},
        std::span<const float> queryVector = {});

    // The in-memory vector index of `model`, loaded from the database on first use and kept in step by
    // setEmbedding and forget.
    const VectorIndex& vectorIndex(const QString& model);

private:
    Result<qint64> currentSession(qint64 nowMs);
    Result<QList<MemoryMessage>> messagesById(const QList<qint64>& ids) const;
    Database& m_db;
    const Clock& m_clock;
    QString m_indexModel;
    VectorIndex m_index;
    bool m_indexLoaded = false;
};

} // namespace caseyos
